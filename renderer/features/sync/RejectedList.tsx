import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorText.js';
import { formatDateTime } from '../../lib/format.js';
import { useRejected, useResolveRejected } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';

/** The translated name of a mutation, or its code for one this build does not know. */
export function useMutationName() {
  const { t, i18n } = useTranslation();
  return (name: string) => (i18n.exists(`mutation.${name}`) ? t(`mutation.${name}` as 'mutation.setKind') : name);
}

export function useRejectionReason() {
  const { t, i18n } = useTranslation();
  return (code: string, message: string) => (i18n.exists(`errors.${code}`) ? t(`errors.${code}` as 'errors.unknown') : message);
}

/** Changes the central server refused, each with its reason and what the user can do (ui.md). */
export function RejectedList({ onOpenItem }: { onOpenItem?: () => void }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const openItem = useUiStore((s) => s.openItem);
  const setMode = useUiStore((s) => s.setMode);
  const rejected = useRejected();
  const resolve = useResolveRejected();
  const mutationName = useMutationName();
  const reason = useRejectionReason();
  const list = rejected.data ?? [];
  if (list.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="rejected-title" data-testid="rejected-list" sx={{ mt: 2 }}>
      <Typography id="rejected-title" variant="h3" sx={{ color: 'error.main' }}>
        {t('sync.rejectedListTitle')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {t('sync.rejectedHelp')}
      </Typography>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1, maxHeight: 280, overflow: 'auto' }}>
        {list.map((r) => (
          <Box component="li" key={r.mutationId} sx={{ p: 1, borderLeft: 4, borderColor: 'error.main', bgcolor: 'background.default' }}>
            <Typography variant="body2" sx={{ fontWeight: 700 }}>
              {mutationName(r.name)}
            </Typography>
            <Typography variant="body2">{reason(r.code, r.message)}</Typography>
            <Typography variant="caption" color="text.secondary">
              {formatDateTime(r.at, lang)}
            </Typography>
            <Box sx={{ display: 'flex', gap: 0.5, mt: 0.5 }}>
              <Button size="small" variant="outlined" disabled={resolve.isPending} onClick={() => resolve.mutate({ mutationId: r.mutationId, action: 'retry' })}>
                {t('sync.retry')}
              </Button>
              <Button size="small" color="error" disabled={resolve.isPending} onClick={() => resolve.mutate({ mutationId: r.mutationId, action: 'discard' })}>
                {t('sync.discard')}
              </Button>
              {r.itemId ? (
                <Button
                  size="small"
                  onClick={() => {
                    setMode('inbox');
                    openItem(r.itemId);
                    onOpenItem?.();
                  }}
                >
                  {t('sync.openItem')}
                </Button>
              ) : null}
            </Box>
          </Box>
        ))}
      </Box>
      {resolve.error ? <ErrorAlert error={resolve.error} /> : null}
    </Box>
  );
}

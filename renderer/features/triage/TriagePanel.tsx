import AltRoute from '@mui/icons-material/AltRoute';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TriageSuggestion } from '../../../shared/api/desk-api.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { may, type Action } from '../../../shared/workflow/permissions.js';
import { useMutate, useRejected, useSuggestions } from '../../state/queries.js';
import { useActor } from '../../state/use-actor.js';
import { useUiStore, type TriageDialogKind } from '../../state/ui-store.js';
import { useMutationName, useRejectionReason } from '../sync/RejectedList.js';
import { DialogButtons } from '../../components/ActionDialog.js';
import { useLookup } from '../../state/use-lookup.js';

/** The open item's suggestion accept handler, for the number keys (one panel is open at a time). */
export const suggestionKeys: { accept: ((n: number) => void) | null } = { accept: null };

/** What the triage keys and buttons open for this item; L toggles between restricting and lifting. */
export function triageDialogFor(kind: 'kind' | 'service' | 'forward' | 'assign' | 'restrict', item: FeedbackItem | null): TriageDialogKind {
  if (kind === 'restrict' && item?.restricted) return 'lift';
  return kind;
}

const ACTIONS: Array<{ dialog: TriageDialogKind; label: string; key?: string; needs: Action }> = [
  { dialog: 'kind', label: 'triage.setKind', key: 'T', needs: 'classify' },
  { dialog: 'service', label: 'triage.setService', key: 'S', needs: 'classify' },
  { dialog: 'language', label: 'triage.setLanguage', needs: 'classify' },
  { dialog: 'forward', label: 'triage.forward', key: 'F', needs: 'forward' },
  { dialog: 'assign', label: 'triage.assign', key: 'A', needs: 'assign' },
  { dialog: 'restrict', label: 'triage.restrict', key: 'L', needs: 'restrict' },
  { dialog: 'spam', label: 'triage.spam', needs: 'classify' },
  { dialog: 'redirect', label: 'triage.redirect', needs: 'forward' },
  { dialog: 'duplicate', label: 'triage.duplicate', needs: 'classify' },
  { dialog: 'outside', label: 'triage.outside', needs: 'draft_answer' },
];

function Band({ children, tone, testId }: { children: React.ReactNode; tone: 'info' | 'warning' | 'error'; testId: string }) {
  return (
    <Alert severity={tone} data-testid={testId} sx={{ py: 0 }}>
      {children}
    </Alert>
  );
}

/** Triage actions on the open item (P8), its triage state, its rejected changes, and the suggestions. */
export function TriagePanel({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const mutationName = useMutationName();
  const rejectionReason = useRejectionReason();
  const actor = useActor();
  const mutate = useMutate();
  const rejected = useRejected();
  const mine = (rejected.data ?? []).filter((r) => r.itemId === item.id);
  const allowed = (a: Action) => actor !== null && may(actor, a, item);

  return (
    <Paper component="section" variant="outlined" aria-labelledby="triage-title" data-testid="section-triage" sx={{ p: 2, display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <AltRoute fontSize="small" sx={{ color: 'text.secondary' }} aria-hidden />
        <Typography id="triage-title" variant="h3" component="h3" sx={{ flex: 1 }}>
          {t('triage.title')}
        </Typography>
      </Box>
      {mine.map((r) => (
        <Band key={r.mutationId} tone="error" testId="rejected-badge">
          <strong>{t('triage.rejectedBadge')}</strong> – {t('triage.rejectedHint', { action: mutationName(r.name), reason: rejectionReason(r.code, r.message) })}
        </Band>
      ))}
      {item.duplicateOf ? <Band tone="info" testId="duplicate-band">{t('triage.duplicateBand', { id: item.duplicateOf })}</Band> : null}
      {item.continuesOutside ? <Band tone="info" testId="outside-band">{t('triage.outsideBand', { how: item.continuesOutside.how })}</Band> : null}
      {item.inappropriate ? <Band tone="warning" testId="inappropriate-band">{t('triage.inappropriateBand', { reason: t(`triage.spamReason.${item.inappropriate.reason}`) })}</Band> : null}
      {item.registryRedirect ? <Band tone="info" testId="redirected-band">{t('triage.redirectedBand')}</Band> : null}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }} role="toolbar" aria-label={t('triage.title')}>
        {item.status === 'received' && allowed('classify') ? (
          <Button size="small" variant="contained" onClick={() => mutate.mutate([{ name: 'startTriage', args: { itemId: item.id } }])}>
            {t('triage.startTriage')}
          </Button>
        ) : null}
        <DialogButtons
          item={item}
          actions={ACTIONS.map((a) => {
            const dialog = a.dialog === 'restrict' && item.restricted ? 'lift' : a.dialog;
            return { dialog, label: dialog === 'lift' ? 'triage.lift' : a.label, needs: a.needs, shortcut: a.key, testId: `triage-${dialog}` };
          })}
        />
      </Box>
      <SuggestionsPanel item={item} />
    </Paper>
  );
}

function SuggestionsPanel({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(item.id);
  const lookup = useLookup();
  const mutate = useMutate();
  const openDialog = useUiStore((s) => s.openDialog);
  const notify = useUiStore((s) => s.notify);
  const list = suggestions.data ?? [];

  const accept = (s: TriageSuggestion) => {
    const done = { onSuccess: () => notify({ text: t('triage.saved'), severity: 'success' as const }) };
    switch (s.type) {
      case 'redirect_to_registry':
        // The reply the sender gets is shown before anything happens (P6).
        return openDialog('redirect', [item.id]);
      case 'restrict':
        return mutate.mutate([{ name: 'restrictVisibility', args: { itemId: item.id, reason: t(`suggestions.restrictReason.${s.reason}`) } }], done);
      case 'duplicate':
        return mutate.mutate([{ name: 'linkDuplicate', args: { itemId: item.id, duplicateOfId: s.itemId } }], done);
      case 'route':
        return mutate.mutate([{ name: 'setService', args: { itemId: item.id, serviceCode: s.serviceCode } }], done);
    }
  };

  useEffect(() => {
    suggestionKeys.accept = (n) => {
      const s = list[n - 1];
      if (s) accept(s);
    };
    return () => {
      suggestionKeys.accept = null;
    };
  });

  const actionLabel = (s: TriageSuggestion) => {
    switch (s.type) {
      case 'duplicate':
        return t('suggestions.action.duplicate', { id: s.evidence[0] ?? s.itemId });
      case 'route':
        return t('suggestions.action.route', { service: lookup.service(s.serviceCode) ?? s.serviceCode });
      default:
        return t(`suggestions.action.${s.type}`);
    }
  };
  const evidence = (s: TriageSuggestion) => {
    if (s.type === 'restrict' && s.reason === 'personal_identity_code') return t('suggestions.hiddenCode');
    if (s.type === 'duplicate') return `${s.evidence.join(', ')} · ${t('suggestions.similarity', { percent: Math.round(s.similarity * 100) })}`;
    return s.evidence.join(', ');
  };

  return (
    <Box component="section" aria-labelledby="suggestions-title" data-testid="suggestions" sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}>
      <Typography id="suggestions-title" variant="subtitle2" component="h4" sx={{ fontWeight: 700 }}>
        {t('suggestions.title')}
      </Typography>
      {list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {suggestions.isPending ? t('app.loading') : t('suggestions.none')}
        </Typography>
      ) : (
        <>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
            {t('suggestions.hint')}
          </Typography>
          <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1 }}>
            {list.map((s, i) => (
              <Box
                component="li"
                key={`${s.type}-${i}`}
                data-testid={`suggestion-${s.type}`}
                sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: 1.5, alignItems: 'start', p: 1, border: 1, borderColor: s.type === 'restrict' ? 'warning.main' : 'divider', bgcolor: 'background.paper' }}
              >
                <Box component="kbd" sx={{ fontFamily: 'monospace', px: 0.75, border: 1, borderColor: 'grey.500', borderBottomWidth: 2, mt: 0.25 }}>
                  {i + 1}
                </Box>
                <Box sx={{ minWidth: 0 }}>
                  <Typography variant="body2">{t(`suggestions.reason.${s.reason}`)}</Typography>
                  <Typography variant="caption" color="text.secondary" component="p" sx={{ overflowWrap: 'anywhere' }}>
                    {t('suggestions.evidence', { words: evidence(s) })}
                  </Typography>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mt: 0.75 }}>
                    <Button size="small" variant="contained" onClick={() => accept(s)} disabled={mutate.isPending}>
                      {actionLabel(s)}
                    </Button>
                    {s.type === 'route' && s.departmentId && s.departmentId !== item.departmentId ? (
                      <Button size="small" variant="outlined" onClick={() => openDialog('forward', [item.id])}>
                        {t('suggestions.action.forwardTo', { department: lookup.department(s.departmentId) ?? s.departmentId })}
                      </Button>
                    ) : null}
                  </Box>
                </Box>
              </Box>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}

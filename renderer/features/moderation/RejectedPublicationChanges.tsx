import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RejectedMutation } from '../../../shared/api/desk-api.js';
import { useDesk } from '../../app/desk-context.js';
import { keys } from '../../state/queries.js';

interface Texts {
  title: string | null;
  text: string | null;
  answer: string | null;
}

const textsOf = (v: unknown): Texts | null =>
  v && typeof v === 'object' && 'text' in v ? { title: null, answer: null, ...(v as Partial<Texts>), text: (v as Texts).text ?? null } : null;

/**
 * Publication changes the central server refused after this desk had already made them (an edit saved
 * offline while another moderator saved, a publish the central guard refused). A conflict offers keep mine
 * (saved again on top of the current version) or take theirs (the pulled version stays); anything else
 * can be retried or discarded.
 */
export function RejectedPublicationChanges({ rejected, onKeepMine }: { rejected: RejectedMutation[]; onKeepMine: (mine: Texts) => void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const client = useQueryClient();
  const resolve = useMutation({
    mutationFn: (args: { mutationId: number; action: 'retry' | 'discard' }) => desk.resolveRejected(args),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.rejected });
      void client.invalidateQueries({ queryKey: keys.syncStatus });
    },
  });
  if (rejected.length === 0) return null;
  return (
    <Box sx={{ display: 'grid', gap: 1, mb: 1.5 }} data-testid="publication-rejected">
      {rejected.map((r) => {
        const mine = r.code === 'conflict' ? textsOf(r.details.mine) : null;
        return (
          <Alert
            key={r.mutationId}
            severity="error"
            action={
              <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                {mine ? (
                  <>
                    <Button
                      color="inherit"
                      size="small"
                      onClick={() => {
                        onKeepMine(mine);
                        resolve.mutate({ mutationId: r.mutationId, action: 'discard' });
                      }}
                    >
                      {t('moderation.conflict.keepMine')}
                    </Button>
                    <Button color="inherit" size="small" onClick={() => resolve.mutate({ mutationId: r.mutationId, action: 'discard' })}>
                      {t('moderation.conflict.takeTheirs')}
                    </Button>
                  </>
                ) : (
                  <>
                    <Button color="inherit" size="small" onClick={() => resolve.mutate({ mutationId: r.mutationId, action: 'retry' })}>
                      {t('moderation.rejected.retry')}
                    </Button>
                    <Button color="inherit" size="small" onClick={() => resolve.mutate({ mutationId: r.mutationId, action: 'discard' })}>
                      {t('moderation.rejected.discard')}
                    </Button>
                  </>
                )}
              </Box>
            }
          >
            {mine ? t('moderation.rejected.conflict') : t('moderation.rejected.other', { reason: r.message })}
          </Alert>
        );
      })}
    </Box>
  );
}

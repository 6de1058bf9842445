import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './ErrorText.js';
import { useMutate } from '../state/queries.js';
import Box from '@mui/material/Box';
import type { FeedbackItem } from '../../shared/domain/feedback-item.js';
import { may, type Action } from '../../shared/workflow/permissions.js';
import { useActor } from '../state/use-actor.js';
import { useUiStore, type DialogKind } from '../state/ui-store.js';

/**
 * The frame of every action dialog opened from an item (triage, comment requests, transfers,
 * answering): one mutation per item, the outcome reported, the dialog closed on success and kept
 * open with the translated reason on failure, so nothing typed is lost.
 */
type Call = { name: string; args: Record<string, unknown> };

/** Runs the calls (one per item), reports the outcome, closes on success. */
export function useRun() {
  const { t } = useTranslation();
  const mutate = useMutate();
  const errorText = useErrorText();
  const close = useUiStore((s) => s.closeDialog);
  const notify = useUiStore((s) => s.notify);
  const clearSelection = useUiStore((s) => s.clearSelection);
  const [error, setError] = useState<string | null>(null);
  const run = (calls: Call[], successText?: string) => {
    setError(null);
    mutate.mutate(calls, {
      onSuccess: ({ done, failed }) => {
        if (failed.length === 0) {
          close();
          if (calls.length > 1) clearSelection();
          notify({ text: calls.length > 1 ? t('bulk.done', { ok: done.length, failed: 0 }) : (successText ?? t('triage.saved')), severity: 'success' });
        } else if (calls.length === 1) {
          setError(errorText(failed[0].error));
        } else {
          close();
          clearSelection();
          notify({ text: t('bulk.done', { ok: done.length, failed: failed.length }), severity: 'error' });
        }
      },
      onError: (err) => setError(errorText(err)),
    });
  };
  return { run, error, busy: mutate.isPending };
}

export function Shell({ title, children, onSubmit, busy, error, submitLabel, testId, focusSubmit = false }: {
  title: string;
  /** Confirmation dialogs with nothing to type start on the confirm button. */
  focusSubmit?: boolean;
  children: ReactNode;
  onSubmit?: () => void;
  busy: boolean;
  error: string | null;
  submitLabel?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const close = useUiStore((s) => s.closeDialog);
  const onKeyDown = (e: KeyboardEvent) => {
    if (onSubmit && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  };
  return (
    <Dialog open onClose={close} aria-labelledby="triage-dialog-title" maxWidth="sm" fullWidth onKeyDown={onKeyDown} data-testid={testId}>
      <DialogTitle id="triage-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
        {children}
        {error ? (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        {onSubmit ? (
          <Typography variant="caption" color="text.secondary" sx={{ mr: 'auto', pl: 2 }}>
            {t('triage.submitHint')}
          </Typography>
        ) : null}
        <Button onClick={close}>{t('triage.cancel')}</Button>
        {onSubmit ? (
          <Button variant="contained" onClick={onSubmit} disabled={busy} data-testid="triage-submit" autoFocus={focusSubmit}>
            {submitLabel ?? t('triage.confirm')}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}


export interface DialogAction {
  dialog: DialogKind;
  /** An i18n key. */
  label: string;
  needs: Action;
  /** The key that opens it too (ui.md "Keyboard"), shown on the button. */
  shortcut?: string;
  testId: string;
}

/**
 * The buttons that open an item's action dialogs, each disabled (with the reason as its title)
 * where the shared permission rules say this person may not.
 */
export function DialogButtons({ item, actions }: { item: FeedbackItem; actions: readonly DialogAction[] }) {
  const { t } = useTranslation();
  const actor = useActor();
  const openDialog = useUiStore((s) => s.openDialog);
  return (
    <>
      {actions.map((a) => {
        const allowed = actor !== null && may(actor, a.needs, item);
        return (
          <Button
            key={a.dialog}
            size="small"
            variant="outlined"
            disabled={!allowed}
            title={allowed ? undefined : t('triage.notAllowed')}
            onClick={() => openDialog(a.dialog, [item.id])}
            data-testid={a.testId}
          >
            {t(a.label as 'triage.setKind')}
            {a.shortcut ? (
              <Box component="kbd" sx={{ ml: 0.75, fontFamily: 'monospace', fontSize: '0.75rem', opacity: 0.8 }}>
                {a.shortcut}
              </Box>
            ) : null}
          </Button>
        );
      })}
    </>
  );
}

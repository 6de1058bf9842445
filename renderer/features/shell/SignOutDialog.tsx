import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../shared/api/desk-api.js';
import { ErrorAlert } from '../../components/ErrorText.js';
import { useSignOut } from '../../state/queries.js';

/**
 * Signs out at once when nothing is waiting to be sent; otherwise asks before discarding the
 * unsent changes (the desk core refuses with `pending_mutations` until told to force).
 */
export function SignOutDialog({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signOut.mutate(false, { onSuccess: onDone });
  }, [signOut, onDone]);

  const pending = signOut.error instanceof DeskError && signOut.error.code === 'pending_mutations';
  if (!signOut.error) return null;
  return (
    <Dialog open onClose={onDone} aria-labelledby="sign-out-title">
      <DialogTitle id="sign-out-title">{pending ? t('signOut.pendingTitle') : t('errors.title')}</DialogTitle>
      <DialogContent>
        {pending ? <DialogContentText>{t('signOut.pendingBody')}</DialogContentText> : <ErrorAlert error={signOut.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onDone} variant="contained" autoFocus>
          {t('signOut.cancel')}
        </Button>
        {pending ? (
          <Button color="error" variant="outlined" onClick={() => signOut.mutate(true, { onSuccess: onDone })} disabled={signOut.isPending}>
            {t('signOut.force')}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}

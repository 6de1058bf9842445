import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../shared/api/desk-api.js';

/** The translated text for an error code; unknown codes get a generic line, never raw internals. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (err: unknown): string => {
    const code = err instanceof DeskError ? err.code : 'unknown';
    const key = `errors.${code}`;
    return i18n.exists(key) ? (t(key as 'errors.unknown') as string) : t('errors.unknown');
  };
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText()(error);
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry ? (
          <Button color="inherit" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    >
      {text}
    </Alert>
  );
}

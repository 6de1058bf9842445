import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/api/desk-api.js';
import { DefinitionField } from '../../components/DefinitionField.js';
import { ErrorAlert } from '../../components/ErrorText.js';
import { formatDateTime } from '../../lib/format.js';
import { useSession, useSyncNow } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';
import { RejectedList } from './RejectedList.js';

export function SyncDetails({ status, error }: { status: SyncStatus | undefined; error: unknown }) {
  const { t, i18n } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const session = useSession();
  const syncNow = useSyncNow();
  // lastError is an error code when the core knows one, else a technical line shown as is.
  const errorText = (error: string) => (i18n.exists(`errors.${error}`) ? t(`errors.${error}` as 'errors.unknown') : error);

  return (
    <Box sx={{ p: 2, width: 380 }} data-testid="sync-details">
      <Typography variant="h2" sx={{ mb: 1.5 }}>
        {t('sync.detailsTitle')}
      </Typography>
      {error ? (
        <Box sx={{ mb: 1.5 }}>
          <ErrorAlert error={error} />
        </Box>
      ) : null}
      {status ? (
        <>
          {!status.online || status.phase === 'offline' ? (
            <Alert severity="warning" sx={{ mb: 1.5 }}>
              {t('sync.offlineHint')}
            </Alert>
          ) : null}
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
            <DefinitionField label={t('sync.phaseLabel')}>{t(`sync.phase.${status.phase}`)}</DefinitionField>
            {status.progress ? (
              <DefinitionField label={t('sync.progressLabel')}>
                {status.progress.done} / {status.progress.total}
              </DefinitionField>
            ) : null}
            <DefinitionField label={t('sync.lastSyncLabel')}>{status.lastSyncAt ? formatDateTime(status.lastSyncAt, lang) : t('sync.neverSynced')}</DefinitionField>
            <DefinitionField label={t('sync.pendingLabel')}>{status.pendingCount || t('sync.none')}</DefinitionField>
            {status.oldestPendingAt ? <DefinitionField label={t('sync.oldestPendingLabel')}>{formatDateTime(status.oldestPendingAt, lang)}</DefinitionField> : null}
            <DefinitionField label={t('sync.rejectedLabel')}>
              <Box component="span" sx={{ color: status.rejectedCount ? 'error.main' : undefined, fontWeight: status.rejectedCount ? 700 : 400 }}>
                {status.rejectedCount || t('sync.none')}
              </Box>
            </DefinitionField>
            {status.lastError ? <DefinitionField label={t('sync.lastErrorLabel')}>{errorText(status.lastError)}</DefinitionField> : null}
            <DefinitionField label={t('sync.centralLabel')}>{status.centralUrl}</DefinitionField>
          </Box>
        </>
      ) : null}
      {session.data ? <RejectedList /> : null}
      {syncNow.error ? (
        <Box sx={{ mt: 1.5 }}>
          <ErrorAlert error={syncNow.error} />
        </Box>
      ) : null}
      <Button
        variant="contained"
        sx={{ mt: 2 }}
        onClick={() => syncNow.mutate()}
        disabled={!session.data || syncNow.isPending}
        data-testid="sync-now"
      >
        {t('sync.syncNow')}
      </Button>
    </Box>
  );
}

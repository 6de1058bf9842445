import CloudDone from '@mui/icons-material/CloudDone';
import CloudOff from '@mui/icons-material/CloudOff';
import Sync from '@mui/icons-material/Sync';
import SyncProblem from '@mui/icons-material/SyncProblem';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Popover from '@mui/material/Popover';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/api/desk-api.js';
import { useErrorText } from '../../components/ErrorText.js';
import { formatCompact } from '../../lib/format.js';
import { useSyncStatus } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';
import { SyncDetails } from './SyncDetails.js';

type Tone = 'ok' | 'busy' | 'offline' | 'problem' | 'signed_out';

export function toneOf(status: SyncStatus | undefined, failed: boolean): Tone {
  if (failed || !status) return 'problem';
  if (status.phase === 'signed_out') return 'signed_out';
  if (!status.online || status.phase === 'offline') return 'offline';
  if (status.phase === 'error' || status.rejectedCount > 0) return 'problem';
  if (status.phase === 'initial' || status.phase === 'incremental') return 'busy';
  return 'ok';
}

const icons = { ok: CloudDone, busy: Sync, offline: CloudOff, problem: SyncProblem, signed_out: CloudOff };

/** Always in the top bar: online/offline, last sync, pending count; the bar shows initial sync. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const errorText = useErrorText();
  const query = useSyncStatus();
  const status = query.data;
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // A failed refetch means the desk core itself is out of reach: stale numbers must not look fine.
  const tone = toneOf(status, query.isError);
  const Icon = icons[tone];

  let text: string;
  if (query.isError) text = errorText(query.error);
  else if (!status) text = t('app.loading');
  else if (status.phase === 'signed_out') text = t('sync.signedOut');
  else if (status.phase === 'initial')
    text = status.progress ? t('sync.initial', { done: status.progress.done, total: status.progress.total }) : t('sync.initialUnknown');
  else if (!status.online || status.phase === 'offline')
    // Offline, the age of what is on screen matters: show when it was last synchronised.
    text = status.lastSyncAt ? `${t('sync.offline')} · ${formatCompact(status.lastSyncAt, lang)}` : t('sync.offline');
  else if (status.phase === 'incremental') text = t('sync.syncing');
  else text = status.lastSyncAt ? t('sync.lastSync', { time: formatCompact(status.lastSyncAt, lang) }) : t('sync.neverSynced');

  const progress = status?.progress && status.progress.total > 0 ? (100 * status.progress.done) / status.progress.total : null;

  return (
    <>
      <Button
        ref={anchor}
        color="inherit"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`${t('sync.openDetails')}: ${text}`}
        data-testid="sync-indicator"
        data-sync-tone={tone}
        startIcon={<Icon fontSize="small" />}
        sx={{
          whiteSpace: 'nowrap',
          border: 1,
          borderColor: 'rgba(255,255,255,0.5)',
          ...(tone === 'offline' || tone === 'problem' ? { bgcolor: 'warning.main', color: 'warning.contrastText', borderColor: 'warning.main' } : {}),
          '&:hover': { bgcolor: tone === 'offline' || tone === 'problem' ? 'warning.light' : 'rgba(255,255,255,0.12)' },
        }}
      >
        <span aria-live="polite">{text}</span>
        {status && status.pendingCount > 0 ? (
          <Box
            component="span"
            data-testid="sync-pending"
            sx={{ ml: 1, px: 0.75, bgcolor: 'common.white', color: 'primary.dark', fontWeight: 700, fontSize: '0.75rem' }}
          >
            {t('sync.pending', { count: status.pendingCount })}
          </Box>
        ) : null}
      </Button>
      {progress !== null ? (
        <LinearProgress
          variant="determinate"
          value={progress}
          aria-label={text}
          color="inherit"
          sx={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 3 }}
        />
      ) : status?.phase === 'initial' ? (
        <LinearProgress aria-label={text} color="inherit" sx={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: 3 }} />
      ) : null}
      <Popover
        open={open}
        anchorEl={anchor.current}
        onClose={() => setOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { variant: 'outlined', role: 'dialog', 'aria-label': t('sync.detailsTitle') } as object }}
      >
        <SyncDetails status={status} error={query.isError ? query.error : null} />
      </Popover>
    </>
  );
}

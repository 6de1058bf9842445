import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRow } from '../../../shared/api/desk-api.js';
import { DueText } from '../../components/DueText.js';
import { ChannelIcon, ContactIcon, KindIcon, PendingIcon, PublishPermissionIcon, RestrictedIcon } from '../../components/item-icons.js';
import { StatusChip } from '../../components/StatusChip.js';
import { formatCompact, formatDateTime } from '../../lib/format.js';
import type { Lookup } from '../../state/use-lookup.js';
import { useUiStore } from '../../state/ui-store.js';

export const ROW_HEIGHT = 56;

const smallIcon = { fontSize: 16, color: 'text.secondary' } as const;

/** One dense inbox row: kind, title and received on top; department, status, flags and due below. */
export const InboxRowView = memo(function InboxRowView({ row, lookup }: { row: InboxRow; lookup: Lookup }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const department = lookup.department(row.departmentId);
  return (
    <Box sx={{ display: 'grid', gridTemplateRows: '1fr 1fr', alignItems: 'center', height: '100%', px: 1.5, minWidth: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
        <KindIcon kind={row.kind} sx={{ fontSize: 18, color: 'primary.main', flexShrink: 0 }} />
        <Box
          component="span"
          data-testid="inbox-row-title"
          sx={{
            flex: 1,
            minWidth: 0,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            fontWeight: row.status === 'received' ? 700 : 500,
          }}
        >
          {row.title || t('inbox.noTitle')}
        </Box>
        <Box
          component="span"
          title={t('inbox.received', { time: formatDateTime(row.receivedAt, lang) })}
          sx={{ fontSize: '0.8rem', color: 'text.secondary', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
        >
          {formatCompact(row.receivedAt, lang)}
        </Box>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, minWidth: 0, fontSize: '0.8rem' }}>
        <Box
          component="span"
          sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: 'text.secondary' }}
        >
          {department ?? t('inbox.noDepartment')}
        </Box>
        {row.pending ? <PendingIcon sx={{ fontSize: 16, color: 'info.main' }} /> : null}
        <StatusChip status={row.status} />
        {row.restricted ? <RestrictedIcon sx={{ fontSize: 16 }} /> : null}
        {row.hasContact ? <ContactIcon sx={smallIcon} /> : null}
        {row.publicationPermission ? <PublishPermissionIcon sx={smallIcon} /> : null}
        <ChannelIcon channel={row.channel} sx={smallIcon} />
        <DueText dueAt={row.dueAt} status={row.status} />
      </Box>
    </Box>
  );
});

export function InboxRowSkeleton() {
  return (
    <Box sx={{ px: 1.5, py: 0.75 }}>
      <Skeleton width="70%" />
      <Skeleton width="45%" />
    </Box>
  );
}

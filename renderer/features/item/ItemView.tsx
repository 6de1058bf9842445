import ArrowBack from '@mui/icons-material/ArrowBack';
import Lock from '@mui/icons-material/Lock';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Chip from '@mui/material/Chip';
import { forwardRef, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { DueText } from '../../components/DueText.js';
import { ErrorAlert } from '../../components/ErrorText.js';
import { KindIcon } from '../../components/item-icons.js';
import { StatusChip } from '../../components/StatusChip.js';
import { formatDateTime } from '../../lib/format.js';
import { useItem, useMarkNotificationsRead, useNotifications } from '../../state/queries.js';
import { useLookup } from '../../state/use-lookup.js';
import { useUiStore } from '../../state/ui-store.js';
import { HistorySection, OriginalSection } from './sections.js';
import { TriagePanel } from '../triage/TriagePanel.js';
import { PublicationSection } from '../moderation/PublicationSection.js';
import { AnswerSection } from '../answer/AnswerSection.js';
import { CollaborationSection } from '../collab/CollaborationSection.js';
import { CommentsSection } from '../collab/CommentsSection.js';
import { DepartedNotice, GuestBand, HandoffBand } from '../collab/ItemBands.js';
import { PresenceAvatars, usePresenceAnnouncement } from '../collab/Presence.js';
import { collaborationSummary, workFlags } from '../../../shared/workflow/collaboration.js';
import { accessTo } from '../../../shared/workflow/permissions.js';
import { useActor } from '../../state/use-actor.js';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="div" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="div" variant="body2" data-testid={testId} sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** How long an item is open before its news counts as read. */
const READ_AFTER_MS = 2500;

export function itemTitle(item: FeedbackItem): string | null {
  return item.original.title?.trim() || null;
}

/** Where the item stands between colleagues, for the signed-in person (the inbox row shows the same chips). */
function WorkChips({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const actor = useActor();
  const unread = useNotifications().data?.items.some((n) => n.itemId === item.id && !n.read && (n.kind === 'commented' || n.kind === 'request_answered' || n.kind === 'mentioned'));
  if (!actor) return null;
  const flags = workFlags(collaborationSummary(item), actor, new Date());
  if (unread) flags.push('new_comments');
  if (flags.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 1, ml: 5 }} data-testid="work-chips">
      {flags.map((f) => (
        <Chip key={f} size="small" label={t(`collab.workFlag.${f}`)} color={f === 'request_overdue' ? 'error' : f === 'to_approve' || f === 'asked_of_me' || f === 'returned' ? 'warning' : 'default'} data-flag={f} />
      ))}
    </Box>
  );
}

function ItemHeader({ item, onBack }: { item: FeedbackItem; onBack: () => void }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const lookup = useLookup();
  return (
    <Box component="header" sx={{ px: 3, pt: 2, pb: 1.5, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Tooltip title={t('item.close')}>
          <IconButton onClick={onBack} aria-label={t('item.close')} sx={{ mt: -0.25 }}>
            <ArrowBack fontSize="small" />
          </IconButton>
        </Tooltip>
        <KindIcon kind={item.kind} sx={{ color: 'primary.main', mt: 0.5 }} />
        <Typography variant="h1" component="h2" id="item-title" data-testid="item-title" sx={{ flex: 1, overflowWrap: 'anywhere' }}>
          {itemTitle(item) ?? t('inbox.noTitle')}
        </Typography>
        <PresenceAvatars itemId={item.id} />
        <StatusChip status={item.status} />
      </Box>
      <WorkChips item={item} />
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5, mt: 1.5, ml: 5 }}>
        <Fact label={t('item.id')} testId="item-service-request-id">
          <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }}>
            {item.serviceRequestId}
          </Box>
        </Fact>
        <Fact label={t('item.received')}>{formatDateTime(item.receivedAt, lang)}</Fact>
        <Fact label={t('item.due')}>
          <DueText dueAt={item.dueAt} status={item.status} long />
        </Fact>
        <Fact label={t('item.assignee')}>{lookup.staff(item.assigneeId) ?? t('item.unassigned')}</Fact>
        <Fact label={t('item.department')}>{lookup.department(item.departmentId) ?? t('inbox.noDepartment')}</Fact>
        <Fact label={t('item.service')}>{lookup.service(item.serviceCode) ?? '–'}</Fact>
        <Fact label={t('item.kind')}>{t(`kind.${item.kind}`)}</Fact>
        <Fact label={t('item.channel')}>{t(`channel.${item.channel}`)}</Fact>
        <Fact label={t('item.language')}>{t(`language.${item.language}`)}</Fact>
      </Box>
      {item.restricted ? (
        <Box
          role="note"
          data-testid="restricted-band"
          sx={(theme) => ({
            display: 'flex',
            alignItems: 'center',
            gap: 1,
            mt: 1.5,
            px: 1.5,
            py: 0.75,
            bgcolor: theme.palette.restricted.background,
            borderLeft: 4,
            borderColor: theme.palette.restricted.border,
            color: theme.palette.restricted.text,
            fontWeight: 600,
          })}
        >
          <Lock fontSize="small" aria-hidden />
          {t('item.restrictedBand', { reason: item.restricted.reason })}
        </Box>
      ) : null}
    </Box>
  );
}

/** The right pane: the open item with its triage actions and suggestions. */
export const ItemView = forwardRef<HTMLDivElement, { onBack: () => void }>(function ItemView({ onBack }, ref) {
  const { t } = useTranslation();
  const openItemId = useUiStore((s) => s.openItemId);
  const item = useItem(openItemId);
  const markRead = useMarkNotificationsRead();
  const actor = useActor();
  const triageFirst = actor?.role !== 'responder';
  // A colleague asked for a comment (a guest) may only read and comment: no triage for them.
  const triage = item.data && actor && accessTo(actor, item.data) === 'full' ? <TriagePanel item={item.data} /> : null;
  usePresenceAnnouncement(item.data ? openItemId : null);
  const unreadHere = useNotifications().data?.items.some((n) => n.itemId === openItemId && !n.read) ?? false;
  // An item open for a moment has been read (its notifications and "new comments"), as mail
  // clients do: news arriving on the open item shows its chip for that moment first.
  useEffect(() => {
    if (!openItemId || !unreadHere) return;
    const timer = setTimeout(() => markRead.mutate({ itemId: openItemId }), READ_AFTER_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openItemId, unreadHere]);

  let body: ReactNode;
  if (openItemId === null) {
    body = (
      <Typography color="text.secondary" sx={{ p: 4 }}>
        {t('item.placeholder')}
      </Typography>
    );
  } else if (item.isPending) {
    body = (
      <Box sx={{ p: 4 }}>
        <CircularProgress size={24} aria-label={t('app.loading')} />
      </Box>
    );
  } else if (item.error) {
    body = (
      <Box sx={{ p: 3 }}>
        <ErrorAlert error={item.error} onRetry={() => void item.refetch()} />
      </Box>
    );
  } else if (!item.data) {
    body = <DepartedNotice itemId={openItemId} fallback={t('item.notFound')} />;
  } else {
    body = (
      <>
        <ItemHeader item={item.data} onBack={onBack} />
        <Box sx={{ px: 3, py: 2, display: 'grid', gap: 2, maxWidth: 960 }}>
          <HandoffBand item={item.data} />
          <GuestBand item={item.data} />
          {/* Helsinki-info triages first; a department's responders read, ask and answer first. */}
          {triageFirst ? triage : null}
          <OriginalSection item={item.data} />
          <CollaborationSection item={item.data} />
          <CommentsSection item={item.data} />
          <AnswerSection item={item.data} />
          {triageFirst ? null : triage}
          <PublicationSection item={item.data} />
          <HistorySection item={item.data} />
        </Box>
      </>
    );
  }

  return (
    <Box
      ref={ref}
      component="section"
      tabIndex={-1}
      aria-label={t('item.region')}
      aria-labelledby={item.data ? 'item-title' : undefined}
      data-testid="item-view"
      sx={{ overflow: 'auto', minHeight: 0, bgcolor: 'background.default', outline: 'none' }}
    >
      {body}
    </Box>
  );
});

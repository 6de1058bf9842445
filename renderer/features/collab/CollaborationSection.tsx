import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CommentRequest } from '../../../shared/domain/collaboration.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { isRequestOverdue } from '../../../shared/workflow/collaboration.js';
import { may } from '../../../shared/workflow/permissions.js';
import { formatDateTime } from '../../lib/format.js';
import { useMutate } from '../../state/queries.js';
import { useActor } from '../../state/use-actor.js';
import { useLookup } from '../../state/use-lookup.js';
import { useUiStore } from '../../state/ui-store.js';
import { InternalLabel, Section } from '../item/Section.js';
import { DialogButtons, type DialogAction } from '../../components/ActionDialog.js';

function RequestRow({ item, r }: { item: FeedbackItem; r: CommentRequest }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const lookup = useLookup();
  const actor = useActor();
  const mutate = useMutate();
  const overdue = isRequestOverdue(r, new Date());
  const target = r.toStaffId ? lookup.staff(r.toStaffId) : t('collab.requests.departmentTarget', { name: lookup.department(r.toDepartmentId) ?? '' });
  const canCancel = r.state === 'open' && actor !== null && (r.askedBy === actor.id || may(actor, 'request_comment', item));
  return (
    <Box component="li" data-testid="comment-request" data-state={r.state} sx={{ py: 1, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0 } }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 700 }}>
          {target}
        </Typography>
        <Chip size="small" label={t(`collab.requests.state.${r.state}`)} color={r.state === 'open' ? (overdue ? 'error' : 'warning') : 'default'} variant={r.state === 'open' ? 'filled' : 'outlined'} />
        <Typography variant="caption" color={overdue ? 'error.main' : 'text.secondary'} sx={{ fontWeight: overdue ? 700 : 400 }}>
          {t('collab.requests.due', { time: formatDateTime(r.dueAt, lang) })}
          {overdue ? ` · ${t('collab.requests.overdue')}` : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {canCancel ? (
          <Button size="small" onClick={() => mutate.mutate([{ name: 'cancelCommentRequest', args: { itemId: item.id, requestId: r.id } }])}>
            {t('collab.requests.cancel')}
          </Button>
        ) : null}
      </Box>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {r.question}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('collab.requests.askedBy', { name: r.askedByName, time: formatDateTime(r.askedAt, lang) })}
        {r.closedAt && r.closedByName ? ` · ${t(`collab.requests.state.${r.state}`)}: ${t('collab.requests.closedBy', { name: r.closedByName, time: formatDateTime(r.closedAt, lang) })}` : ''}
      </Typography>
    </Box>
  );
}

const ACTIONS: DialogAction[] = [
  { dialog: 'ask', label: 'collab.requests.ask', needs: 'request_comment', testId: 'collab-ask' },
  { dialog: 'share', label: 'collab.requests.share', needs: 'share', testId: 'collab-share' },
  { dialog: 'transfer', label: 'collab.requests.transfer', needs: 'transfer', testId: 'collab-transfer' },
];

/** Comment requests and shares of the item, and the buttons that ask, share and transfer (P12). Internal. */
export function CollaborationSection({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const actor = useActor();
  const lookup = useLookup();
  const mutate = useMutate();
  const requests = [...(item.commentRequests ?? [])].sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open') || b.askedAt.localeCompare(a.askedAt));
  const shares = item.shares ?? [];
  return (
    <Section id="collab" icon={<GroupsOutlined fontSize="small" />} title={t('collab.requests.title')} badge={<InternalLabel />} tone="internal">
      {requests.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('collab.requests.none')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {requests.map((r) => (
            <RequestRow key={r.id} item={item} r={r} />
          ))}
        </Box>
      )}
      {shares.length > 0 ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, flexWrap: 'wrap', mt: 1 }} data-testid="shares">
          <Typography variant="body2">{t('collab.requests.share')}:</Typography>
          {shares.map((s) => {
            const name = lookup.staff(s.staffId) ?? s.staffId;
            const canEnd = actor !== null && (actor.id === s.staffId || may(actor, 'share', item));
            return (
              <Chip
                key={s.staffId}
                size="small"
                label={name}
                onDelete={canEnd ? () => mutate.mutate([{ name: 'endShare', args: { itemId: item.id, staffId: s.staffId } }]) : undefined}
                title={canEnd ? t('collab.requests.endShare', { name }) : undefined}
              />
            );
          })}
        </Box>
      ) : null}
      <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', mt: 1.5 }} role="toolbar" aria-label={t('collab.requests.title')}>
        <DialogButtons item={item} actions={ACTIONS} />
      </Box>
    </Section>
  );
}

import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { requestsAnsweredBy } from '../../../shared/workflow/collaboration.js';
import { accessTo } from '../../../shared/workflow/permissions.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useDeparted } from '../../state/queries.js';
import { useActor } from '../../state/use-actor.js';
import { useLookup } from '../../state/use-lookup.js';
import { useUiStore } from '../../state/ui-store.js';

export const COMMENT_COMPOSER_ID = 'comment-composer';

/** Put the caret in a field of the open item (C: the comment field, R: the answer editor). */
export function focusField(id: string): boolean {
  const el = document.getElementById(id) as HTMLTextAreaElement | null;
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.focus();
  return true;
}

/** Take the focus when C or R asked for this field and it is on screen. */
export function useFocusRequest(field: 'comment' | 'reply', id: string, present: boolean): void {
  const wanted = useUiStore((s) => s.focusRequest === field);
  const clear = useUiStore((s) => s.requestFocus);
  useEffect(() => {
    if (!wanted || !present) return;
    const frame = requestAnimationFrame(() => {
      if (focusField(id)) clear(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [wanted, present, id, clear]);
}

/**
 * What the receiver of a transfer reads first: its cover note (P12). Shown to the person it was
 * transferred to, or to the department's responders while nobody in it has taken it.
 */
export function HandoffBand({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const actor = useActor();
  const lang = useUiStore((s) => s.language);
  const lookup = useLookup();
  const h = item.handoff;
  if (!h || !actor || h.by === actor.id) return null;
  const toMe = h.toStaffId === actor.id;
  const toMyDepartment = h.toStaffId === null && h.toDepartmentId !== null && h.toDepartmentId === actor.departmentId;
  if (!toMe && !toMyDepartment) return null;
  return (
    <Alert severity="info" data-testid="handoff-band" icon={false} sx={{ borderLeft: 4, borderColor: 'info.main' }}>
      <AlertTitle sx={{ mb: 0.25 }}>{toMe ? t('collab.handoff.toYou') : t('collab.handoff.toDepartment', { department: lookup.department(h.toDepartmentId) ?? '' })}</AlertTitle>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="handoff-note">
        {h.note}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('collab.handoff.by', { name: h.byName, time: formatDateTime(h.at, lang) })}
      </Typography>
    </Alert>
  );
}

/**
 * A colleague who sees the item only because they were asked for a comment or it was shared with
 * them (P12): what they were asked, by when, and that their comment answers it.
 */
export function GuestBand({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const actor = useActor();
  const lang = useUiStore((s) => s.language);
  if (!actor || accessTo(actor, item) !== 'guest') return null;
  const asks = requestsAnsweredBy(actor, item);
  const share = (item.shares ?? []).find((s) => s.staffId === actor.id);
  return (
    <Alert severity="warning" icon={false} data-testid="guest-band" sx={(theme) => ({ bgcolor: theme.palette.internal.background, borderLeft: 4, borderColor: theme.palette.internal.border, color: 'text.primary' })}>
      {asks.map((r) => (
        <Box key={r.id} sx={{ mb: 1 }}>
          <AlertTitle sx={{ mb: 0.25 }}>
            {t(r.toStaffId ? 'collab.guest.asked' : 'collab.guest.askedDepartment', { name: r.askedByName, due: formatDate(r.dueAt, lang) })}
          </AlertTitle>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="guest-question">
            {r.question}
          </Typography>
        </Box>
      ))}
      {share && asks.length === 0 ? <AlertTitle>{t('collab.guest.shared', { name: share.byName })}</AlertTitle> : null}
      {share?.note && asks.length === 0 ? <Typography variant="body2">{share.note}</Typography> : null}
      <Typography variant="caption" component="p" sx={{ mt: 0.5 }}>
        {t('collab.guest.hint')}
      </Typography>
      {asks.length > 0 ? (
        <Button size="small" variant="contained" sx={{ mt: 1 }} onClick={() => focusField(COMMENT_COMPOSER_ID)}>
          {t('collab.guest.write')}
        </Button>
      ) : null}
    </Alert>
  );
}

/** Instead of "not found": where the item went that this person handed on (or stopped seeing). */
export function DepartedNotice({ itemId, fallback }: { itemId: string; fallback: string }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const lookup = useLookup();
  const departed = useDeparted(itemId, true);
  const d = departed.data;
  if (!d) {
    return (
      <Typography sx={{ p: 4 }} role="status">
        {fallback}
      </Typography>
    );
  }
  const to = [lookup.staff(d.toStaffId), lookup.department(d.toDepartmentId)].filter(Boolean).join(', ');
  return (
    <Box sx={{ p: 3 }}>
      <Alert severity="info" role="status" data-testid="departed-notice">
        {t(`collab.departed.${d.reason}`, { id: d.serviceRequestId, time: formatDateTime(d.at, lang), to })}
      </Alert>
    </Box>
  );
}

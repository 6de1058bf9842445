import Skeleton from '@mui/material/Skeleton';
import CheckBox from '@mui/icons-material/CheckBox';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRow } from '../../../shared/api/desk-api.js';
import { ChannelIcon, ContactIcon, KindIcon, PendingIcon, PublishPermissionIcon, RestrictedIcon } from '../../components/item-icons.js';
import { dueStateOf, formatCompact, formatDateTime } from '../../lib/format.js';
import type { UiLanguage } from '../../../shared/i18n/index.js';
import type { Lookup } from '../../state/use-lookup.js';
import { statusClass } from './inbox-row-styles.js';
import type { WorkFlag } from '../../../shared/workflow/collaboration.js';

export { ROW_HEIGHT } from './inbox-row-styles.js';

/** The one work chip a dense row has room for: what asks the most of this person first. */
const FLAG_PRIORITY: readonly WorkFlag[] = [
  'to_approve',
  'asked_of_me',
  'request_overdue',
  'returned',
  'new_comments',
  'waiting_for_comments',
  'awaiting_approval',
  'shared_with_me',
  'interim_answered',
];
const URGENT: ReadonlySet<WorkFlag> = new Set(['to_approve', 'asked_of_me', 'returned']);

function WorkChip({ flags }: { flags: readonly WorkFlag[] }) {
  const { t } = useTranslation();
  const first = FLAG_PRIORITY.find((f) => flags.includes(f));
  if (!first) return null;
  const tone = first === 'request_overdue' ? ' ir-work--overdue' : URGENT.has(first) ? ' ir-work--urgent' : '';
  const more = flags.length > 1 ? ` +${flags.length - 1}` : '';
  return (
    <span className={`ir-work${tone}`} data-testid="work-chip" data-flag={first} title={flags.map((f) => t(`collab.workFlag.${f}`)).join(', ')}>
      {t(`collab.workFlag.${first}`)}
      {more}
    </span>
  );
}

/** One dense inbox row: kind, title and received on top; department, status, flags and due below. */
export const InboxRowView = memo(function InboxRowView({ row, lookup, lang, title, selected = false }: {
  row: InboxRow;
  lookup: Lookup;
  lang: UiLanguage;
  /** Replaces the plain title (search results pass it with matches highlighted). */
  title?: ReactNode;
  selected?: boolean;
}) {
  const { t } = useTranslation();
  const department = lookup.department(row.departmentId);
  const due = dueStateOf(row.dueAt, row.status);
  const dueLabel = t('inbox.due', { time: formatCompact(row.dueAt, lang) });
  const flagged = due === 'overdue' || due === 'due_soon';
  return (
    <div className="ir-grid">
      <div className="ir-line">
        {selected ? <CheckBox className="ir-check" aria-label={t('bulk.select')} /> : null}
        <KindIcon kind={row.kind} className="ir-kind" />
        <span className={row.status === 'received' ? 'ir-title ir-title--new' : 'ir-title'} data-testid="inbox-row-title">
          {title ?? (row.title || t('inbox.noTitle'))}
        </span>
        <span className="ir-received" title={t('inbox.received', { time: formatDateTime(row.receivedAt, lang) })}>
          {formatCompact(row.receivedAt, lang)}
        </span>
      </div>
      <div className="ir-line ir-line--meta">
        <span className="ir-department">{department ?? t('inbox.noDepartment')}</span>
        {row.pending ? <PendingIcon className="ir-flag ir-flag--pending" /> : null}
        <span className={statusClass(row.status)}>{t(`status.${row.status}`)}</span>
        <WorkChip flags={row.workFlags} />
        {row.restricted ? <RestrictedIcon className="ir-flag ir-flag--restricted" /> : null}
        {row.hasContact ? <ContactIcon className="ir-flag" /> : null}
        {row.publicationPermission ? <PublishPermissionIcon className="ir-flag" /> : null}
        <ChannelIcon channel={row.channel} className="ir-flag" />
        <span className={`ir-due ir-due--${due}`} data-due-state={due} title={flagged ? `${dueLabel} – ${t(`due.${due}`)}` : dueLabel}>
          {dueLabel}
        </span>
      </div>
    </div>
  );
});

export function InboxRowSkeleton() {
  return (
    <div className="ir-grid">
      <Skeleton width="70%" />
      <Skeleton width="45%" />
    </div>
  );
}

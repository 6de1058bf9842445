import type { TFunction } from 'i18next';
import { Kind, Language } from '../../shared/domain/enums.js';
import type { HistoryEvent } from '../../shared/domain/feedback-item.js';
import { AnswerChannel } from '../../shared/domain/collaboration.js';
import type { Lookup } from '../state/use-lookup.js';

/** The i18next `t` of the UI (typed keys). */
type Translate = TFunction;

const isKind = (v: unknown): v is Kind => Kind.safeParse(v).success;
const isLanguage = (v: unknown): v is Language => Language.safeParse(v).success;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const isAnswerChannel = (v: unknown): v is AnswerChannel => AnswerChannel.safeParse(v).success;

/** Whom a comment request asks, by name: `s:<staff id>` or `d:<department id>` (permissions.ts grants). */
function targets(list: readonly unknown[], lookup: Lookup): string | null {
  const names = list.map((v) => {
    const g = str(v);
    if (!g) return null;
    return g.startsWith('s:') ? lookup.staff(g.slice(2)) : g.startsWith('d:') ? lookup.department(g.slice(2)) : null;
  });
  return names.filter(Boolean).join(', ') || null;
}

/**
 * A short human line for the details the history view understands (names instead of ids and
 * codes); anything else stays in the audit trail.
 */
export function detailText(event: HistoryEvent, lookup: Lookup, t: Translate): string | null {
  const d = event.details;
  const change = (name: (v: unknown) => string | null) => {
    const from = name(d.from);
    const to = name(d.to);
    return from || to ? `${from ?? '–'} → ${to ?? '–'}` : null;
  };
  const parts: (string | null)[] = [];
  switch (event.type) {
    case 'kind_set':
      parts.push(change((v) => (isKind(v) ? t(`kind.${v}`) : null)));
      break;
    case 'language_set':
      parts.push(change((v) => (isLanguage(v) ? t(`language.${v}`) : null)));
      break;
    case 'service_set':
      parts.push(change((v) => lookup.service(str(v))));
      break;
    case 'assigned':
      parts.push(lookup.staff(str(d.to)) ?? t('item.unassigned'));
      break;
    case 'transferred': {
      const to = [lookup.department(str(d.toDepartmentId)), lookup.staff(str(d.toStaffId))].filter(Boolean).join(', ');
      parts.push(`${lookup.department(str(d.fromDepartmentId)) ?? '–'} → ${to || '–'}`);
      break;
    }
    case 'comment_requested':
    case 'comment_request_cancelled':
      parts.push(targets(Array.isArray(d.to) ? d.to : [d.to], lookup), str(d.question));
      break;
    case 'shared':
    case 'share_ended':
      parts.push((Array.isArray(d.staffIds) ? d.staffIds : [d.staffId]).map((id) => lookup.staff(str(id))).filter(Boolean).join(', '));
      break;
    case 'approval_requested':
      parts.push(lookup.staff(str(d.approverId)));
      break;
    case 'answer_returned':
      parts.push(str(d.comment));
      break;
    case 'answered':
    case 'interim_answered':
      if (isAnswerChannel(d.channel)) parts.push(t(`collab.answer.channel.${d.channel}`));
      break;
    default:
      if (str(d.departmentId)) parts.push(lookup.department(str(d.departmentId)));
  }
  for (const key of ['reason', 'note', 'how']) parts.push(str(d[key]));
  const text = parts.filter(Boolean).join(' · ');
  return text || null;
}

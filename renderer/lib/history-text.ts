import type { TFunction } from 'i18next';
import { Kind, Language } from '../../shared/domain/enums.js';
import type { HistoryEvent } from '../../shared/domain/feedback-item.js';
import type { Lookup } from '../state/use-lookup.js';

/** The i18next `t` of the UI (typed keys). */
type Translate = TFunction;

const isKind = (v: unknown): v is Kind => Kind.safeParse(v).success;
const isLanguage = (v: unknown): v is Language => Language.safeParse(v).success;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

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
    default:
      if (str(d.departmentId)) parts.push(lookup.department(str(d.departmentId)));
  }
  for (const key of ['reason', 'note', 'how']) parts.push(str(d[key]));
  const text = parts.filter(Boolean).join(' · ');
  return text || null;
}

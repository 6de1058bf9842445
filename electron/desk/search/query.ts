/**
 * The search field's language: free words plus field terms such as
 * `osasto:kymp tila:uusi laji:kysymys kanava:sähköposti kieli:sv palvelu:171`.
 * Field names and values are accepted in Finnish, Swedish and English (the help popover lists
 * them); a value may be quoted (`tila:"ohjattu kirjaamoon"`) and several values of one field
 * (repeated, or comma-separated) mean "any of these".
 */
import type { Channel, Kind, Language, Status } from '../../../shared/domain/enums.js';
import { stemWord } from './finnish-stem.js';

export type SearchField = 'department' | 'status' | 'kind' | 'channel' | 'language' | 'service';

export const FIELD_NAMES: Record<SearchField, readonly string[]> = {
  department: ['osasto', 'toimiala', 'avdelning', 'sektor', 'department', 'dept'],
  status: ['tila', 'status'],
  kind: ['laji', 'tyyppi', 'typ', 'kind', 'type'],
  channel: ['kanava', 'kanal', 'channel'],
  language: ['kieli', 'språk', 'sprak', 'language', 'lang'],
  service: ['palvelu', 'tjänst', 'tjanst', 'service'],
};

/** Accepted values per enum field: the code itself plus words in fi, sv and en. */
export const FIELD_VALUES: {
  status: Record<Status, readonly string[]>;
  kind: Record<Kind, readonly string[]>;
  channel: Record<Channel, readonly string[]>;
  language: Record<Language, readonly string[]>;
} = {
  status: {
    received: ['uusi', 'ny', 'new', 'received'],
    in_triage: ['käsittelyssä', 'triage', 'luokittelussa', 'behandling', 'in_triage'],
    forwarded: ['siirretty', 'välitetty', 'överförd', 'forwarded'],
    in_progress: ['työn_alla', 'työnalla', 'arbete', 'in_progress'],
    answered: ['vastattu', 'besvarad', 'answered'],
    closed: ['suljettu', 'stängd', 'closed'],
    redirected_to_registry: ['kirjaamo', 'kirjaamoon', 'registratur', 'registry', 'redirected', 'redirected_to_registry'],
    rejected: ['hylätty', 'avvisad', 'rejected', 'roskaposti', 'spam'],
  },
  kind: {
    praise: ['kiitos', 'beröm', 'praise'],
    criticism: ['moite', 'kritik', 'criticism'],
    question: ['kysymys', 'fråga', 'question'],
    suggestion: ['ehdotus', 'kehitysehdotus', 'förslag', 'förbättringsförslag', 'suggestion'],
    fault_report: ['vikailmoitus', 'vika', 'felanmälan', 'fault', 'fault_report'],
  },
  channel: {
    web_form: ['verkkolomake', 'lomake', 'webbformulär', 'webb', 'web', 'web_form'],
    service_map: ['palvelukartta', 'servicekartan', 'map', 'service_map'],
    department_page: ['toimialan_sivu', 'toimialasivu', 'sektorns_sida', 'department_page'],
    app: ['sovellus', 'app'],
    email: ['sähköposti', 'e-post', 'epost', 'email', 'e-mail'],
    verbal: ['suullinen', 'muntlig', 'verbal', 'walk-in', 'asiointi'],
  },
  language: {
    fi: ['fi', 'suomi', 'finska', 'finnish'],
    sv: ['sv', 'ruotsi', 'svenska', 'swedish'],
    en: ['en', 'englanti', 'engelska', 'english'],
  },
};

export interface ParsedQuery {
  /** Stems of the free words, each matched as a prefix (AND). */
  stems: string[];
  /** The free words as typed (for the "searching for" line). */
  words: string[];
  filters: { department: string[]; status: Status[]; kind: Kind[]; channel: Channel[]; language: Language[]; service: string[] };
  /** Field terms that were not understood, as typed: shown to the user, never silently dropped. */
  unknown: string[];
}

const fieldByName = new Map<string, SearchField>();
for (const [field, names] of Object.entries(FIELD_NAMES) as Array<[SearchField, readonly string[]]>) for (const n of names) fieldByName.set(n, field);

function valueLookup<T extends string>(table: Record<T, readonly string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, names] of Object.entries(table) as Array<[T, readonly string[]]>) for (const n of names) m.set(n, code);
  return m;
}
const enumValues = {
  status: valueLookup(FIELD_VALUES.status),
  kind: valueLookup(FIELD_VALUES.kind),
  channel: valueLookup(FIELD_VALUES.channel),
  language: valueLookup(FIELD_VALUES.language),
};

const norm = (s: string) => s.normalize('NFC').toLowerCase().trim().replace(/\s+/g, '_');

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { stems: [], words: [], filters: { department: [], status: [], kind: [], channel: [], language: [], service: [] }, unknown: [] };
  // field:"quoted value" | field:value | "quoted words" | word
  const token = /([\p{L}_-]+):(?:"([^"]*)"|(\S*))|"([^"]*)"|(\S+)/gu;
  for (const m of input.matchAll(token)) {
    const [whole, name, quoted, bare, phrase, word] = m;
    if (name !== undefined) {
      const field = fieldByName.get(name.toLowerCase());
      const raw = quoted ?? bare ?? '';
      const values = raw.split(',').map(norm).filter(Boolean);
      if (!field || values.length === 0) {
        q.unknown.push(whole);
        continue;
      }
      for (const v of values) {
        if (field === 'department' || field === 'service') {
          q.filters[field].push(v);
          continue;
        }
        const code = (enumValues[field] as Map<string, string>).get(v);
        if (code === undefined) q.unknown.push(`${name}:${v}`);
        else (q.filters[field] as string[]).push(code);
      }
      continue;
    }
    const text = phrase ?? word ?? '';
    for (const w of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      q.words.push(w[0]);
      const s = stemWord(w[0]);
      if (s.length >= 2 && !q.stems.includes(s)) q.stems.push(s);
    }
  }
  for (const k of Object.keys(q.filters) as SearchField[]) q.filters[k] = [...new Set(q.filters[k] as string[])] as never;
  return q;
}

export function hasFilters(q: ParsedQuery): boolean {
  return Object.values(q.filters).some((v) => v.length > 0);
}

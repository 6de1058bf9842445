import type { Finding, FindingKind, ModerationLanguage } from './types.js';

export const PLACEHOLDERS: Record<ModerationLanguage, Record<FindingKind, string>> = {
  fi: {
    person: '[nimi poistettu]', hetu: '[henkilötunnus poistettu]', phone: '[puhelinnumero poistettu]',
    email: '[sähköpostiosoite poistettu]', url: '[linkki poistettu]', iban: '[tilinumero poistettu]',
    business_id: '[y-tunnus poistettu]', plate: '[rekisterinumero poistettu]', address: '[osoite poistettu]',
    health: '[terveystieto poistettu]', profanity: '[sana poistettu]', racism: '[asiaton ilmaus poistettu]',
  },
  sv: {
    person: '[namn borttaget]', hetu: '[personbeteckning borttagen]', phone: '[telefonnummer borttaget]',
    email: '[e-postadress borttagen]', url: '[länk borttagen]', iban: '[kontonummer borttaget]',
    business_id: '[FO-nummer borttaget]', plate: '[registreringsnummer borttaget]', address: '[adress borttagen]',
    health: '[hälsouppgift borttagen]', profanity: '[ord borttaget]', racism: '[olämpligt uttryck borttaget]',
  },
  en: {
    person: '[name removed]', hetu: '[personal identity code removed]', phone: '[phone number removed]',
    email: '[email address removed]', url: '[link removed]', iban: '[account number removed]',
    business_id: '[business ID removed]', plate: '[licence plate removed]', address: '[address removed]',
    health: '[health information removed]', profanity: '[word removed]', racism: '[inappropriate expression removed]',
  },
};

export function placeholderFor(kind: FindingKind, language: ModerationLanguage = 'fi'): string {
  return PLACEHOLDERS[language][kind];
}

/**
 * Replace each finding with its placeholder. Findings may come in any order; overlapping ones are
 * merged into one replacement (the kind of the first-starting one), so the output never garbles text.
 */
export function redact(text: string, findings: readonly Pick<Finding, 'kind' | 'start' | 'end'>[], language: ModerationLanguage = 'fi'): string {
  const sorted = [...findings]
    .filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos) {
      // overlap with the previous replacement: extend it, emit nothing new
      pos = Math.max(pos, f.end);
      continue;
    }
    out += text.slice(pos, f.start) + placeholderFor(f.kind, language);
    pos = f.end;
  }
  return out + text.slice(pos);
}

import { resolveOverlaps } from './resolve.js';
import type { Finding } from './types.js';
import { hetuRecognizer } from './recognizers/hetu.js';
import { businessIdRecognizer, ibanRecognizer } from './recognizers/bank.js';
import { linkRecognizer } from './recognizers/links.js';
import { phoneRecognizer } from './recognizers/phone.js';

/** What the central publication guard refuses to publish without a written override. */
export const GUARDED_KINDS = ['hetu', 'email', 'phone', 'iban'] as const;
export type GuardedKind = (typeof GUARDED_KINDS)[number];

/**
 * The city's own public service addresses appear in answers ("write to helsinki.kirjaamo@hel.fi",
 * P6) and are not personal data. Personal staff addresses (etunimi.sukunimi@hel.fi) are not listed.
 */
const PUBLIC_SERVICE_EMAILS = new Set(['helsinki.palaute@hel.fi', 'helsinki.kirjaamo@hel.fi', 'kirjaamo@hel.fi', 'helsinki.info@hel.fi']);

/**
 * The city's own work contacts: staff addresses at hel.fi and numbers in the city's 09 310 block. Allowed
 * where the city writes (the answer: "lisätietoja antaa ... 09 310 12345"), never in the sender's text,
 * where they could be the sender's own.
 */
const CITY_EMAIL = /@hel\.fi$/i;
const CITY_PHONE = /^(?:\+358[\s-]*\(?0?\)?9|\(?09\)?)[\s-]*310(?:[\s-]*\d){3,6}$/;

export interface GuardOptions {
  /** The text is the city's answer: its own staff addresses and numbers may stay. */
  allowCityContacts?: boolean;
}

// The business-id recognizer only takes part so a Y-tunnus wins its overlap instead of being half-read as
// something else; its findings are not guarded (a company's id is public).
const recognizers = [hetuRecognizer, ibanRecognizer, businessIdRecognizer, linkRecognizer, phoneRecognizer];

/**
 * Identifiers that are certain enough to block publication: a hetu whose date and check character
 * validate, an IBAN or old account number whose checksum validates, an email address, a phone number
 * valid in its numbering plan. Needs no name lexicon, so the central server and every desk run exactly
 * the same check cheaply.
 */
export function findGuardedIdentifiers(text: string, opts: GuardOptions = {}): Finding[] {
  const all: Finding[] = [];
  for (const r of recognizers) all.push(...r.find(text, { language: 'fi' }));
  return resolveOverlaps(all).filter((f) => {
    switch (f.kind) {
      case 'hetu':
      case 'iban':
        return f.validated === true;
      case 'email': {
        const value = text.slice(f.start, f.end).toLowerCase();
        return !PUBLIC_SERVICE_EMAILS.has(value) && !(opts.allowCityContacts && CITY_EMAIL.test(value));
      }
      case 'phone':
        return !(opts.allowCityContacts && CITY_PHONE.test(text.slice(f.start, f.end).trim()));
      default:
        return false;
    }
  });
}

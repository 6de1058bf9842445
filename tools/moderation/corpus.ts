/**
 * The labelled moderation corpus: templates (tests/fixtures/moderation/templates.json) filled with
 * generated valid values, plus hand-labelled realistic feedback (realistic.json). Deterministic (seeded).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import type { FindingKind, ModerationLanguage } from '../../shared/moderation/types.js';
import type { ModerationLexicon } from '../../shared/moderation/lexicon.js';
import { hetuCheckChar, isValidDate } from '../../shared/moderation/recognizers/hetu.js';
import { luhnValid, ytunnusCheckDigit } from '../../shared/moderation/recognizers/bank.js';

export const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/moderation');

export interface Label { kind: FindingKind; start: number; end: number; }
export interface LabelledText { id: string; source: string; split: 'tune' | 'eval' | 'realistic' | 'holdout'; language: ModerationLanguage; text: string; labels: Label[]; }

interface Template { id: string; split: 'tune' | 'eval'; language: ModerationLanguage; text: string; }

/** mulberry32: small, seedable, good enough for test data */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class ValueGenerator {
  private readonly firsts: string[];
  private readonly lasts: string[];
  private readonly streets: string[];
  constructor(private readonly rand: () => number, lex: ModerationLexicon) {
    const cap = (s: string) => s.replace(/(^|[- ])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
    // Frequent names that are not also common words: the ambiguous ones are tested separately.
    this.firsts = [...lex.firstNames].filter(([n, c]) => c >= 3000 && !lex.commonWords.has(n) && /^\p{L}+$/u.test(n)).map(([n]) => cap(n));
    this.lasts = [...lex.surnames].filter(([n, c]) => c >= 1500 && !lex.commonWords.has(n) && /^\p{L}+$/u.test(n)).map(([n]) => cap(n));
    this.streets = [...lex.streets].filter((s) => /^[\p{L}]+(katu|tie|kuja|polku|väylä|ranta|gatan|vägen)$/u.test(s)).map(cap);
  }
  int(lo: number, hi: number): number { return lo + Math.floor(this.rand() * (hi - lo + 1)); }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.rand() * xs.length)]; }
  digits(n: number): string { let s = ''; for (let i = 0; i < n; i++) s += String(this.int(0, 9)); return s; }

  hetu(signs = '+-YXWVUABCDEF'): string {
    for (;;) {
      const sign = this.pick([...signs]);
      const century = sign === '+' ? 1800 : 'ABCDEF'.includes(sign) ? 2000 : 1900;
      const yy = century === 2000 ? this.int(0, 25) : this.int(0, 99);
      const mm = this.int(1, 12);
      const dd = this.int(1, 31);
      if (!isValidDate(century + yy, mm, dd)) continue;
      const ddmmyy = [dd, mm, yy].map((v) => String(v).padStart(2, '0')).join('');
      const nnn = String(this.int(2, 899)).padStart(3, '0');
      return ddmmyy + sign + nnn + hetuCheckChar(ddmmyy, nnn);
    }
  }
  hetuNew(): string { return this.hetu('YXWVUBCDEF'); }

  phoneMobile(): string {
    for (;;) {
      const prefix = this.pick(['40', '41', '44', '45', '46', '50']);
      const sub = this.digits(7);
      if (!isValidPhoneNumber(`+358${prefix}${sub}`)) continue;
      const [a, b, c] = [sub.slice(0, 3), sub.slice(3), sub.slice(0, 4)];
      return this.pick([
        `+358 ${prefix} ${a} ${b}`, `+358${prefix}${sub}`, `0${prefix} ${a} ${b}`, `0${prefix}-${sub}`, `0${prefix}${sub}`,
        `0${prefix} ${c} ${sub.slice(4)}`, `0${prefix}-${a} ${b}`, `+358 (0)${prefix} ${a} ${b}`, `0${prefix} ${a} ${b.slice(0, 2)} ${b.slice(2)}`,
      ]);
    }
  }
  phoneLand(): string {
    for (;;) {
      const area = this.pick(['9', '9', '9', '2', '3', '5', '6', '8', '13', '14', '17', '19']);
      const sub = area === '9' ? String(this.int(2, 8)) + this.digits(6) : String(this.int(2, 8)) + this.digits(5);
      if (!isValidPhoneNumber(`+358${area}${sub}`)) continue;
      return this.pick([
        `0${area} ${sub.slice(0, 3)} ${sub.slice(3)}`, `(0${area}) ${sub.slice(0, 4)} ${sub.slice(4)}`, `0${area}-${sub}`,
        `+358 ${area} ${sub.slice(0, 3)} ${sub.slice(3)}`, `0${area} ${sub}`,
      ]);
    }
  }
  phoneIntl(): string {
    for (;;) {
      const [cc, n] = this.pick([['46', '7' + this.pick(['0', '2', '3', '6']) + this.digits(7)], ['372', '5' + this.digits(7)], ['49', '151' + this.digits(8)], ['44', '7700' + this.digits(6)]]);
      if (!isValidPhoneNumber(`+${cc}${n}`)) continue;
      return `+${cc} ${n.slice(0, 3)} ${n.slice(3)}`;
    }
  }
  phone(): string { const r = this.rand(); return r < 0.6 ? this.phoneMobile() : r < 0.9 ? this.phoneLand() : this.phoneIntl(); }

  iban(country = 'FI'): string {
    for (;;) {
      let bban: string;
      if (country === 'FI') {
        const body = this.pick(['1', '2', '4', '5', '8']) + this.digits(12);
        bban = body + [...'0123456789'].find((d) => luhnValid(body + d));
      } else if (country === 'SE') bban = this.digits(20);
      else if (country === 'DE') bban = this.digits(18);
      else if (country === 'EE') bban = this.digits(16);
      else bban = this.digits(11); // NO
      // composeIBAN only adds the mod-97 digits; countries with a national check digit (NO, EE) need a retry
      const iban = composeIBAN({ countryCode: country, bban });
      if (!iban || !isValidIBAN(iban)) continue;
      return this.rand() < 0.7 ? friendlyFormatIBAN(iban)! : iban;
    }
  }
  ibanForeign(): string { return this.iban(this.pick(['SE', 'DE', 'EE', 'NO'])); }

  /** old domestic account number of a non-savings bank: 6 digits - up to 8 digits, Luhn over the 14-digit form */
  account(): string {
    for (;;) {
      const head = this.pick(['1', '2', '8']) + this.digits(5);
      const tail = String(this.int(1, 999999));
      const body = head + tail.padStart(7, '0');
      const check = [...'0123456789'].find((d) => luhnValid(body + d))!;
      const t = (tail + check).replace(/^0+/, '');
      if (t.length < 2) continue;
      return `${head}-${t}`;
    }
  }
  businessId(): string {
    for (;;) {
      const seven = String(this.int(1000000, 3299999));
      const c = ytunnusCheckDigit(seven);
      if (c !== null) return `${seven}-${c}`;
    }
  }
  plate(): string { return `${this.pick(['ABC', 'KLM', 'ZXR', 'OTU', 'HEL', 'IOP', 'NUR', 'MKT'])}-${this.int(1, 999)}`; }
  person(): string { return `${this.pick(this.firsts)} ${this.pick(this.lasts)}`; }
  firstName(): string { return this.pick(this.firsts); }
  email(): string {
    const f = this.firstName().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const l = this.pick(this.lasts).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return this.pick([`${f}.${l}@${this.pick(['gmail.com', 'hel.fi', 'elisanet.fi', 'outlook.com', 'kolumbus.fi', 'yritys.fi'])}`, `${f}${this.int(1, 99)}@${this.pick(['gmail.com', 'hotmail.com', 'luukku.com'])}`, `${l}.${f[0]}@${this.pick(['suomi24.fi', 'welho.com'])}`]);
  }
  url(): string {
    return this.pick([
      `https://www.${this.pick(['kuvapalvelu', 'omasivu', 'blogi'])}.fi/${this.pick(['kuvat', 'a', 'galleria'])}/${this.int(100, 99999)}`,
      `www.${this.pick(['hel', 'kuvat', 'facebook'])}.${this.pick(['fi', 'com'])}/${this.pick(['palaute', 'album', 'p'])}${this.int(1, 999)}`,
      `http://imgur.com/${this.digits(6)}`, `${this.pick(['hel', 'hsl', 'omakaupunki'])}.fi/${this.pick(['palaute', 'kuvat', 'asia'])}`,
    ]);
  }
  address(): string {
    const street = this.pick(this.streets);
    const n = this.int(1, 120);
    const flat = this.rand() < 0.6 ? ` ${this.pick(['A', 'B', 'C', 'D'])} ${this.int(1, 60)}` : '';
    const post = this.rand() < 0.5 ? `, 00${String(this.int(10, 99))}0 Helsinki` : '';
    return `${street} ${n}${flat}${post}`;
  }
}

const SLOT_KIND: Record<string, FindingKind> = {
  hetu: 'hetu', hetu_new: 'hetu', phone: 'phone', phone_mobile: 'phone', phone_land: 'phone', phone_intl: 'phone', email: 'email',
  url: 'url', iban: 'iban', iban_foreign: 'iban', account: 'iban', business_id: 'business_id', plate: 'plate', address: 'address',
  person: 'person', first_name: 'person',
};

function fill(g: ValueGenerator, slot: string): string {
  switch (slot) {
    case 'hetu': return g.hetu();
    case 'hetu_new': return g.hetuNew();
    case 'phone': return g.phone();
    case 'phone_mobile': return g.phoneMobile();
    case 'phone_land': return g.phoneLand();
    case 'phone_intl': return g.phoneIntl();
    case 'email': return g.email();
    case 'url': return g.url();
    case 'iban': return g.iban();
    case 'iban_foreign': return g.ibanForeign();
    case 'account': return g.account();
    case 'business_id': return g.businessId();
    case 'plate': return g.plate();
    case 'address': return g.address();
    case 'person': return g.person();
    case 'first_name': return g.firstName();
    default: throw new Error(`unknown slot {${slot}}`);
  }
}

export function loadTemplates(dir = FIXTURE_DIR): Template[] {
  return (JSON.parse(readFileSync(join(dir, 'templates.json'), 'utf8')) as { templates: Template[] }).templates;
}

/** Instantiate every template `perTemplate` times with seeded values. */
export function generateTemplateCorpus(lex: ModerationLexicon, perTemplate = 25, seed = 20260101, dir = FIXTURE_DIR): LabelledText[] {
  const g = new ValueGenerator(rng(seed), lex);
  const out: LabelledText[] = [];
  for (const t of loadTemplates(dir)) {
    for (let i = 0; i < perTemplate; i++) {
      let text = '';
      const labels: Label[] = [];
      let last = 0;
      for (const m of t.text.matchAll(/\{(\w+)\}/g)) {
        text += t.text.slice(last, m.index);
        const value = fill(g, m[1]);
        labels.push({ kind: SLOT_KIND[m[1]], start: text.length, end: text.length + value.length });
        text += value;
        last = m.index + m[0].length;
      }
      text += t.text.slice(last);
      out.push({ id: `${t.id}#${i}`, source: t.id, split: t.split, language: t.language, text, labels });
    }
  }
  return out;
}

interface RealisticEntry { id: string; language: ModerationLanguage; text: string; labels: { kind: FindingKind; text: string; occurrence?: number }[]; }

/** Hand-written feedback; labels name the exact substring (and which occurrence), offsets are derived. */
export function loadRealisticCorpus(dir = FIXTURE_DIR, file: 'realistic.json' | 'realistic-holdout.json' = 'realistic.json'): LabelledText[] {
  const entries = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RealisticEntry[];
  const split = file === 'realistic.json' ? ('realistic' as const) : ('holdout' as const);
  return entries.map((e) => ({
    id: e.id, source: e.id, split, language: e.language, text: e.text,
    labels: e.labels.map((l) => {
      let at = -1;
      for (let k = 0; k <= (l.occurrence ?? 0); k++) at = e.text.indexOf(l.text, at + 1);
      if (at < 0) throw new Error(`${e.id}: label text not found: ${l.text}`);
      return { kind: l.kind, start: at, end: at + l.text.length };
    }),
  }));
}

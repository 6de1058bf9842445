/**
 * Triage suggestions (P6, P17, P19d, P8 routing). Each comes with its reason and the words that
 * triggered it, and is only ever shown to the clerk: nothing here changes an item by itself.
 */
import type { FeedbackItem } from '../domain/feedback-item.js';
import type { Service } from '../domain/reference.js';

export type Suggestion =
  | { type: 'redirect_to_registry'; reason: 'formal_complaint_wording'; evidence: string[] }
  | { type: 'restrict'; reason: 'health_or_social_client_info' | 'personal_identity_code'; evidence: string[] }
  | { type: 'duplicate'; reason: 'same_place_similar_text'; evidence: string[]; itemId: string; similarity: number }
  | { type: 'route'; reason: 'keywords'; evidence: string[]; serviceCode: string; departmentId: string | null; score: number };

/**
 * Wording of statutory reminders, complaints to a supervisory authority and rectification requests
 * (P6), in Finnish (inflected forms by stem), Swedish and English.
 */
const formalComplaintPatterns: RegExp[] = [
  /\bmuistutu(s|ksen|ksena|kseen|kset)\b/giu,
  /\bkantelu(n|na|ja|ssa)?\b/giu,
  /\boikaisuvaatimu(s|ksen|ksena|kseen|kset)\b/giu,
  /\bvaadin oikaisua\b/giu,
  /\bteen (virallisen )?(muistutuksen|kantelun|valituksen)\b/giu,
  /\bhallintokantelu\w*/giu,
  /\b(anmärkning|klagomål|omprövningsbegäran|rättelseyrkande|förvaltningsklagan)\w*/giu,
  /\b(formal complaint|request for rectification|rectification request|administrative complaint)\b/giu,
];

export function suggestRegistryRedirect(text: string): Suggestion | null {
  const evidence = new Set<string>();
  for (const pattern of formalComplaintPatterns) for (const m of text.matchAll(pattern)) evidence.add(m[0].toLowerCase());
  return evidence.size ? { type: 'redirect_to_registry', reason: 'formal_complaint_wording', evidence: [...evidence] } : null;
}

/** A finding from the moderation recognizers, reduced to what triage needs. */
export interface SensitiveFinding {
  kind: string;
  text: string;
}

/** Health or social-services client information, or an identity code, suggests restricting (P8, P19d). */
export function suggestRestriction(findings: readonly SensitiveFinding[]): Suggestion | null {
  const health = findings.filter((f) => f.kind === 'health').map((f) => f.text);
  if (health.length) return { type: 'restrict', reason: 'health_or_social_client_info', evidence: [...new Set(health)] };
  const hetu = findings.filter((f) => f.kind === 'hetu');
  if (hetu.length) return { type: 'restrict', reason: 'personal_identity_code', evidence: hetu.map(() => '•••••••••••') };
  return null;
}

/** Lower-cased words of at least three letters, cut to a short stem so Finnish inflections meet. */
export function stems(text: string, stemLength = 5): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}{3,}/gu)) out.add(m[0].slice(0, stemLength));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

function metresBetween(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const SAME_PLACE_METRES = 150;
const SIMILAR_TEXT = 0.25;
const DUPLICATE_WINDOW_DAYS = 30;

function samePlace(a: FeedbackItem, b: FeedbackItem): boolean {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb) return false;
  if (la.lat !== null && la.long !== null && lb.lat !== null && lb.long !== null) {
    return metresBetween({ lat: la.lat, long: la.long }, { lat: lb.lat, long: lb.long }) <= SAME_PLACE_METRES;
  }
  const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(la.address) !== '' && norm(la.address) === norm(lb.address);
}

/** Likely duplicates (P17): about the same place and with similar wording, received within a month. */
export function suggestDuplicates(item: FeedbackItem, candidates: readonly FeedbackItem[], limit = 3): Suggestion[] {
  const words = stems(`${item.original.title ?? ''} ${item.original.description}`);
  const received = Date.parse(item.receivedAt);
  const window = DUPLICATE_WINDOW_DAYS * 24 * 3600 * 1000;
  const found: Extract<Suggestion, { type: 'duplicate' }>[] = [];
  for (const other of candidates) {
    if (other.id === item.id || Math.abs(Date.parse(other.receivedAt) - received) > window || !samePlace(item, other)) continue;
    const similarity = jaccard(words, stems(`${other.original.title ?? ''} ${other.original.description}`));
    if (similarity >= SIMILAR_TEXT) {
      found.push({ type: 'duplicate', reason: 'same_place_similar_text', evidence: [other.serviceRequestId], itemId: other.id, similarity });
    }
  }
  return found.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
}

/**
 * A likely service (and so department) from the text: the service whose name and keywords share
 * the most stems with the text. Only suggested when at least one keyword matches.
 */
export function suggestRouting(text: string, services: readonly Service[]): Suggestion | null {
  const words = stems(text);
  let best: Extract<Suggestion, { type: 'route' }> | null = null;
  for (const service of services) {
    const vocabulary = [service.name.fi, service.name.sv, service.name.en, ...service.keywords].join(' ');
    const evidence = [...stems(vocabulary)].filter((s) => words.has(s));
    if (evidence.length && (!best || evidence.length > best.score)) {
      best = { type: 'route', reason: 'keywords', evidence, serviceCode: service.code, departmentId: service.departmentId, score: evidence.length };
    }
  }
  return best;
}

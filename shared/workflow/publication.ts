import type { PublicationState } from '../domain/enums.js';
import { PublicationReason, type FeedbackItem } from '../domain/feedback-item.js';
import type { Finding, FindingKind } from '../moderation/types.js';
import { findGuardedIdentifiers, GUARDED_KINDS } from '../moderation/guard.js';

export { PublicationReason };

/** The fields of the publishable version the checklist and the guard look at. */
export const PUBLICATION_FIELDS = ['title', 'text', 'answer'] as const;
export type PublicationField = (typeof PUBLICATION_FIELDS)[number];

export type CheckState = 'ok' | 'problem' | 'ask_moderator';

export interface CheckEvidence {
  /** Where: a field of the publishable version, or the item's facts (channel, permission, triage). */
  field: PublicationField | 'item';
  message: string;
  /** The finding behind it, with offsets into that field's text. */
  finding?: Pick<Finding, 'kind' | 'start' | 'end' | 'score'>;
  /** A span of that field's text that is evidence without being a finding (a negative word). */
  span?: { start: number; end: number };
}

export interface PublicationCheck {
  code: PublicationReason;
  /** The city's rule the check implements (docs/process.md). */
  rule: 'P17' | 'P19a' | 'P19b' | 'P19c' | 'P19d' | 'P19e' | 'P19f';
  state: CheckState;
  evidence: CheckEvidence[];
}

export type AdviceCode = 'concise' | 'topical' | 'useful_question';

/** P18 preferences: signals for the moderator, never a block. */
export interface PublicationAdvice {
  code: AdviceCode;
  met: boolean;
  message: string;
}

export interface PublicationChecklist {
  /** Reasons that withhold the item whatever anyone decides (P19a): publish is refused, withhold always allowed. */
  automaticWithhold: PublicationReason[];
  /** One entry per reason code, in the order of P19 a-f then P17. */
  checks: PublicationCheck[];
  advice: PublicationAdvice[];
}

export interface PublicationInput {
  item: FeedbackItem;
  /**
   * Moderation findings of the publishable version per field (offsets into that field's text). The
   * editor passes what is still there after redactions and dismissals; the mutations pass the
   * lexicon-free guard scan (publicationGuardFindings).
   */
  findings: Partial<Record<PublicationField, readonly Finding[]>>;
  /** Publication state of the item `item.duplicateOf` points at, when the caller has that item. */
  duplicateOfState?: PublicationState | null;
  /** The texts being judged when the editor holds unsaved changes; default publishableText(item). */
  texts?: Partial<Record<PublicationField, string | null>>;
  /** For the topicality advice; defaults to the item's updatedAt. */
  now?: string;
}

/** The text of the publishable version: the moderator's edit, or the original while nothing is edited yet. */
export function publishableText(item: FeedbackItem): Record<PublicationField, string | null> {
  const p = item.publication;
  const edited = (p.version ?? 0) > 0 || p.text !== null;
  return {
    title: edited ? p.title : item.original.title,
    text: edited ? p.text : item.original.description,
    // an empty edited answer means the moderator chose to publish without one
    answer: p.answer !== null ? p.answer || null : (item.answer.sent?.text ?? null),
  };
}

/** P19a: these never change by any decision. */
export function automaticWithholdReasons(item: Pick<FeedbackItem, 'channel' | 'publicationPermission'>): PublicationReason[] {
  const out: PublicationReason[] = [];
  if (!item.publicationPermission) out.push('no_permission');
  if (item.channel === 'email') out.push('email_channel');
  return out;
}

/** What the public side should treat the item as: automatically withheld items are withheld even before anyone decides. */
export function effectivePublicationState(item: FeedbackItem): PublicationState {
  return automaticWithholdReasons(item).length > 0 ? 'withheld' : item.publication.state;
}

/**
 * The moderators' publication queue: answered or closed items whose sender permitted publication, that
 * no automatic reason withholds (P19a), not restricted or marked inappropriate, still unpublished and
 * undecided.
 */
export function isPublicationPending(
  item: Pick<FeedbackItem, 'status' | 'channel' | 'publicationPermission' | 'restricted' | 'inappropriate' | 'publication'>,
): boolean {
  return (
    (item.status === 'answered' || item.status === 'closed') &&
    automaticWithholdReasons(item).length === 0 &&
    !item.restricted &&
    !item.inappropriate &&
    item.publication.state === 'unpublished' &&
    !item.publication.decision
  );
}

export interface GuardHit {
  field: PublicationField;
  finding: Finding;
}

/** The central guard's scan of the publishable texts: validated hetu, email, phone, IBAN (see moderation/guard.ts). */
export function publicationGuard(texts: Partial<Record<PublicationField, string | null>>): GuardHit[] {
  const out: GuardHit[] = [];
  for (const field of PUBLICATION_FIELDS) {
    const t = texts[field];
    if (t) for (const finding of findGuardedIdentifiers(t, { allowCityContacts: field === 'answer' })) out.push({ field, finding });
  }
  return out;
}

/**
 * Words that say something very negative about a person (P19f), fi/sv/en, matched as word starts so
 * inflected forms count (epäpätevä, epäpätevän). Only evidence for the moderator, never a block.
 */
const NEGATIVE_ABOUT_PERSON = [
  'epäpätevä', 'laiska', 'tyhmä', 'idiootti', 'ääliö', 'typerys', 'ylimielinen', 'töykeä', 'epäkohtelias', 'röyhkeä', 'välinpitämätön',
  'huijari', 'valehtelija', 'kelvoton', 'osaamaton', 'tunari', 'törkeä', 'inkompetent', 'oförskämd', 'lögnare', 'oduglig', 'arrogant',
  'incompetent', 'rude', 'lazy', 'stupid', 'liar', 'useless', 'disgrace',
];
const NEGATIVE_RE = new RegExp(`(?<![\\p{L}])(?:${NEGATIVE_ABOUT_PERSON.join('|')})\\p{L}*`, 'giu');

const PERSONAL_KINDS: readonly FindingKind[] = ['person', 'address', 'plate'];
// What the central guard would refuse: a checksum-validated hetu or IBAN, any email or phone number.
const blocksPublication = (f: Finding) => (GUARDED_KINDS as readonly string[]).includes(f.kind) && (f.validated === true || f.kind === 'email' || f.kind === 'phone');

// Long texts are less readable on the public list; about a screenful.
const CONCISE_MAX_CHARS = 1200;
// Feedback older than this is rarely current news anymore.
const TOPICAL_DAYS = 60;

/**
 * The publication checklist (P17, P18, P19 a-f) the editor shows. Its hard parts are the same functions the
 * publish/decidePublication mutations run on the desk and on the central server (automaticWithholdReasons,
 * publicationGuard, publishableText), so what the checklist calls a block is what the server refuses.
 */
export function publicationChecklist(input: PublicationInput): PublicationChecklist {
  const { item } = input;
  const per = (field: PublicationField) => input.findings[field] ?? [];
  const personFindingsIn = (field: PublicationField) => per(field).filter((f) => f.kind === 'person');
  const hits = (pred: (f: Finding) => boolean): CheckEvidence[] =>
    PUBLICATION_FIELDS.flatMap((field) =>
      per(field)
        .filter(pred)
        .map((f) => ({ field, message: f.explanation, finding: { kind: f.kind, start: f.start, end: f.end, score: f.score } })),
    );
  const check = (code: PublicationReason, rule: PublicationCheck['rule'], problem: CheckEvidence[], ask: CheckEvidence[] = []): PublicationCheck => ({
    code,
    rule,
    state: problem.length > 0 ? 'problem' : ask.length > 0 ? 'ask_moderator' : 'ok',
    evidence: [...problem, ...ask],
  });

  const facts = (cond: boolean, message: string): CheckEvidence[] => (cond ? [{ field: 'item', message }] : []);

  const texts = { ...publishableText(item), ...input.texts };
  const personFindings = hits((f) => f.kind === 'person');
  const negativeWords: CheckEvidence[] = PUBLICATION_FIELDS.flatMap((field) =>
    personFindingsIn(field).length === 0
      ? []
      : [...(texts[field] ?? '').matchAll(NEGATIVE_RE)].map((m) => ({ field, message: `very negative word "${m[0]}" in a text that names a person`, span: { start: m.index, end: m.index + m[0].length } })),
  );
  const negative = [...hits((f) => f.kind === 'profanity' || f.kind === 'racism'), ...negativeWords];
  const checks: PublicationCheck[] = [
    check('no_permission', 'P19a', facts(!item.publicationPermission, 'the sender did not permit publication')),
    check('email_channel', 'P19a', facts(item.channel === 'email', 'the feedback arrived by email')),
    check(
      'inappropriate_or_spam',
      'P19b',
      [
        ...facts(Boolean(item.inappropriate), `marked ${item.inappropriate?.reason ?? ''} in triage`),
        ...hits((f) => f.kind === 'profanity'),
      ],
      // a link is the typical spam payload; P20 says links are removed before publication anyway
      hits((f) => f.kind === 'url'),
    ),
    check(
      'personal_sensitive_matters',
      'P19c',
      [...facts(Boolean(item.restricted), 'visibility restricted for sensitive content'), ...hits(blocksPublication)],
      hits((f) => !blocksPublication(f) && (PERSONAL_KINDS.includes(f.kind) || (GUARDED_KINDS as readonly string[]).includes(f.kind) || f.kind === 'business_id')),
    ),
    check(
      'health_or_social_client_info',
      'P19d',
      hits((f) => f.kind === 'health' && f.score >= 0.7),
      hits((f) => f.kind === 'health' && f.score < 0.7),
    ),
    check('racism', 'P19e', hits((f) => f.kind === 'racism')),
    // Tone is for a person to judge: a named person in criticism or next to insults is a question, not a verdict.
    check(
      'names_person_negatively',
      'P19f',
      [],
      personFindings.length > 0 && (negative.length > 0 || item.kind === 'criticism')
        ? [...personFindings, ...(negative.length > 0 ? negative : facts(true, 'the feedback is criticism and names a person'))]
        : [],
    ),
    check(
      'duplicate',
      'P17',
      facts(Boolean(item.duplicateOf) && input.duplicateOfState === 'published', `repeats ${item.duplicateOf}, which is already published`),
      // the mutations do not see the other item; the editor does and passes its state
      facts(Boolean(item.duplicateOf) && input.duplicateOfState === undefined, `repeats ${item.duplicateOf}; check whether that one is published`),
    ),
  ];

  const length = (texts.title?.length ?? 0) + (texts.text?.length ?? 0);
  const now = Date.parse(input.now ?? item.updatedAt);
  const ageDays = (now - Date.parse(item.receivedAt)) / 86_400_000;
  const answered = Boolean(texts.answer && texts.answer.trim());
  const advice: PublicationAdvice[] = [
    { code: 'concise', met: length <= CONCISE_MAX_CHARS, message: `${length} characters (concise is at most ${CONCISE_MAX_CHARS})` },
    { code: 'topical', met: ageDays <= TOPICAL_DAYS, message: `received ${Math.max(0, Math.floor(ageDays))} days ago (topical is within ${TOPICAL_DAYS})` },
    {
      code: 'useful_question',
      met: item.kind === 'question' && answered,
      message: item.kind !== 'question' ? 'not a question' : answered ? 'a question with an answer others can use too' : 'a question without an answer yet',
    },
  ];

  return { automaticWithhold: automaticWithholdReasons(item), checks, advice };
}

export const findingKinds = [
  'person', 'hetu', 'phone', 'email', 'url', 'iban', 'business_id', 'plate', 'address', 'health', 'profanity', 'racism',
] as const;
export type FindingKind = (typeof findingKinds)[number];

export type ModerationLanguage = 'fi' | 'sv' | 'en';

/** A span of text that may need moderation. Offsets are UTF-16 code units (String.prototype.slice). */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  /** 0..1; how sure the recognizer is. The engine drops findings below its minScore. */
  score: number;
  explanation: string;
  /**
   * True when a checksum or an authoritative validator confirmed the value (hetu, IBAN, Y-tunnus,
   * account number). Validated findings win overlaps and are what the central guard refuses to publish.
   */
  validated?: boolean;
}

export interface ScanOptions {
  language?: ModerationLanguage;
  /** Findings scored below this are dropped; default DEFAULT_MIN_SCORE. */
  minScore?: number;
  /** Limit the scan to these kinds. */
  kinds?: readonly FindingKind[];
}

export const DEFAULT_MIN_SCORE = 0.4;

export interface Recognizer {
  kind: FindingKind | readonly FindingKind[];
  find(text: string, ctx: RecognizerContext): Finding[];
}

export interface RecognizerContext {
  language: ModerationLanguage;
}

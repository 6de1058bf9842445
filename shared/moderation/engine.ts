import type { ModerationLexicon } from './lexicon.js';
import { emptyLexicon } from './lexicon.js';
import { resolveOverlaps } from './resolve.js';
import { DEFAULT_MIN_SCORE, type Finding, type FindingKind, type Recognizer, type ScanOptions } from './types.js';
import { hetuRecognizer } from './recognizers/hetu.js';
import { phoneRecognizer } from './recognizers/phone.js';
import { linkRecognizer } from './recognizers/links.js';
import { businessIdRecognizer, ibanRecognizer } from './recognizers/bank.js';
import { plateRecognizer } from './recognizers/plate.js';
import { createAddressRecognizer } from './recognizers/address.js';
import { createPersonRecognizer } from './recognizers/person.js';
import { healthRecognizer } from './recognizers/health.js';
import { wordListRecognizer } from './recognizers/wordlists.js';
import { racismRecognizer } from './recognizers/racism.js';

export interface ModerationEngine {
  scan(text: string, opts?: ScanOptions): Finding[];
  /** Every candidate before thresholding and overlap resolution (for the editor's "why" view and eval). */
  scanAll(text: string, opts?: ScanOptions): Finding[];
}

export function createModerationEngine(lexicon: ModerationLexicon = emptyLexicon()): ModerationEngine {
  const recognizers: Recognizer[] = [
    hetuRecognizer, ibanRecognizer, businessIdRecognizer, linkRecognizer, phoneRecognizer, plateRecognizer,
    createAddressRecognizer(lexicon), createPersonRecognizer(lexicon), healthRecognizer, wordListRecognizer, racismRecognizer,
  ];
  const wants = (r: Recognizer, kinds?: readonly FindingKind[]) =>
    !kinds || (Array.isArray(r.kind) ? r.kind.some((k) => kinds.includes(k)) : kinds.includes(r.kind as FindingKind));

  const scanAll = (text: string, opts: ScanOptions = {}): Finding[] => {
    const ctx = { language: opts.language ?? 'fi' };
    const out: Finding[] = [];
    for (const r of recognizers) {
      if (!wants(r, opts.kinds)) continue;
      for (const f of r.find(text, ctx)) if (!opts.kinds || opts.kinds.includes(f.kind)) out.push(f);
    }
    return out;
  };
  return {
    scanAll,
    scan(text, opts = {}) {
      const min = opts.minScore ?? DEFAULT_MIN_SCORE;
      return resolveOverlaps(scanAll(text, opts).filter((f) => f.score >= min));
    },
  };
}

/**
 * The moderation editor's desk-side half: one moderation engine (with the DVV name and Helsinki street
 * lexicon) and one speller per desk, both built on first use and kept. The triage suggester gets its
 * engine from here too, so the lexicon is read at most once per process.
 */
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { PublicationState } from '../../../shared/domain/enums.js';
import type { ModerationFinding, ModerationScan, SpellcheckResult } from '../../../shared/api/desk-api.js';
import {
  createModerationEngine,
  findGuardedIdentifiers,
  type Finding,
  type ModerationEngine,
  type ModerationLexicon,
} from '../../../shared/moderation/index.js';
import {
  PUBLICATION_FIELDS,
  publicationChecklist,
  publishableText,
  type PublicationField,
} from '../../../shared/workflow/publication.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../../../tools/moderation/load-lexicon.js';
import { createSpeller, knownWordsFromLexicon, type SpellLanguage, type Speller } from '../spelling/index.js';

export interface DeskModerationOptions {
  /** Folder with names/ and wordlists/ (default: defaultLexiconDir()). */
  dataDir?: string;
  /** For tests: replace the lexicon loader (return null to simulate missing lists). */
  loadLexicon?: () => ModerationLexicon | null;
  createSpeller?: typeof createSpeller;
  log?: (msg: string, extra?: object) => void;
}

export interface DeskModeration {
  /** The shared engine (built with the lexicon when it loads, without it otherwise). */
  engine(): ModerationEngine;
  scan(item: FeedbackItem, opts: { texts?: Record<PublicationField, string | null>; duplicateOfState: PublicationState | null; now: string }): ModerationScan;
  spellcheck(text: string, language: SpellLanguage): Promise<SpellcheckResult>;
  close(): void;
}

// The editor shows "maybe" hints too (a capitalised unknown word after a name cue is 0.3); the moderator dismisses them.
const EDITOR_MIN_SCORE = 0.3;

/**
 * Where the name and word lists are: FEEDBACK_DESK_LEXICON_DIR when set; in an installed desktop
 * app the data/ folder electron-builder ships among its resources; otherwise (a checkout) the
 * project's data/ folder, which the loader finds by itself.
 */
export function defaultLexiconDir(env: NodeJS.ProcessEnv = process.env, resourcesPath = (process as { resourcesPath?: string }).resourcesPath): string | undefined {
  if (env.FEEDBACK_DESK_LEXICON_DIR) return env.FEEDBACK_DESK_LEXICON_DIR;
  if (resourcesPath && existsSync(join(resourcesPath, 'data', 'names'))) return join(resourcesPath, 'data');
  return undefined;
}

export function createDeskModeration(opts: DeskModerationOptions = {}): DeskModeration {
  let lexicon: ModerationLexicon | null | undefined;
  let engine: ModerationEngine | null = null;
  let speller: Promise<Speller> | null = null;
  let closed = false;

  const lex = (): ModerationLexicon | null => {
    if (lexicon !== undefined) return lexicon;
    try {
      lexicon = opts.loadLexicon ? opts.loadLexicon() : loadLexicon(opts.dataDir ?? defaultLexiconDir());
    } catch (err) {
      // Without the lists the other recognizers still work; the editor says names and streets are not looked for.
      opts.log?.('moderation: name and street lists could not be loaded', { error: (err as Error).message });
      lexicon = null;
    }
    return lexicon;
  };

  const getEngine = (): ModerationEngine => {
    if (engine) return engine;
    const l = lex();
    engine = l ? createModerationEngine(l) : createModerationEngine();
    return engine;
  };

  return {
    engine: getEngine,

    scan(item, { texts: given, duplicateOfState, now }) {
      const texts = given ?? publishableText(item);
      const e = getEngine();
      const findings = {} as Record<PublicationField, ModerationFinding[]>;
      for (const field of PUBLICATION_FIELDS) {
        const text = texts[field] ?? '';
        if (!text) {
          findings[field] = [];
          continue;
        }
        // The guard's own scan decides `guarded`, so the editor marks exactly what publishing would refuse.
        const guarded = findGuardedIdentifiers(text, { allowCityContacts: field === 'answer' });
        const isGuarded = (f: Finding) => guarded.some((g) => g.kind === f.kind && g.start < f.end && f.start < g.end);
        const found: Finding[] = e.scan(text, { language: item.language, minScore: EDITOR_MIN_SCORE });
        // A guarded identifier the engine resolved differently (e.g. a number it read as something else) is still shown.
        for (const g of guarded) if (!found.some((f) => f.start < g.end && g.start < f.end)) found.push(g);
        findings[field] = found
          .sort((a, b) => a.start - b.start)
          .map((f) => ({ kind: f.kind, start: f.start, end: f.end, score: f.score, explanation: f.explanation, ...(f.validated !== undefined && { validated: f.validated }), guarded: isGuarded(f) }));
      }
      const checklist = publicationChecklist({
        item,
        texts,
        // low-score hints are for the editor's highlighting, not evidence in the checklist
        findings: Object.fromEntries(PUBLICATION_FIELDS.map((f) => [f, findings[f].filter((x) => x.score >= 0.4 || x.guarded)])),
        duplicateOfState: item.duplicateOf ? duplicateOfState ?? undefined : null,
        now,
      });
      return {
        language: item.language,
        texts: { title: texts.title ?? null, text: texts.text ?? '', answer: texts.answer ?? null },
        findings,
        checklist,
        duplicateOfState,
        lexiconLoaded: lexicon !== null,
      };
    },

    async spellcheck(text, language) {
      if (closed) throw new Error('closed');
      speller ??= (async () => {
        const l = lex();
        const known = l ? knownWordsFromLexicon(l) : undefined;
        return (opts.createSpeller ?? createSpeller)({ isKnownWord: known ? (w) => known(w) : undefined });
      })();
      const s = await speller;
      return { issues: s.check(text, language), available: { ...s.available } };
    },

    close() {
      closed = true;
      void speller?.then((s) => s.close()).catch(() => {});
    },
  };
}

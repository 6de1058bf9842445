import { loadHunspell, type HunspellLanguage, type HunspellSpeller } from './hunspell.js';
import { tokenizeWords } from './tokenize.js';
import { defaultVoikkoLibraries, loadVoikko } from './voikko.js';

export type SpellLanguage = 'fi' | 'sv' | 'en';
export const SPELL_LANGUAGES: readonly SpellLanguage[] = ['fi', 'sv', 'en'];

/** `true`, or why spelling in that language is not available (shown to the moderator as is). */
export type SpellAvailability = true | string;

export interface SpellIssue {
  /** UTF-16 offsets into the checked text */
  start: number;
  end: number;
  word: string;
  suggestions: string[];
}

export interface Speller {
  available: Record<SpellLanguage, SpellAvailability>;
  /** Misspelled words in text; [] when the language is unavailable (see `available`). Never throws. */
  check(text: string, lang: SpellLanguage): SpellIssue[];
  /** Release Voikko; check() returns [] afterwards. */
  close(): void;
}

export interface SpellerOptions {
  /** libvoikko paths to try, in order; default per platform, or FEEDBACK_DESK_VOIKKO_LIBRARY. */
  voikkoLibraries?: readonly string[];
  /** Folder holding the voikko-fi dictionary (null = Voikko's own search path), or FEEDBACK_DESK_VOIKKO_DICTIONARY. */
  voikkoDictionaryPath?: string | null;
  /** Folders of Hunspell dictionaries (index.aff + index.dic); default dictionary-sv, dictionary-en-gb + dictionary-en. */
  dictionaryDirs?: Partial<Record<HunspellLanguage, readonly string[]>>;
  /** Load only these languages (the others report "not loaded"). */
  languages?: readonly SpellLanguage[];
  maxSuggestions?: number;
  /**
   * Words the dictionaries do not know but the city does: street, district and person names
   * (see knownWordsFromLexicon). Checked before the engine.
   */
  isKnownWord?: (word: string, lang: SpellLanguage) => boolean;
}

interface Backend {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

// nspell proposes fragments like "tras-" or ".atan"; only whole words are useful suggestions.
const WHOLE_WORD = /^[\p{L}\p{M}]+(?:[-' ][\p{L}\p{M}]+)*$/u;

/**
 * Spelling for the moderation editor: Finnish through Voikko (FFI), Swedish and English through
 * nspell with Hunspell dictionaries. Runs in the desk's Node side; a language whose engine is
 * missing reports why and checks nothing, the others keep working.
 */
export async function createSpeller(opts: SpellerOptions = {}): Promise<Speller> {
  const wanted = opts.languages ?? SPELL_LANGUAGES;
  const max = opts.maxSuggestions ?? 5;
  const available: Record<SpellLanguage, SpellAvailability> = { fi: 'not loaded', sv: 'not loaded', en: 'not loaded' };
  const backends: Partial<Record<SpellLanguage, Backend>> = {};
  let terminate = () => {};

  if (wanted.includes('fi')) {
    const envLib = process.env.FEEDBACK_DESK_VOIKKO_LIBRARY;
    const libraries = opts.voikkoLibraries ?? (envLib ? [envLib] : defaultVoikkoLibraries());
    const dict = opts.voikkoDictionaryPath !== undefined ? opts.voikkoDictionaryPath : (process.env.FEEDBACK_DESK_VOIKKO_DICTIONARY ?? null);
    const voikko = loadVoikko(libraries, dict);
    if (voikko.ok) {
      backends.fi = voikko.speller;
      available.fi = true;
      terminate = () => voikko.speller.terminate();
    } else {
      available.fi = voikko.reason;
    }
  }
  await Promise.all(
    (['sv', 'en'] as const)
      .filter((l) => wanted.includes(l))
      .map(async (lang) => {
        try {
          const speller: HunspellSpeller = await loadHunspell(lang, opts.dictionaryDirs?.[lang]);
          backends[lang] = speller;
          available[lang] = true;
        } catch (err) {
          available[lang] = `the ${lang === 'sv' ? 'Swedish' : 'English'} dictionary could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
        }
      }),
  );

  const caches: Record<SpellLanguage, Map<string, string[] | null>> = { fi: new Map(), sv: new Map(), en: new Map() };
  let closed = false;

  // null = spelled right; otherwise the suggestions (possibly none)
  const lookup = (lang: SpellLanguage, b: Backend, word: string, dotAfter: boolean): string[] | null => {
    const cache = caches[lang];
    const key = dotAfter ? `${word}.` : word;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let result: string[] | null = null;
    try {
      // Finnish abbreviations are spelled with their dot (esim., ko., jne.); Voikko knows them that way.
      const ok = b.spell(word) || (dotAfter && lang === 'fi' && b.spell(`${word}.`)) || (opts.isKnownWord?.(word, lang) ?? false);
      if (!ok) result = b.suggest(word).filter((s) => s !== word && WHOLE_WORD.test(s)).slice(0, max);
    } catch {
      result = null; // an engine error is not the writer's typo
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(key, result);
    return result;
  };

  return {
    available,
    check(text, lang) {
      const b = backends[lang];
      if (!b || closed) return [];
      const issues: SpellIssue[] = [];
      for (const t of tokenizeWords(text)) {
        const word = t.word.replace(/’/g, "'");
        // Voikko understands hyphenated Finnish compounds (Itä-Helsinki); nspell checks the parts.
        const parts = lang === 'fi' || !word.includes('-') ? [{ w: word, at: t.start }] : splitHyphen(word, t.start);
        for (const { w, at } of parts) {
          if (w.length < 2) continue;
          const suggestions = lookup(lang, b, w, text[at + w.length] === '.');
          if (suggestions) issues.push({ start: at, end: at + w.length, word: text.slice(at, at + w.length), suggestions });
        }
      }
      return issues;
    },
    close() {
      closed = true;
      terminate();
    },
  };
}

function splitHyphen(word: string, start: number): { w: string; at: number }[] {
  const out: { w: string; at: number }[] = [];
  let at = start;
  for (const w of word.split('-')) {
    out.push({ w, at });
    at += w.length + 1;
  }
  return out;
}

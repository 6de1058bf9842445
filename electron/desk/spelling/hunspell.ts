import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';

export type HunspellLanguage = 'sv' | 'en';

/**
 * Hunspell dictionary packages per language, the first one's suggestions preferred. The city writes
 * British English; American spellings are accepted too, since senders use both.
 */
const PACKAGES: Record<HunspellLanguage, readonly string[]> = { sv: ['dictionary-sv'], en: ['dictionary-en-gb', 'dictionary-en'] };

/** The folders of the installed dictionary-* packages for a language (each with index.aff and index.dic). */
export function dictionaryDirs(lang: HunspellLanguage): string[] {
  // Works from ESM (tsx, tests) and from the CommonJS bundle of the Electron main process.
  const req = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  return PACKAGES[lang].map((p) => dirname(req.resolve(p)));
}

/**
 * nspell does not implement Hunspell's COMPOUNDBEGIN/MIDDLE/END flags, which the Swedish dictionary
 * relies on: with them it accepts any letter soup ("felstvat") and rejects entries marked
 * ONLYINCOMPOUND even where the plain form is right ("gatan"). Without them it checks every
 * listed word and inflection correctly; an unlisted compound is flagged (a false alarm the moderator
 * can ignore, better than passing real typos).
 */
export function adaptForNspell(lang: HunspellLanguage, aff: string, dic: string): { aff: string; dic: string } {
  if (lang !== 'sv') return { aff, dic };
  const onlyInCompound = /^ONLYINCOMPOUND\s+(\S+)/m.exec(aff)?.[1];
  const affOut = aff
    .split('\n')
    .filter((l) => !/^(?:COMPOUND|ONLYINCOMPOUND)/.test(l))
    .join('\n');
  const lines = dic.split('\n');
  const dicOut = onlyInCompound
    ? [lines[0], ...lines.slice(1).filter((l) => !(l.split('/')[1] ?? '').includes(onlyInCompound))].join('\n')
    : dic;
  return { aff: affOut, dic: dicOut };
}

export interface HunspellSpeller {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

/** A word is right if any of the language's dictionaries accepts it; suggestions come from the first that has some. */
export async function loadHunspell(lang: HunspellLanguage, dirs: readonly string[] = dictionaryDirs(lang)): Promise<HunspellSpeller> {
  const spellers = await Promise.all(
    dirs.map(async (dir) => {
      const [aff, dic] = await Promise.all([readFile(join(dir, 'index.aff'), 'utf8'), readFile(join(dir, 'index.dic'), 'utf8')]);
      const adapted = adaptForNspell(lang, aff, dic);
      return nspell(adapted.aff, adapted.dic);
    }),
  );
  return {
    spell: (w) => spellers.some((s) => s.correct(w)),
    suggest: (w) => {
      for (const s of spellers) {
        const out = s.suggest(w);
        if (out.length > 0) return out;
      }
      return [];
    },
  };
}

import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpeller, type Speller } from './speller.js';
import { tokenizeWords } from './tokenize.js';

// This machine has Debian's libvoikko1 + voikko-fi; elsewhere the Finnish tests would only prove the
// unavailable path, so they say so instead of passing silently.
const VOIKKO = '/usr/lib/x86_64-linux-gnu/libvoikko.so.1';
const haveVoikko = existsSync(VOIKKO);

let speller: Speller;
beforeAll(async () => {
  speller = await createSpeller({ voikkoLibraries: [VOIKKO] });
}, 60_000);
afterAll(() => speller?.close());

const words = (issues: { word: string }[]) => issues.map((i) => i.word);

describe.runIf(haveVoikko)('Finnish through Voikko', () => {
  it('is available', () => expect(speller.available.fi).toBe(true));

  it('finds a misspelling, with the right word among the suggestions and offsets into the text', () => {
    const text = 'Katuvalo ei pala kävelytiella Kalliossa.';
    const issues = speller.check(text, 'fi');
    expect(words(issues)).toEqual(['kävelytiella']);
    expect(text.slice(issues[0].start, issues[0].end)).toBe('kävelytiella');
    expect(issues[0].suggestions).toContain('kävelytiellä');
  });

  it('does not flag correct inflected and compound words', () => {
    const text =
      'Talossanikin asukkaat ihmettelivät, miksi Itä-Helsingin uimahalleissa ei ole hyväksyttävää siivousta. ' +
      'Lapsillemme luvattiin leikkipuistoihin uusia keinuja, mutta kunnostustöistä ei kuulunut mitään.';
    expect(speller.check(text, 'fi')).toEqual([]);
  });

  it('accepts abbreviations written with their dot, not the bare letters', () => {
    expect(speller.check('Esim. penkit ja roskikset jne. ovat rikki.', 'fi')).toEqual([]);
    expect(words(speller.check('Esim penkit ovat rikki.', 'fi'))).toEqual(['Esim']);
  });

  it('accepts street and district names the city knows, in inflected forms, when given a known-words list', async () => {
    const text = 'Kuoppa on Jäkärläntiellä lähellä Tuorinniemen pysäkkiä.';
    expect(words(speller.check(text, 'fi')).length).toBeGreaterThan(0);
    const known = new Set(['jäkärläntie', 'tuorinniemi']);
    const s = await createSpeller({
      voikkoLibraries: [VOIKKO],
      languages: ['fi'],
      isKnownWord: (w) => /^\p{Lu}/u.test(w) && [w.toLowerCase().replace(/llä$/, ''), w.toLowerCase().replace(/men$/, 'mi')].some((c) => known.has(c)),
    });
    expect(s.check(text, 'fi')).toEqual([]);
    s.close();
  });

  it('skips links, emails, placeholders, codes and acronyms', () => {
    const text = 'Katso www.hel.fi/palautteet ja kirjoita xqzw@example.com. [nimi poistettu] ajoi bussilla 55A, HSL:n kuljettaja.';
    expect(speller.check(text, 'fi')).toEqual([]);
  });
});

describe('Finnish when Voikko is missing', () => {
  it('reports unavailable with a clear reason and checks nothing, without crashing', async () => {
    const s = await createSpeller({ voikkoLibraries: ['/nonexistent/libvoikko.so.1'], languages: ['fi'] });
    expect(s.available.fi).toEqual(expect.stringContaining('Voikko (libvoikko) was not found'));
    expect(s.available.fi).toEqual(expect.stringContaining('/nonexistent/libvoikko.so.1'));
    expect(s.available.fi).toEqual(expect.stringContaining('Install libvoikko1 and voikko-fi'));
    expect(s.check('Katuvalo ei pala kävelytiella.', 'fi')).toEqual([]);
    s.close();
  });

  it('a file that is not libvoikko is reported, not loaded blindly', async () => {
    const s = await createSpeller({ voikkoLibraries: ['libc.so.6'], languages: ['fi'] });
    expect(s.available.fi).toEqual(expect.stringContaining('not a usable libvoikko'));
  });
});

describe('Swedish and English through nspell', () => {
  it('are available', () => {
    expect(speller.available.sv).toBe(true);
    expect(speller.available.en).toBe(true);
  });

  it('Swedish: a typo is found with a suggestion; inflected forms pass', () => {
    const issues = speller.check('Gatlampan på gtaan är trasig. Lampan lyser inte i parken.', 'sv');
    expect(words(issues)).toEqual(['gtaan']);
    expect(issues[0].suggestions).toContain('gatan');
  });

  it('English: a typo is found with a suggestion; contractions, British and American spellings pass', () => {
    expect(speller.check('The neighbourhood and the neighborhood both have a colour, or color, problem.', 'en')).toEqual([]);
    const issues = speller.check("I didn't recieve an answer about the broken streetlight.", 'en');
    expect(words(issues)).toEqual(['recieve']);
    expect(issues[0].suggestions).toContain('receive');
  });

  it('a missing dictionary folder is reported for that language only', async () => {
    const s = await createSpeller({ languages: ['en'], dictionaryDirs: { en: ['/nonexistent'] } });
    expect(s.available.en).toEqual(expect.stringContaining('English dictionary could not be loaded'));
    expect(s.available.sv).toBe('not loaded');
    expect(s.check('recieve', 'en')).toEqual([]);
  });
});

describe('tokenizeWords', () => {
  it('keeps hyphenated words whole and UTF-16 offsets right', () => {
    const text = '😀 Itä-Helsingin katu';
    expect(tokenizeWords(text).map((t) => [t.word, text.slice(t.start, t.end)])).toEqual([
      ['Itä-Helsingin', 'Itä-Helsingin'],
      ['katu', 'katu'],
    ]);
  });
});

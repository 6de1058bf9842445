import { describe, expect, it } from 'vitest';
import { createModerationEngine } from '../../shared/moderation/engine.js';
import { nameLemmaCandidates } from '../../shared/moderation/finnish-inflection.js';
import { loadLexicon } from './load-lexicon.js';

const engine = createModerationEngine(loadLexicon());
const persons = (t: string) => engine.scan(t, { kinds: ['person'] }).map((f) => t.slice(f.start, f.end));
const addresses = (t: string) => engine.scan(t, { kinds: ['address'] }).map((f) => t.slice(f.start, f.end));

describe('person names', () => {
  it('finds first name + surname pairs and signatures', () => {
    expect(persons('Naapurini Matti Virtanen soittaa öisin.')).toEqual(['Matti Virtanen']);
    expect(persons('Roskis on täynnä.\n\nTerveisin\nLiisa Korhonen')).toEqual(['Liisa Korhonen']);
  });

  it('finds inflected Finnish names', () => {
    expect(persons('Kiitos Sallalle ja Jarin perheelle.')).toEqual(['Sallalle', 'Jarin']);
    expect(persons('Annoin avaimet Virtaselle ja Mintulla oli kissa.')).toEqual(['Virtaselle', 'Mintulla']);
    expect(persons('Kävimme Tuomaksen kanssa uimassa.')).toEqual(['Tuomaksen']);
    expect(nameLemmaCandidates('Koivuselle')).toContain('koivunen');
    expect(nameLemmaCandidates('Lahden')).toContain('lahti');
  });

  it('does not flag names that are common words without more evidence', () => {
    expect(persons('Salo on kaunis kaupunki. Kivi lensi ikkunaan. Onni oli matkassa, satu oli hyvä.')).toEqual([]);
    expect(persons('Kävimme Niemen rannassa ja Ahon pellolla.')).toEqual([]);
  });

  it('flags the same words with a title, a first name, or earlier full mention', () => {
    expect(persons('Opettaja Niemi huusi lapsille.')).toEqual(['Niemi']);
    expect(persons('Satu Aho vastasi puhelimeen.')).toEqual(['Satu Aho']);
    expect(persons('Onni Salo tuli paikalle. Myöhemmin Salo lähti.')).toEqual(['Onni Salo', 'Salo']);
  });

  it('does not take a sentence-initial capital as evidence', () => {
    expect(persons('Kuusi puuta kaadettiin. Tuuli oli kova.')).toEqual([]);
  });

  it('keeps UTF-16 offsets right after emoji', () => {
    const t = '🙂🙂 Kiitos Matti Virtanen!';
    const [f] = engine.scan(t, { kinds: ['person'] });
    expect(f.start).toBe(12);
    expect(t.slice(f.start, f.end)).toBe('Matti Virtanen');
  });
});

describe('street addresses', () => {
  it('finds addresses with house number, staircase, flat and postcode', () => {
    expect(addresses('Asun Mannerheimintie 5 A 12, 00100 Helsinki.')).toEqual(['Mannerheimintie 5 A 12, 00100 Helsinki']);
    expect(addresses('Jag bor på Mannerheimvägen 48 C 21.')).toEqual(['Mannerheimvägen 48 C 21']);
    expect(addresses('Osoite Sturenkatu 12 B 4')).toEqual(['Sturenkatu 12 B 4']);
  });

  it('reports a bare or inflected street name only below the default threshold', () => {
    expect(addresses('Mannerheimintiellä ja Sturenkadulla on kuoppia.')).toEqual([]);
    const low = engine.scan('Mannerheimintiellä ja Sturenkadulla on kuoppia.', { kinds: ['address'], minScore: 0.3 });
    expect(low).toHaveLength(2);
  });
});

describe('engine', () => {
  it('resolves overlaps so a hetu is never also a phone number', () => {
    const t = 'Tunnus 131052-308T ja puh 040-1234567';
    expect(engine.scan(t).map((f) => [f.kind, t.slice(f.start, f.end)])).toEqual([['hetu', '131052-308T'], ['phone', '040-1234567']]);
  });

  it('finds nothing in harmless feedback', () => {
    expect(engine.scan('Kiitos puistotyöntekijöille! Kaisaniemen puisto on nyt todella siisti, kävin siellä 12.5. klo 16.')).toEqual([]);
  });
});

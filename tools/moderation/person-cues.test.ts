import { describe, expect, it } from 'vitest';
import { createModerationEngine } from '../../shared/moderation/engine.js';
import { loadLexicon } from './load-lexicon.js';

const engine = createModerationEngine(loadLexicon());
const persons = (t: string, minScore?: number) => engine.scan(t, { kinds: ['person'], minScore }).map((f) => t.slice(f.start, f.end));

describe('person cues for names outside the DVV lists', () => {
  it('a maiden-name or abbreviated title before an unknown word, even though the dot looks like a sentence end', () => {
    expect(persons('Liisa Aro (o.s. Saadlo) asuu talossamme.')).toContain('Saadlo');
    expect(persons('Vastaanotolla oli Dr. Okonkwo koko päivän.')).toContain('Okonkwo');
  });

  it('a genitive before a noun that belongs to persons: teos, mietintö, vaimo', () => {
    expect(persons('Luimme koulussa Ovidiuksen teoksen.')).toEqual(['Ovidiuksen']);
    expect(persons('Valiokunta käsitteli Napolitanon mietintöä.')).toEqual(['Napolitanon']);
    // an adverb starting like a person noun is not one ("ystävällisesti" is not "ystävä")
    expect(persons('Hei! Toivoisin ystävällisesti vastausta.')).toEqual([]);
  });

  it('a street-shaped surname right after a sure first name, but a street with a number stays a street', () => {
    expect(persons('Kokouksessa Annika Lapintie kertoi suunnitelmasta.')).toEqual(['Annika Lapintie']);
    expect(persons('Asun osoitteessa Mannerheimintie 5.')).toEqual([]);
  });

  it('a hyphenated organisation or work is no person: "File-lehti kertoo"', () => {
    expect(persons('Asiasta uutisoi Autobild-lehti kertoo.')).toEqual([]);
  });

  it('unknown capitalised words are only hints below the default threshold', () => {
    const text = 'Eilen tapasin puistossa Zorbakin kanssa.';
    expect(persons(text)).toEqual([]);
    expect(persons(text, 0.3)).toEqual(['Zorbakin']);
  });
});

describe('surname-shaped words after a sure first name', () => {
  it('join the name even when they also parse as a Finnish compound', () => {
    expect(persons('Kirjoittaja Johannes Damaskolainen asui luostarissa.')).toEqual(['Johannes Damaskolainen']);
  });
});

import { describe, expect, it } from 'vitest';
import { wordListRecognizer } from './wordlists.js';
import { racismRecognizer } from './racism.js';
import { healthRecognizer } from './health.js';

const words = (t: string, language: 'fi' | 'sv' | 'en' = 'fi') =>
  wordListRecognizer.find(t, { language }).map((f) => [f.kind, t.slice(f.start, f.end)]);

describe('profanity (curated lists)', () => {
  it('flags Finnish swear words in inflected forms', () => {
    expect(words('Vitun surkea, saatanan paska ja kusipäät')).toEqual([
      ['profanity', 'Vitun'], ['profanity', 'saatanan'], ['profanity', 'paska'], ['profanity', 'kusipäät'],
    ]);
    expect(words('pillun')).toEqual([['profanity', 'pillun']]);
  });

  it('leaves harmless Finnish words alone (the raw LDNOOBW list would not)', () => {
    expect(words('Kuusi kuusta, tussi, muna, kalusto, pano, kusiainen, homo, tuuli, passi ja assistentti.')).toEqual([]);
  });

  it('knows Swedish "fan" only in Swedish text, and English words via obscenity', () => {
    expect(words('fy fan', 'sv')).toEqual([['profanity', 'fan']]);
    expect(words('I am a big fan', 'en')).toEqual([]);
    expect(words('this is fucking bad', 'en')).toEqual([['profanity', 'fucking']]);
  });
});

describe('racism', () => {
  it('classifies slurs as racism, not profanity', () => {
    expect(words('neekerit ja ryssät')).toEqual([['racism', 'neekerit'], ['racism', 'ryssät']]);
  });

  it('finds generalising statements about groups, not neutral mentions', () => {
    const t = 'Kaikki maahanmuuttajat ovat rikollisia.';
    expect(racismRecognizer.find(t, { language: 'fi' })).toHaveLength(1);
    expect(racismRecognizer.find('Maahanmuuttajien neuvonta on auki maanantaisin.', { language: 'fi' })).toEqual([]);
    expect(racismRecognizer.find('Immigrants should go back to their country', { language: 'en' }).length).toBeGreaterThan(0);
  });
});

describe('health and social services (P19d)', () => {
  it('scores a health term high only with a personal reference', () => {
    const personal = healthRecognizer.find('Poikani sairastaa diabetesta.', { language: 'fi' });
    expect(personal.every((f) => f.score >= 0.7)).toBe(true);
    const general = healthRecognizer.find('Terveyskeskuksen jonot ovat pitkiä.', { language: 'fi' });
    expect(general.every((f) => f.score < 0.4)).toBe(true);
  });

  it('does not read lawn mowing or a pinch as health data', () => {
    expect(healthRecognizer.find('Nurmikon leikkaus ja hivenen suolaa', { language: 'fi' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { linkRecognizer } from './links.js';
import { plateRecognizer } from './plate.js';

const ctx = { language: 'fi' as const };

describe('email and url', () => {
  it('finds emails, prefixed links, www. links and bare domains', () => {
    const t = 'Kirjoita helsinki.palaute@hel.fi tai katso https://hel.fi/a?b=1, www.hel.fi ja hel.fi/palaute.';
    const fs = linkRecognizer.find(t, ctx);
    expect(fs.map((f) => [f.kind, t.slice(f.start, f.end)])).toEqual([
      ['email', 'helsinki.palaute@hel.fi'], ['url', 'https://hel.fi/a?b=1'], ['url', 'www.hel.fi'], ['url', 'hel.fi/palaute'],
    ]);
  });

  it('does not treat times or decimal numbers as links', () => {
    expect(linkRecognizer.find('klo 8.30 ja 12,50 e. Loppu.Alku', ctx)).toEqual([]);
  });
});

describe('vehicle plate', () => {
  it('scores a plate higher with a vehicle word nearby', () => {
    const [withCtx] = plateRecognizer.find('Auto ABC-123 pysäköi väärin', ctx);
    const [without] = plateRecognizer.find('Koodi ABC-123 toimii', ctx);
    expect(withCtx.score).toBeGreaterThan(without.score);
  });

  it('skips everyday abbreviations, unless a plate word names them', () => {
    expect(plateRecognizer.find('COVID-19 ja EU-27', ctx)).toEqual([]);
    expect(plateRecognizer.find('rekkari oli HKL-921', ctx)).toHaveLength(1);
  });
});

describe('bare domains and sentence typos', () => {
  it('does not read a missing space after a full stop as a domain', () => {
    expect(linkRecognizer.find('Laitoin sen suojaan.Se on nyt kunnossa.', { language: 'fi' })).toEqual([]);
    expect(linkRecognizer.find('katso hel.fi tai HEL.FI', { language: 'fi' })).toHaveLength(2);
  });
});

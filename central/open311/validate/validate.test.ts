import { describe, expect, it } from 'vitest';
import { parseRequestFilters } from './get-filters.js';
import { parsePostRequest } from './post-request.js';
import { parseUrlEncoded } from '../forms.js';
import { xmlDocument } from '../format/xml.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');

describe('GET filters', () => {
  it('defaults to the 90 days before now, and lets an id list override everything', () => {
    const d = parseRequestFilters({}, NOW);
    expect(d.ok && d.value).toMatchObject({ from: '2026-08-29T12:00:00.000Z', to: '2026-11-27T12:00:00.000Z', page: 1, pageSize: 50, extensions: false });
    const ids = parseRequestFilters({ service_request_id: 'aaaa,bbbb', status: 'open', service_code: '171', lat: '60', long: '24', start_date: '2015-01-01' }, NOW);
    expect(ids.ok && ids.value).toMatchObject({ ids: ['aaaa', 'bbbb'], statuses: null, serviceCodes: null, near: null, from: null, to: null });
  });

  it('reads dates with offsets as instants and radius with a default', () => {
    const f = parseRequestFilters({ start_date: '2015-06-01T10:00:00+03:00', lat: '60.17', long: '24.94' }, NOW);
    expect(f.ok && f.value).toMatchObject({ from: '2015-06-01T07:00:00.000Z', to: null, near: { lat: 60.17, long: 24.94, radius: 1000 } });
  });

  it('names every bad parameter', () => {
    const f = parseRequestFilters({ status: 'maybe', page_size: '0', bbox: '1,2' }, NOW);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.errors.join('\n')).toMatch(/status[\s\S]*bbox|bbox[\s\S]*status/);
  });
});

describe('POST fields', () => {
  const base = { service_code: '171', description: 'Kuoppa ajoradalla taas.', address_string: 'Mannerheimintie 1' };
  it('maps Helsinki fields, trims, and keeps permission off unless given', () => {
    const r = parsePostRequest({ ...base, service_request_type: 'thank', first_name: ' Maija ', locale: 'sv_FI' });
    expect(r.ok && r.value).toMatchObject({ kind: 'praise', firstName: 'Maija', publicationPermission: false, language: 'sv', lat: null, address: 'Mannerheimintie 1' });
    const p = parsePostRequest({ ...base, can_be_published: 'true', lat: '60.1', long: '24.9' });
    expect(p.ok && p.value).toMatchObject({ publicationPermission: true, lat: 60.1, long: 24.9 });
  });

  it('refuses markup, control characters and replacement characters', () => {
    for (const description of ['Katso <a href="x">tätä</a> nyt', 'Kuoppa\u0000 ajoradalla', 'Kuoppa \uFFFD ajoradalla']) {
      expect(parsePostRequest({ ...base, description }).ok).toBe(false);
    }
    expect(parsePostRequest({ ...base, description: 'Nopeus < 30 km/h ja 3 > 2, ok.' }).ok).toBe(true);
  });
});

describe('form bodies and XML', () => {
  it('decodes form-urlencoded strictly', () => {
    expect(parseUrlEncoded(Buffer.from('a=1&a=2&b=%C3%A4+x&c'))).toEqual({ a: ['1', '2'], b: ['ä x'], c: [''] });
    expect(() => parseUrlEncoded(Buffer.from('a=%C3%28'))).toThrow(/UTF-8/);
    expect(() => parseUrlEncoded(Buffer.from([0x61, 0x3d, 0xff]))).toThrow(/UTF-8/);
  });

  it('escapes text and drops characters XML cannot carry', () => {
    const doc = xmlDocument('service_requests', 'request', [{ description: 'a <b> & "c"\u0001', media_urls: ['u'] }]);
    expect(doc).toContain('<description>a &lt;b&gt; &amp; &quot;c&quot;</description>');
    expect(doc).toContain('<media_urls><media_url>u</media_url></media_urls>');
  });
});

/**
 * The moderation editor's desk methods (moderationScan, spellcheck) and the publication mutations,
 * against a real central server with the demo seed, the real name lexicon and the real Voikko.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../central/server.js';
import { eventually, StaffClient } from '../../tests/support/staff-client.js';
import { redact } from '../../shared/moderation/index.js';
import { createDesk, type Desk } from './desk.js';
import { deskWithDemoCentral, walkInArgs, type DeskWithCentral } from './testing/desk-with-central.js';
import { defaultLexiconDir } from './moderation/desk-moderation.js';
import { createDeskModeration } from './moderation/desk-moderation.js';
import { createSpeller } from './spelling/index.js';

let central: RunningCentral;
let desk: Desk;
let world: DeskWithCentral;
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'desk-moderation-'));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  world = await deskWithDemoCentral('admin', 'desk-moderation');
  ({ central, desk } = world);
}, 120_000);

afterAll(async () => {
  await world?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const walkIn = (text: string, extra: Record<string, unknown> = {}) => walkInArgs(text, { title: 'Katuvalo rikki', publicationPermission: true, ...extra });

const TEXT = 'Katuvalo on ollut rikki viikon. Naapurini Matti Virtanen soitti jo numeroon 040 123 4567, henkilötunnus 131052-308T.';

describe('moderation methods of the desk core', () => {
  it('finds the personal data per field, marks what the guard refuses, and fills the checklist', async () => {
    const args = walkIn(TEXT);
    await desk.mutate({ name: 'createWalkIn', args });
    const scan = await desk.moderationScan({ itemId: args.itemId });
    expect(scan.lexiconLoaded).toBe(true);
    expect(scan.language).toBe('fi');
    const found = scan.findings.text.map((f) => ({ kind: f.kind, text: TEXT.slice(f.start, f.end), guarded: f.guarded }));
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: 'person', text: 'Matti Virtanen', guarded: false },
        { kind: 'phone', text: '040 123 4567', guarded: true },
        { kind: 'hetu', text: '131052-308T', guarded: true },
      ]),
    );
    expect(scan.findings.title).toEqual([]);
    const p19c = scan.checklist.checks.find((c) => c.code === 'personal_sensitive_matters')!;
    expect(p19c.state).toBe('problem');
    expect(p19c.evidence.map((e) => e.finding?.kind)).toEqual(expect.arrayContaining(['phone', 'hetu']));
    expect(scan.checklist.automaticWithhold).toEqual([]);
    expect(scan.checklist.checks.map((c) => c.rule)).toEqual(['P19a', 'P19a', 'P19b', 'P19c', 'P19d', 'P19e', 'P19f', 'P17']);

    // the editor's unsaved, redacted version: nothing guarded remains, P19c is no longer a problem
    const redacted = redact(TEXT, scan.findings.text, 'fi');
    expect(redacted).toBe('Katuvalo on ollut rikki viikon. Naapurini [nimi poistettu] soitti jo numeroon [puhelinnumero poistettu], henkilötunnus [henkilötunnus poistettu].');
    const again = await desk.moderationScan({ itemId: args.itemId, texts: { title: 'Katuvalo rikki', text: redacted, answer: null } });
    expect(again.findings.text).toEqual([]);
    expect(again.checklist.checks.find((c) => c.code === 'personal_sensitive_matters')!.state).toBe('ok');
  });

  it('publishing the unedited text is refused by the guard; the redacted edit publishes', async () => {
    const args = walkIn(TEXT);
    await desk.mutate({ name: 'createWalkIn', args });
    await expect(desk.mutate({ name: 'decidePublication', args: { itemId: args.itemId, decision: 'publish', reasons: [] } })).rejects.toThrow(/personal identifiers/);
    const scan = await desk.moderationScan({ itemId: args.itemId });
    const text = redact(TEXT, scan.findings.text, 'fi');
    const { item: edited } = await desk.mutate({ name: 'editPublication', args: { itemId: args.itemId, title: 'Katuvalo rikki', text, baseVersion: 0 } });
    expect(edited.publication.edits?.map((e) => ({ version: e.version, by: e.by }))).toEqual([{ version: 1, by: 'admin' }]);
    expect(edited.original.description).toBe(TEXT);
    // a second desk still at version 0 is told about the conflict
    await expect(desk.mutate({ name: 'editPublication', args: { itemId: args.itemId, title: null, text: 'toinen', baseVersion: 0 } })).rejects.toMatchObject({ code: 'conflict' });
    const { item } = await desk.mutate({ name: 'decidePublication', args: { itemId: args.itemId, decision: 'publish', reasons: [] } });
    expect(item.publication).toMatchObject({ state: 'published', text });
  });

  it('an item without permission is withheld automatically, and the checklist says so', async () => {
    const args = walkIn('Puiston roska-astiat ovat täynnä ja roskia lentelee ympäriinsä.', { publicationPermission: false });
    await desk.mutate({ name: 'createWalkIn', args });
    const scan = await desk.moderationScan({ itemId: args.itemId });
    expect(scan.checklist.automaticWithhold).toEqual(['no_permission']);
    expect(scan.checklist.checks[0]).toMatchObject({ code: 'no_permission', state: 'problem' });
    await expect(desk.mutate({ name: 'decidePublication', args: { itemId: args.itemId, decision: 'publish', reasons: [] } })).rejects.toThrow(/P19a/);
  });

  it('an unknown item and bad arguments are clear errors', async () => {
    await expect(desk.moderationScan({ itemId: 'no-such-item' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(desk.spellcheck({ text: 'hej', language: 'de' as 'fi' })).rejects.toMatchObject({ code: 'invalid_args' });
  });

  it('spellchecks Finnish through Voikko and Swedish and English through nspell, city names accepted', async () => {
    const fi = await desk.spellcheck({ text: 'Katuvalo ei pala kävelytiella Sturenkadulla.', language: 'fi' });
    expect(fi.available.fi).toBe(true);
    expect(fi.issues.map((i) => i.word)).toEqual(['kävelytiella']);
    expect(fi.issues[0].suggestions).toContain('kävelytiellä');
    const sv = await desk.spellcheck({ text: 'Gatlampan vid skolan är trasig och det är mörkt på kvällarna, tack för hjälpn.', language: 'sv' });
    expect(sv.issues.map((i) => i.word)).toEqual(['hjälpn']);
    expect(sv.issues[0].suggestions).toContain('hjälpen');
    const en = await desk.spellcheck({ text: 'The streetlight is brokn.', language: 'en' });
    expect(en.issues.map((i) => i.word)).toEqual(['brokn']);
    expect(en.issues[0].suggestions).toContain('broken');
  }, 30_000);
});

describe('a publication edit the central server refuses later', () => {
  it('comes back as a rejected conflict carrying mine and theirs, which the editor offers to keep or drop', async () => {
    let offline = false;
    const fetchImpl: typeof fetch = (input, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    const d = await createDesk({ dataDir: tmp(), centralUrl: central.url, fetch: fetchImpl, log: () => {}, sync: { retry: { baseMs: 50, maxMs: 200 } } });
    try {
      await d.signIn({ username: 'moderaattori', password: 'demo' });
      const other = new StaffClient(central.url);
      await other.login('admin');
      const args = walkIn('Pyörätiellä on syvä kuoppa sillan kohdalla, ja pyöräilijät joutuvat väistämään.');
      await other.push('createWalkIn', args);
      await d.syncNow({});
      expect(await d.getItem({ id: args.itemId })).toBeTruthy();

      offline = true;
      const { item } = await d.mutate({ name: 'editPublication', args: { itemId: args.itemId, title: null, text: 'Minun versioni.', baseVersion: 0 } });
      expect(item.publication.version).toBe(1);
      await other.push('editPublication', { itemId: args.itemId, title: null, text: 'Toisen versio.', baseVersion: 0 });
      offline = false;
      await d.syncNow({});

      const rejected = await eventually('the conflict comes back', async () => (await d.listRejected({})).find((r) => r.itemId === args.itemId));
      expect(rejected).toMatchObject({ name: 'editPublication', code: 'conflict' });
      expect(rejected.details).toMatchObject({ mine: { text: 'Minun versioni.' }, theirs: { text: 'Toisen versio.' } });
      const pulled = await eventually('theirs is in the cache', async () => {
        const it = await d.getItem({ id: args.itemId });
        return it?.publication.text === 'Toisen versio.' ? it : undefined;
      });
      // keep mine = save again on top of their version, then drop the rejected one
      await d.mutate({ name: 'editPublication', args: { itemId: args.itemId, title: null, text: 'Minun versioni.', baseVersion: pulled.publication.version ?? 0 } });
      await d.resolveRejected({ mutationId: rejected.mutationId, action: 'discard' });
      await d.syncNow({});
      const final = await eventually('mine is version 2 on the central server', async () => {
        const { items } = await other.pullAll();
        const it = items.find((i) => i.id === args.itemId);
        return it?.publication.version === 2 ? it : undefined;
      });
      expect(final.publication.text).toBe('Minun versioni.');
      expect(await d.listRejected({})).toEqual([]);
    } finally {
      await d.close();
    }
  }, 60_000);
});

describe('desk moderation without its resources', () => {
  it('says why Finnish spelling is unavailable and keeps the other languages', async () => {
    const m = createDeskModeration({ loadLexicon: () => null, createSpeller: (o) => createSpeller({ ...o, voikkoLibraries: ['/nonexistent/libvoikko.so.1'] }) });
    const r = await m.spellcheck('Katuvalo ei pala kävelytiella.', 'fi');
    expect(r.issues).toEqual([]);
    expect(r.available.fi).toEqual(expect.stringContaining('libvoikko'));
    expect(r.available.en).toBe(true);
    m.close();
  }, 30_000);

  it('without the name lists it still finds identifiers and says names are not looked for', async () => {
    const m = createDeskModeration({ loadLexicon: () => {
      throw new Error('ENOENT: names/sukunimitilasto.csv');
    } });
    const item = (await desk.mutate({ name: 'createWalkIn', args: walkIn(TEXT) })).item;
    const scan = m.scan(item, { duplicateOfState: null, now: new Date().toISOString() });
    expect(scan.lexiconLoaded).toBe(false);
    expect(scan.findings.text.filter((f) => f.guarded).map((f) => f.kind).sort()).toEqual(['hetu', 'phone']);
  });
});

describe('where the name and word lists come from', () => {
  it('prefers FEEDBACK_DESK_LEXICON_DIR, then the installed app resources, else the checkout', () => {
    const resources = mkdtempSync(join(tmpdir(), 'fd-resources-'));
    expect(defaultLexiconDir({}, resources)).toBeUndefined();
    mkdirSync(join(resources, 'data', 'names'), { recursive: true });
    expect(defaultLexiconDir({}, resources)).toBe(join(resources, 'data'));
    expect(defaultLexiconDir({ FEEDBACK_DESK_LEXICON_DIR: '/srv/lists' }, resources)).toBe('/srv/lists');
    // npm start's data folder is not a lexicon folder.
    expect(defaultLexiconDir({ FEEDBACK_DESK_DATA_DIR: '/tmp/desk-data' }, undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { catalogs, keyPaths, UI_LANGUAGES } from './index.js';
import { DeskErrorCode } from '../api/desk-api.js';
import { Channel, Kind, Status, Role } from '../domain/enums.js';
import { InboxView, SyncPhase } from '../api/desk-api.js';

const fiKeys = keyPaths(catalogs.fi).sort();

describe('message catalogs', () => {
  for (const lang of UI_LANGUAGES) {
    it(`${lang} has exactly the keys of fi`, () => {
      const keys = keyPaths(catalogs[lang]).sort();
      expect(keys.filter((k) => !fiKeys.includes(k)), `keys in ${lang} but not in fi`).toEqual([]);
      expect(fiKeys.filter((k) => !keys.includes(k)), `keys missing from ${lang}`).toEqual([]);
    });

    it(`${lang} has no empty texts and the same {{placeholders}} as fi`, () => {
      const get = (c: object, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], c) as string;
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]).sort();
      for (const key of fiKeys) {
        const text = get(catalogs[lang], key);
        expect(text.trim(), `${lang}:${key}`).not.toBe('');
        expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(get(catalogs.fi, key)));
      }
    });
  }

  it('the key-set comparison notices a missing key', () => {
    const { signIn, ...rest } = catalogs.sv;
    const { username: _dropped, ...signInWithoutUsername } = signIn;
    const broken = keyPaths({ ...rest, signIn: signInWithoutUsername });
    expect(fiKeys.filter((k) => !broken.includes(k))).toEqual(['signIn.username']);
  });

  it('translates every enum value the UI shows', () => {
    for (const lang of UI_LANGUAGES) {
      const c = catalogs[lang];
      for (const code of DeskErrorCode.options) expect(c.errors[code], `${lang} errors.${code}`).toBeTruthy();
      for (const s of Status.options) expect(c.status[s]).toBeTruthy();
      for (const k of Kind.options) expect(c.kind[k]).toBeTruthy();
      for (const ch of Channel.options) expect(c.channel[ch]).toBeTruthy();
      for (const v of InboxView.options) expect(c.views[v]).toBeTruthy();
      for (const p of SyncPhase.options) expect(c.sync.phase[p]).toBeTruthy();
      for (const r of Role.options) expect(c.topBar.roles[r]).toBeTruthy();
    }
  });
});

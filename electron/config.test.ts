import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CENTRAL_URL, resolveCentralUrl } from './config.js';

describe('resolveCentralUrl', () => {
  let dir: string;
  let configPath: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-config-'));
    configPath = join(dir, 'config.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prefers the environment, then --central, then the config file, then the default', async () => {
    await writeFile(configPath, JSON.stringify({ centralUrl: 'https://palaute.example.fi/' }));
    const argv = ['electron', 'main.cjs', '--central=http://127.0.0.1:8400'];
    expect(resolveCentralUrl({ argv, env: { FEEDBACK_DESK_CENTRAL: 'https://central.hel.fi/' }, configPath })).toBe('https://central.hel.fi');
    expect(resolveCentralUrl({ argv, env: {}, configPath })).toBe('http://127.0.0.1:8400');
    expect(resolveCentralUrl({ argv: [], env: {}, configPath })).toBe('https://palaute.example.fi');
    expect(resolveCentralUrl({ argv: [], env: {}, configPath: join(dir, 'missing.json') })).toBe(DEFAULT_CENTRAL_URL);
  });

  it('says which setting is wrong when a URL is bad', async () => {
    expect(() => resolveCentralUrl({ argv: [], env: { FEEDBACK_DESK_CENTRAL: 'localhost 8311' } })).toThrow(/FEEDBACK_DESK_CENTRAL.*not a URL/);
    expect(() => resolveCentralUrl({ argv: ['--central=ftp://x'], env: {} })).toThrow(/--central.*http or https/);
    await writeFile(configPath, JSON.stringify({ centralUrl: 42 }));
    expect(() => resolveCentralUrl({ argv: [], env: {}, configPath })).toThrow(/centralUrl must be a string/);
    await writeFile(configPath, '{not json');
    expect(() => resolveCentralUrl({ argv: [], env: {}, configPath })).toThrow();
  });
});

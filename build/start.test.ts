/**
 * `npm start` as a user runs it (browser mode, since CI has no Electron binary): one command brings
 * up the central API with demo data and the desk, prints the URL, and Ctrl+C stops it all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Started = { child: ChildProcess; url: string; output: () => string };

function npmStart(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const base: Record<string, string | undefined> = { ...process.env, FEEDBACK_DESK_DATA_DIR: dataDir, FEEDBACK_DESK_PORT: '0', FEEDBACK_DESK_NO_OPEN: '1' };
  delete base.FEEDBACK_DESK_CENTRAL_PORT;
  const child = spawn(process.execPath, [resolve('build/start.mjs'), '--browser'], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start did not print its URL:\n${out}`)), 90_000);
    const check = () => {
      const m = /Feedback Desk \(browser mode\): (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, url: m[1], output: () => out });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited (${code}) before printing its URL:\n${out}`));
    });
  });
}

function ctrlC(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done(child.exitCode);
    child.once('exit', (code) => done(code));
    child.kill('SIGINT');
  });
}

const call = async (url: string, method: string, args: unknown) => {
  const res = await fetch(`${url}/desk/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
  return { status: res.status, body: (await res.json()) as any };
};

describe('npm start (browser mode)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fd-start-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('serves a working desk against the embedded demo central, stops on Ctrl+C, and keeps data for the next start', async () => {
    // Any free port the first time; the second start must come back on the same one by itself,
    // or the desk would see another central server and start its cache over.
    const first = await npmStart(dataDir, { FEEDBACK_DESK_CENTRAL_PORT: '0' });
    try {
      expect(first.output()).toContain('First start: seeding the central API with demo data');
      const page = await fetch(first.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await call(first.url, 'whoAmI', {})).toEqual({ status: 200, body: null });
      expect((await call(first.url, 'signIn', { username: 'neuvonta', password: 'wrong' })).body).toMatchObject({ error: { code: 'bad_credentials' } });
      expect((await call(first.url, 'signIn', { username: 'neuvonta', password: 'demo' })).body).toMatchObject({ staff: { username: 'neuvonta', role: 'clerk' } });
      await expect.poll(async () => (await call(first.url, 'listInbox', {})).body.total, { timeout: 30_000 }).toBeGreaterThan(0);
    } finally {
      expect(await ctrlC(first.child)).toBe(0);
    }
    await expect(fetch(first.url)).rejects.toThrow();

    const second = await npmStart(dataDir);
    try {
      expect(second.output()).not.toContain('First start');
      expect((await call(second.url, 'whoAmI', {})).body).toMatchObject({ staff: { username: 'neuvonta' } });
      expect((await call(second.url, 'listInbox', {})).body.total).toBeGreaterThan(0);
    } finally {
      expect(await ctrlC(second.child)).toBe(0);
    }
  }, 180_000);

  it('refuses a malformed FEEDBACK_DESK_CENTRAL with a clear message before starting anything', async () => {
    const child = spawn(process.execPath, [resolve('build/start.mjs'), '--browser'], {
      env: { ...process.env, FEEDBACK_DESK_CENTRAL: 'localhost 8311', FEEDBACK_DESK_DATA_DIR: dataDir, FEEDBACK_DESK_NO_OPEN: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(1);
    expect(err.trim()).toBe('npm start: FEEDBACK_DESK_CENTRAL is not a URL: "localhost 8311" (expected e.g. https://palaute-central.example.fi)');
  });
});

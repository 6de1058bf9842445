import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { tempDataDir } from './testing.js';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const cli = join(root, 'central', 'cli.ts');

describe('npm run central', () => {
  it('refuses bad arguments with a clear message and exit code 2', () => {
    for (const [args, expected] of [
      [['--data', '/tmp/x'], /--port is required/],
      [['--port', 'abc', '--data', '/tmp/x'], /--port must be a number/],
      [['--port', '0'], /--data is required/],
      [['--port', '0', '--data', '/tmp/x', '--seed', 'lots'], /--seed must be demo or none/],
      [['--port', '0', '--data', '/tmp/x', '--colour'], /Unknown option '--colour'/],
    ] as const) {
      const r = spawnSync(process.execPath, [tsx, cli, ...args], { cwd: root, encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).toContain('usage: npm run central');
    }
  });

  it('prints its url, serves, keeps passwords and tokens out of its logs, and stops on SIGTERM', async () => {
    const dataDir = tempDataDir('cli');
    const child = spawn(process.execPath, [tsx, cli, '--port', '0', '--data', dataDir, '--seed', 'demo'], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no url printed:\n${out}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /central listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      });
    });
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
    const password = 'demo';
    const login = await fetch(`${url}/staff/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'neuvonta', password, clientId: 'cli-test-client' }),
    });
    const { token } = (await login.json()) as { token: string };
    const ac = new AbortController();
    const events = await fetch(`${url}/staff/v1/events?token=${token}`, { signal: ac.signal });
    expect(events.status).toBe(200);
    ac.abort();
    await fetch(`${url}/staff/v1/pull?cookie=0&limit=1&clientId=cli-test-client`, { headers: { authorization: `Bearer ${token}` } });

    const exit = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toContain('token=[redacted]');
    expect(out).not.toContain(token);
    expect(out).not.toMatch(/"password"/);
    rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);
});

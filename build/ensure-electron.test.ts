import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = resolve('build/ensure-electron.mjs');
const run = promisify(execFile);

/** Runs the postinstall step against a copy of the electron package (never the project's own). */
async function postinstall(electronDir: string, env: Record<string, string>) {
  const base = { ...process.env };
  delete base.FEEDBACK_DESK_SKIP_ELECTRON_DOWNLOAD;
  delete base.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const { stdout, stderr } = await run(process.execPath, [script], { env: { ...base, FEEDBACK_DESK_ELECTRON_DIR: electronDir, ...env }, timeout: 30_000 });
  return { lines: stdout.split('\n').filter(Boolean), stderr };
}

describe('postinstall: ensure-electron', () => {
  let dir: string;
  beforeEach(async () => {
    // Inside the project so the copy still resolves electron's own dependencies (@electron/get).
    await mkdir(resolve('node_modules/.cache'), { recursive: true });
    dir = await mkdtemp(resolve('node_modules/.cache/fd-electron-'));
    await cp(resolve('node_modules/electron'), dir, { recursive: true, filter: (src) => !src.includes(`${join('electron', 'dist')}`) });
    await rm(join(dir, 'path.txt'), { force: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is silent and does nothing when the binary is already there', async () => {
    await writeFile(join(dir, 'path.txt'), 'electron');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'electron'), '');
    expect(await postinstall(dir, {})).toEqual({ lines: [], stderr: '' });
  });

  it('prints one line and succeeds when the download is skipped', async () => {
    const { lines } = await postinstall(dir, { FEEDBACK_DESK_SKIP_ELECTRON_DOWNLOAD: '1' });
    expect(lines).toEqual([expect.stringMatching(/^Feedback Desk: Electron binary unavailable \(download skipped.*browser mode works/)]);
  });

  describe('with a download server that never answers', () => {
    let server: Server;
    let port: number;
    const sockets = new Set<Socket>();
    beforeEach(async () => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as { port: number }).port;
    });
    afterEach(() => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    });

    it('gives up after the time limit with one line and exit code 0', async () => {
      const started = Date.now();
      const { lines } = await postinstall(dir, {
        ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        FEEDBACK_DESK_ELECTRON_TIMEOUT_S: '1',
        electron_config_cache: join(dir, 'cache'),
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(lines).toEqual([expect.stringMatching(/^Feedback Desk: Electron binary unavailable \(no download possible within 1 s\): desktop shell disabled, browser mode works/)]);
    });
  });

  it('reports a refused download (mirror that refuses connections) in one line', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const { lines } = await postinstall(dir, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: join(dir, 'cache') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Feedback Desk: Electron binary unavailable \(no download possible.*ECONNREFUSED/);
  });
});

/**
 * Start the real programs as separate processes for cross-process tests: the central server
 * (`npm run central`) and the browser-mode desk host (`npm run desk:web`). Each gets a free
 * loopback port and its own data folder, and is stopped (and awaited) by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `feedback-desk-${prefix}-`));
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export interface RunningProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait; `signal: 'SIGKILL'` for crash tests. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before serving ${url}:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${url}:\n${output()}`);
}

function startTsx(script: string, args: string[], readyUrl: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
  // Node itself runs the script with tsx's loader: tsx's CLI would start the server as a child of
  // its own, and a SIGKILL of the CLI (the crash tests) would leave that server running.
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const output = () => log;
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill(signal);
    });
  return waitForHttp(readyUrl, child, output, 60_000).then(
    () => ({ url: readyUrl.replace(/\/health$|\/$/, ''), port, child, output, stop }),
    async (err) => {
      await stop('SIGKILL');
      throw err;
    },
  );
}

export async function startCentralProcess(opts: { dataDir?: string; port?: number; seed?: 'demo' | 'none'; env?: NodeJS.ProcessEnv } = {}): Promise<RunningProcess> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? tempDir('central');
  const args = ['--port', String(port), '--data', dataDir];
  if ((opts.seed ?? 'demo') === 'demo') args.push('--seed', 'demo');
  return startTsx('central/cli.ts', args, `http://127.0.0.1:${port}/health`, port, opts.env);
}

export async function startWebHostProcess(opts: { centralUrl: string; dataDir?: string; port?: number }): Promise<RunningProcess> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? tempDir('desk');
  return startTsx('electron/web-host-cli.ts', ['--port', String(port), '--central', opts.centralUrl, '--data', dataDir], `http://127.0.0.1:${port}/`, port);
}

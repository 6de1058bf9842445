/**
 * Starts the central server as a separate process (`tsx central/cli.ts`) over a fresh temp data
 * folder with the demo seed, and reads its URL from the line it prints. Nothing of central is
 * imported: the suite sees only what a client on the network sees.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface CentralProcess {
  url: string;
  dataDir: string;
  /** Everything the process wrote (for assertions that logs hold no secrets, and for debugging). */
  output(): string;
  stop(): Promise<void>;
}

export async function startCentralProcess(env: Record<string, string> = {}, opts: { dataDir?: string } = {}): Promise<CentralProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'open311-blackbox-'));
  // Node runs the server itself (tsx as a loader, not tsx's CLI, whose server child a SIGKILL would orphan).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'central/cli.ts', '--port', '0', '--data', dataDir, '--seed', 'demo', '--log-level', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, SMTP_HOST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`central did not start in time:\n${out}`)), 80_000);
    const check = () => {
      const m = /central listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`central exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Run a project script as a separate process (e.g. the mail importer) and collect its output. */
export function runScript(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.once('exit', (code) => resolveRun({ code, stdout, stderr }));
  });
}

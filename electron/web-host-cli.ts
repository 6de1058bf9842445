/**
 * Browser mode from the command line:
 *   npm run desk:web -- --port 8312 --central http://127.0.0.1:8311 --data <dir>
 * Starts the desk core and serves it with the renderer on loopback.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { normaliseCentralUrl } from './config.js';
import { createDesk } from './desk/desk.js';
import { startWebHost } from './web-host.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npm run desk:web -- [--port 8312] [--central http://127.0.0.1:8311] [--data .data/desk] [--static dist/renderer]`;

export type WebCliOptions = { port: number; centralUrl: string; dataDir: string; staticDir: string };

export function parseWebCliArgs(argv: string[], env: Record<string, string | undefined> = process.env): WebCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8312' },
      central: { type: 'string' },
      data: { type: 'string' },
      static: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port ?? '') || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  const centralUrl = normaliseCentralUrl(values.central ?? env.FEEDBACK_DESK_CENTRAL ?? 'http://127.0.0.1:8311', '--central');
  return {
    port,
    centralUrl,
    dataDir: resolve(values.data ?? join(projectRoot, '.data', 'desk')),
    staticDir: resolve(values.static ?? join(projectRoot, 'dist', 'renderer')),
  };
}

async function main(): Promise<void> {
  let opts: WebCliOptions;
  try {
    opts = parseWebCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`desk:web: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (!existsSync(join(opts.staticDir, 'index.html'))) {
    console.error(`desk:web: the built renderer is missing (${opts.staticDir}): run npm run build:renderer first`);
    process.exit(1);
  }
  const desk = await createDesk({ dataDir: opts.dataDir, centralUrl: opts.centralUrl });
  let host;
  try {
    host = await startWebHost({ port: opts.port, desk, staticDir: opts.staticDir });
  } catch (err) {
    await desk.close();
    const e = err as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `desk:web: port ${opts.port} is in use; choose another with --port` : `desk:web: ${e.message}`);
    process.exit(1);
  }
  console.log(`Feedback Desk (browser mode): ${host.url}`);
  console.log(`  desk data: ${opts.dataDir}; central API: ${opts.centralUrl}; Ctrl+C stops`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`desk:web: ${signal}, stopping`);
    const timer = setTimeout(() => process.exit(1), 5000);
    timer.unref();
    await host.close().catch(() => {});
    await desk.close().catch((err: unknown) => console.error('desk:web: closing the desk core failed', err));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error('desk:web failed to start:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}

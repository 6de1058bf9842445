#!/usr/bin/env node
/**
 * `npm start`: one command after `npm ci`.
 *  1. the embedded central API with demo data (.data/central; seeded on first run, kept after),
 *     on 127.0.0.1:8311 or the next free port (or none: FEEDBACK_DESK_CENTRAL=<url> names another);
 *  2. the renderer built if dist/renderer is missing or older than its sources;
 *  3. the Electron window where the Electron binary exists, otherwise browser mode
 *     (the desk core + web host on 127.0.0.1:8312 or the next free port, URL printed).
 * Ctrl+C stops everything.
 * Env: FEEDBACK_DESK_BROWSER=1 (or --browser) forces browser mode; FEEDBACK_DESK_DATA_DIR (default
 * .data), FEEDBACK_DESK_CENTRAL_PORT (8311) and FEEDBACK_DESK_PORT (8312; 0 = any free port) move
 * things; FEEDBACK_DESK_NO_OPEN=1 does not open the system browser; FEEDBACK_DESK_LOG_LEVEL (warn).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { electronBinaryPath } from './ensure-electron.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line = '') => console.log(line);
const fail = (message) => {
  console.error(`npm start: ${message}`);
  process.exit(1);
};
const dataRoot = resolve(process.env.FEEDBACK_DESK_DATA_DIR || join(root, '.data'));
const rendererOut = join(root, 'dist', 'renderer');
const portFromEnv = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) fail(`${name} must be a port number, got "${raw}"`);
  return Number(raw);
};
const CENTRAL_PORT = portFromEnv('FEEDBACK_DESK_CENTRAL_PORT', 8311);
const DESK_PORT = portFromEnv('FEEDBACK_DESK_PORT', 8312);
const PORT_TRIES = 20;

/** Newest modification time of files that go into the build (tests and docs do not). */
function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) walk(join(p, name));
    } else if (/\.(tsx?|css|html|json|svg|png|woff2?)$/.test(p) && !/\.test\.tsx?$/.test(p)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  paths.forEach(walk);
  return newest;
}

function run(cmd, args, label) {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('error', rejectRun);
    child.on('exit', (code, signal) => (code === 0 ? resolveRun() : rejectRun(new Error(`${label} failed (${signal ?? `exit ${code}`})`))));
  });
}

async function ensureRenderer() {
  const index = join(rendererOut, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = newestMtime([join(root, 'renderer'), join(root, 'shared'), join(root, 'build', 'vite.renderer.config.ts')]);
  if (built && built >= sources) return;
  say(built ? 'Renderer sources changed: rebuilding dist/renderer ...' : 'Building the renderer (first start) ...');
  await run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'build/vite.renderer.config.ts', '--logLevel', 'warn'], 'renderer build');
}

/** Starts something on the preferred port, or the next free one when that is taken. */
async function onFreePort(preferred, label, startOn) {
  for (let port = preferred; port < preferred + PORT_TRIES; port++) {
    try {
      return await startOn(port);
    } catch (err) {
      if (err?.code !== 'EADDRINUSE') throw err;
      if (port === preferred) say(`${label}: port ${port} is in use, trying the next one`);
    }
  }
  throw new Error(`${label}: no free port in ${preferred}..${preferred + PORT_TRIES - 1}`);
}

function hasDisplay() {
  return process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Best effort: the URL is printed either way. */
function openInBrowser(url) {
  if (process.env.CI || process.env.FEEDBACK_DESK_NO_OPEN || !hasDisplay()) return;
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no opener on this system
  }
}

async function main() {
  const forceBrowser = process.argv.includes('--browser') || !!process.env.FEEDBACK_DESK_BROWSER;
  register(); // lets this Node process import the TypeScript sources directly

  const stops = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(code || 1), 8000);
    timer.unref();
    for (const stop of stops.reverse()) await stop().catch((err) => console.error('npm start: while stopping:', err?.message ?? err));
    process.exit(code);
  };
  process.on('SIGINT', () => {
    say('\nStopping Feedback Desk ...');
    void stopAll(0);
  });
  process.on('SIGTERM', () => void stopAll(0));

  // FEEDBACK_DESK_CENTRAL points the desk at an existing central API; otherwise the embedded one runs.
  // (--no-embedded-central says the same explicitly, and insists on the variable.)
  const external = process.env.FEEDBACK_DESK_CENTRAL;
  if (process.argv.includes('--no-embedded-central') && !external) fail('--no-embedded-central needs FEEDBACK_DESK_CENTRAL=<central API URL>');
  const centralData = join(dataRoot, 'central');
  let central;
  let centralNote;
  if (external) {
    let url;
    try {
      url = new URL(external);
    } catch {
      fail(`FEEDBACK_DESK_CENTRAL is not a URL: "${external}" (expected e.g. https://palaute-central.example.fi)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`FEEDBACK_DESK_CENTRAL must be http or https, got ${url.protocol}`);
    central = { url: url.href.replace(/\/+$/, '') };
    centralNote = 'from FEEDBACK_DESK_CENTRAL';
  } else {
    const { startCentral } = await import('../central/server.ts');
    const firstRun = !existsSync(centralData) || readdirSync(centralData).length === 0;
    mkdirSync(centralData, { recursive: true });
    if (firstRun) say('First start: seeding the central API with demo data ...');
    // The desk's cache belongs to one central URL; a port that moved would make it start over.
    // So the embedded central comes back on the port it had last time unless told otherwise.
    const portFile = join(centralData, 'last-port');
    const remembered = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : NaN;
    const preferred = process.env.FEEDBACK_DESK_CENTRAL_PORT || !Number.isInteger(remembered) || remembered <= 0 ? CENTRAL_PORT : remembered;
    const running = await onFreePort(preferred, 'central API', (port) =>
      // 'demo' seeds only an empty database, so later starts keep what staff did.
      startCentral({ port, host: '127.0.0.1', dataDir: centralData, seed: 'demo', logLevel: process.env.FEEDBACK_DESK_LOG_LEVEL ?? 'warn' }),
    );
    writeFileSync(portFile, `${running.port}\n`);
    stops.push(() => running.close());
    central = running;
    centralNote = `embedded, demo data in ${centralData}`;
  }

  await ensureRenderer();

  const electronBin = electronBinaryPath(join(root, 'node_modules', 'electron'));
  let why = forceBrowser ? 'browser mode requested' : !electronBin ? 'Electron binary not installed' : !hasDisplay() ? 'no display for the desktop window' : null;
  if (!why) {
    const { buildElectron, prepareElectronNatives } = await import('./build-electron.mjs');
    await buildElectron({ quiet: true });
    const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    why = await prepareElectronNatives({ electronVersion, log: say });
  }
  if (!why) {
    say(`Feedback Desk: central API ${central.url}; opening the desktop window ...`);
    const child = spawn(electronBin, [join(root, 'dist', 'electron', 'main.cjs'), `--central=${central.url}`], { cwd: root, stdio: 'inherit', env: process.env });
    stops.push(async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    });
    child.on('exit', (code) => void stopAll(code ?? 0));
    return;
  }

  const { createDesk } = await import('../electron/desk/desk.ts');
  const { startWebHost } = await import('../electron/web-host.ts');
  const desk = await createDesk({ dataDir: join(dataRoot, 'desk'), centralUrl: central.url });
  stops.push(() => desk.close());
  const host = await onFreePort(DESK_PORT, 'desk web host', (port) => startWebHost({ port, desk, staticDir: rendererOut }));
  stops.push(() => host.close());

  say('');
  say('  Feedback Desk is running.');
  say(`  Open:          ${host.url}   (browser mode: ${why})`);
  say(`  Central API:   ${central.url}   (${centralNote})`);
  if (!external) say('  Demo sign-in:  neuvonta, kymp.vastaaja, kymp.esihenkilo, kasko.vastaaja, moderaattori or admin; password "demo"');
  say('  Ctrl+C stops everything.');
  say('');
  say(`Feedback Desk (browser mode): ${host.url}`);
  openInBrowser(host.url);
}

main().catch((err) => fail(err?.stack ?? err?.message ?? String(err)));

#!/usr/bin/env node
/**
 * postinstall: make the Electron binary available where the network allows, and never fail the
 * install where it does not. package.json denies electron's own postinstall (allowScripts), so
 * this is the one place the download is attempted: electron's install.js under a time limit.
 *
 * Env:
 *   FEEDBACK_DESK_SKIP_ELECTRON_DOWNLOAD=1  do not try (CI; browser mode and tests need no binary)
 *   ELECTRON_SKIP_BINARY_DOWNLOAD=1         electron's own switch, honoured the same way
 *   FEEDBACK_DESK_ELECTRON_TIMEOUT_S=60     how long the attempt may take
 *   ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR, electron_config_cache, ...  read by electron's installer
 * Output: nothing when the binary is already there, otherwise exactly one line.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Overridable so tests can point the script at a throw-away electron package.
const electronDir = process.env.FEEDBACK_DESK_ELECTRON_DIR || join(root, 'node_modules', 'electron');
const marker = process.env.FEEDBACK_DESK_ELECTRON_DIR ? join(electronDir, '.electron-unavailable') : join(root, '.electron-unavailable');
const PREFIX = 'Feedback Desk:';

export function electronBinaryPath(dir = electronDir) {
  try {
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel) : join(dir, 'dist', rel);
    return rel && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function unavailable(reason) {
  try {
    writeFileSync(marker, `${reason}\n`);
  } catch {
    // the marker is informational only
  }
  console.log(`${PREFIX} Electron binary unavailable (${reason}): desktop shell disabled, browser mode works (npm start opens it)`);
}

function runInstaller(timeoutMs) {
  return new Promise((resolveRun) => {
    let output = '';
    let child;
    try {
      child = spawn(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      resolveRun({ ok: false, reason: err.message });
      return;
    }
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolveRun({ ok: false, reason: `no download possible within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolveRun({ ok: false, reason: err.message });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolveRun({ ok: true });
      // The first meaningful line of the installer's error, e.g. "getaddrinfo ENOTFOUND github.com".
      const line = output.split('\n').map((l) => l.trim()).find((l) => /error|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|404|certificate/i.test(l));
      resolveRun({ ok: false, reason: `no download possible${line ? `: ${line.replace(/^Error:\s*/, '').slice(0, 160)}` : ''}` });
    });
  });
}

async function main() {
  if (!existsSync(join(electronDir, 'package.json'))) return; // production install without devDependencies
  if (electronBinaryPath()) {
    rmSync(marker, { force: true });
    return;
  }
  if (process.env.FEEDBACK_DESK_SKIP_ELECTRON_DOWNLOAD || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    unavailable('download skipped by environment');
    return;
  }
  const timeoutS = Number(process.env.FEEDBACK_DESK_ELECTRON_TIMEOUT_S) || 60;
  const result = await runInstaller(timeoutS * 1000);
  if (result.ok && electronBinaryPath()) {
    rmSync(marker, { force: true });
    console.log(`${PREFIX} Electron binary installed: desktop shell available (npm start opens it)`);
  } else {
    unavailable(result.ok ? 'installer finished without a binary' : result.reason);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
    .catch((err) => unavailable(`unexpected error: ${err?.message ?? err}`))
    .finally(() => process.exit(0));
}

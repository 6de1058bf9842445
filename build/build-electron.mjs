#!/usr/bin/env node
/**
 * Bundles the Electron main process and preload with esbuild:
 *   electron/main.ts    -> dist/electron/main.cjs    (Node in Electron; native modules stay external)
 *   electron/preload.ts -> dist/electron/preload.cjs (sandboxed: it may require only 'electron',
 *                                                     so shared/api and zod are bundled in)
 *   electron/desk/sync/pull-worker.ts -> dist/electron/pull-worker.cjs (worker thread of the desk core)
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'electron');

/** Loaded from node_modules at runtime (native code; electron-builder rebuilds them for Electron). */
export const NATIVE_EXTERNALS = ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'koffi'];
/** Electron 38 ships Chromium 140 and Node 22. */
const ELECTRON_NODE = 'node22';
const ELECTRON_CHROME = 'chrome140';

export async function buildElectron({ quiet = false, out = outDir } = {}) {
  mkdirSync(out, { recursive: true });
  const common = { bundle: true, sourcemap: true, logLevel: quiet ? 'error' : 'info', absWorkingDir: root, legalComments: 'none' };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'main.ts')],
      outfile: join(out, 'main.cjs'),
      platform: 'node',
      format: 'cjs',
      target: ELECTRON_NODE,
      external: NATIVE_EXTERNALS,
      // ESM sources may use import.meta.url; in the CJS bundle it becomes this file's URL.
      banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__import_meta_url' },
    }),
    // The desk's pull worker (parses and validates pull pages off the main thread); pull-parser.ts
    // looks for it next to main.cjs.
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'desk', 'sync', 'pull-worker.ts')],
      outfile: join(out, 'pull-worker.cjs'),
      platform: 'node',
      format: 'cjs',
      target: ELECTRON_NODE,
    }),
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'preload.ts')],
      outfile: join(out, 'preload.cjs'),
      platform: 'browser',
      format: 'cjs',
      target: ELECTRON_CHROME,
      external: ['electron'],
      minify: true,
    }),
  ]);
  // package.json says "type": "module" and "main": "dist/electron/main.js"; this keeps `electron .`
  // and the packaged app working whichever of main.js / main.cjs the package names.
  writeFileSync(join(out, 'main.js'), "// Entry shim: the bundle is CommonJS.\nimport './main.cjs';\n");
  return { main: join(out, 'main.cjs'), preload: join(out, 'preload.cjs') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().catch((err) => {
    console.error(`build:electron failed: ${err?.message ?? err}`);
    process.exit(1);
  });
}

/**
 * better-sqlite3 is compiled against Node's ABI (for tests, the central server and browser mode);
 * Electron needs its own build. For `npm start` we keep an Electron build of each native package in
 * dist/electron/node_modules, which main.cjs resolves before the project's node_modules, so the
 * Node build stays untouched. Tries the prebuilt binary first, then compiles with node-gyp.
 * Installers do not use this: electron-builder rebuilds natives itself (npmRebuild).
 * Returns null on success, else the reason (the caller falls back to browser mode).
 */
export async function prepareElectronNatives({ electronVersion, log = console.log } = {}) {
  const { cpSync, existsSync, readFileSync, rmSync } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  // Only what the main bundle actually loads (the desk core uses one SQLite flavour).
  const bundle = readFileSync(join(outDir, 'main.cjs'), 'utf8');
  const natives = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'].filter(
    (p) => bundle.includes(`require("${p}")`) && existsSync(join(root, 'node_modules', p, 'binding.gyp')),
  );
  for (const pkg of natives) {
    const src = join(root, 'node_modules', pkg);
    const dest = join(outDir, 'node_modules', pkg);
    const version = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')).version;
    const stampFile = join(dest, '.electron-build');
    const stamp = `${pkg}@${version} electron@${electronVersion} ${process.platform}-${process.arch}`;
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) continue;
    log(`Preparing ${pkg} for Electron ${electronVersion} (once) ...`);
    rmSync(dest, { recursive: true, force: true });
    cpSync(src, dest, { recursive: true, filter: (p) => !p.startsWith(join(src, 'build')) });
    const node = process.execPath;
    const prebuilt = spawnSync(node, [join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: dest, stdio: 'pipe', timeout: 120_000 });
    if (prebuilt.status !== 0) {
      const compiled = spawnSync(
        node,
        [join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
        { cwd: dest, stdio: 'pipe', timeout: 600_000 },
      );
      if (compiled.status !== 0) {
        rmSync(dest, { recursive: true, force: true });
        const lines = `${prebuilt.stderr ?? ''}\n${compiled.stderr ?? ''}`.split('\n').map((l) => l.replace(/^(gyp|prebuild-install) (ERR!|warn) /, '').trim()).filter(Boolean);
        const why = lines.find((l) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|40[34]|network|certificate/i.test(l)) ?? lines.find((l) => !/not ok|^stack|^cwd|^node -v|^node-gyp -v|^System|^command/i.test(l)) ?? 'unknown error';
        return `${pkg} could not be built for Electron (${why.slice(0, 200)})`;
      }
    }
    writeFileSync(stampFile, stamp);
  }
  return null;
}

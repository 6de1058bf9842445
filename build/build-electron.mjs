#!/usr/bin/env node
/**
 * Bundles the Electron main process and preload with esbuild:
 *   electron/main.ts    -> dist/electron/main.cjs    (Node in Electron; native modules stay external)
 *   electron/preload.ts -> dist/electron/preload.cjs (sandboxed: it may require only 'electron',
 *                                                     so shared/api and zod are bundled in)
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

export async function buildElectron({ quiet = false } = {}) {
  mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, sourcemap: true, logLevel: quiet ? 'error' : 'info', absWorkingDir: root, legalComments: 'none' };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'main.ts')],
      outfile: join(outDir, 'main.cjs'),
      platform: 'node',
      format: 'cjs',
      target: ELECTRON_NODE,
      external: NATIVE_EXTERNALS,
      // ESM sources may use import.meta.url; in the CJS bundle it becomes this file's URL.
      banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__import_meta_url' },
    }),
    build({
      ...common,
      entryPoints: [join(root, 'electron', 'preload.ts')],
      outfile: join(outDir, 'preload.cjs'),
      platform: 'browser',
      format: 'cjs',
      target: ELECTRON_CHROME,
      external: ['electron'],
      minify: true,
    }),
  ]);
  // package.json says "type": "module" and "main": "dist/electron/main.js"; this keeps `electron .`
  // and the packaged app working whichever of main.js / main.cjs the package names.
  writeFileSync(join(outDir, 'main.js'), "// Entry shim: the bundle is CommonJS.\nimport './main.cjs';\n");
  return { main: join(outDir, 'main.cjs'), preload: join(outDir, 'preload.cjs') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().catch((err) => {
    console.error(`build:electron failed: ${err?.message ?? err}`);
    process.exit(1);
  });
}

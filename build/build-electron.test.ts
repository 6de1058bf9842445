import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskMethods } from '../shared/api/index.js';
// @ts-expect-error plain ESM build script without type declarations
import { buildElectron, NATIVE_EXTERNALS } from './build-electron.mjs';

const requiredModules = (code: string) => [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))];

describe('electron bundles', () => {
  let out: string;
  let files: { main: string; preload: string };
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'fd-bundle-'));
    files = await buildElectron({ quiet: true, out });
  }, 60_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('bundles the preload so that it needs nothing but electron (a sandboxed preload cannot load files)', async () => {
    const code = await readFile(files.preload, 'utf8');
    expect(requiredModules(code)).toEqual(['electron']);
  });

  it('the preload bundle runs in a bare sandbox-like context and exposes exactly window.desk', async () => {
    const code = await readFile(files.preload, 'utf8');
    const exposed: Record<string, Record<string, unknown>> = {};
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: Record<string, unknown>) => (exposed[k] = v) },
      ipcRenderer: { invoke: async () => ({ result: null }), on() {}, removeListener() {} },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (id: string) => {
        if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
        return electron;
      },
      module,
      exports: module.exports,
      console,
    });
    expect(Object.keys(exposed)).toEqual(['desk']);
    expect(Object.keys(exposed.desk).sort()).toEqual([...Object.keys(deskMethods), 'onEvent'].sort());
  });

  it('bundles the main process with only electron, native modules and Node built-ins left outside', async () => {
    const code = await readFile(files.main, 'utf8');
    const allowed = new Set([...NATIVE_EXTERNALS, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const outside = requiredModules(code).filter((m) => !allowed.has(m));
    expect(outside).toEqual([]);
    expect(code).not.toMatch(/require\("\.\.?\//);
  });
});

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import Module, { builtinModules, createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskMethods, ipcChannel } from '../shared/api/index.js';
import * as fakeElectron from '../electron/testing/fake-electron.js';
// @ts-expect-error plain ESM build script without type declarations
import { buildElectron, NATIVE_EXTERNALS } from './build-electron.mjs';

const requiredModules = (code: string) => [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))];

describe('electron bundles', () => {
  let out: string;
  let files: { main: string; preload: string };
  beforeAll(async () => {
    // Laid out like the app: <root>/electron/main.cjs next to <root>/renderer/index.html, inside the
    // project so the bundle finds the native modules in node_modules as the packaged app does.
    await mkdir(resolve('node_modules/.cache'), { recursive: true });
    out = await mkdtemp(resolve('node_modules/.cache/fd-bundle-'));
    files = await buildElectron({ quiet: true, out: join(out, 'electron') });
    await mkdir(join(out, 'renderer'));
    await writeFile(join(out, 'renderer', 'index.html'), '<!doctype html><div id="root"></div>');
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

  it('the main bundle starts the real desk core in userData with the safeStorage key and answers over IPC', async () => {
    const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = mod._load;
    mod._load = function (request: string, ...rest: unknown[]) {
      return request === 'electron' ? fakeElectron : load.call(this, request, ...rest);
    };
    const argv = process.argv;
    try {
      fakeElectron.resetFakeElectron();
      fakeElectron.app.paths.appData = join(out, 'appData');
      process.argv = [...argv, '--central=http://127.0.0.1:1'];
      const main = createRequire(import.meta.url)(files.main) as { runMain(): Promise<void> };
      await main.runMain();

      const userData = join(out, 'appData', 'Feedback Desk');
      expect(existsSync(join(userData, 'cache-key.enc'))).toBe(true);
      const [win] = fakeElectron.BrowserWindow.instances;
      expect(win.options.webPreferences.preload).toBe(files.preload);
      const page = await fakeElectron.session.defaultSession.protocolHandlers.get('app')!({ url: win.webContents.getURL() });
      expect(await page.text()).toContain('id="root"');
      expect(await fakeElectron.ipcMain.invoke(ipcChannel('whoAmI'), win.webContents.getURL(), {})).toEqual({ result: null });
      expect(await fakeElectron.ipcMain.invoke(ipcChannel('syncStatus'), win.webContents.getURL(), {})).toMatchObject({
        result: { phase: 'signed_out', centralUrl: 'http://127.0.0.1:1' },
      });
      expect(await fakeElectron.ipcMain.invoke(ipcChannel('whoAmI'), 'https://evil.example/', {})).toMatchObject({ error: { code: 'forbidden' } });

      fakeElectron.app.emit('will-quit', fakeElectron.fakeEvent());
      await expect.poll(() => fakeElectron.app.exitCode).toBe(0);
    } finally {
      mod._load = load;
      process.argv = argv;
    }
  });
});

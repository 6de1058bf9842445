import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./testing/fake-electron.js'));
const createDesk = vi.hoisted(() => vi.fn());
vi.mock('./desk/desk.js', () => ({ createDesk }));

import { ipcChannel } from '../shared/api/index.js';
import { buildMenu, createMainWindow, hardenSession, hardenWebContents, reportFatal, runMain, serveAppRequest } from './main.js';
import { APP_INDEX_URL, CONTENT_SECURITY_POLICY } from './security.js';
import { createDeskDouble } from './testing/desk-double.js';
import { app, BrowserWindow, dialog, FakeBrowserWindow, fakeEvent, FakeSession, ipcMain, protocol, resetFakeElectron, session, shell } from './testing/fake-electron.js';

beforeEach(() => {
  resetFakeElectron();
  createDesk.mockReset();
});

function newWindow() {
  createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs' });
  return FakeBrowserWindow.instances.at(-1)!;
}

describe('main window', () => {
  it('is created isolated, sandboxed, without Node and with web security', () => {
    const win = newWindow();
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it.each(['https://evil.example/phish', 'app://feedback-desk/other.html', 'file:///etc/passwd', 'https://www.hel.fi/fi'])(
    'blocks navigation to %s',
    (url) => {
      const wc = newWindow().webContents;
      const e = fakeEvent();
      wc.emit('will-navigate', e, url);
      expect(e.defaultPrevented).toBe(true);
    },
  );

  it('opens a clicked allow-listed link in the system browser, and nothing else', () => {
    const wc = newWindow().webContents;
    wc.emit('will-navigate', fakeEvent(), 'https://palvelukartta.hel.fi/fi/unit/1');
    wc.emit('will-navigate', fakeEvent(), 'https://evil.example/');
    wc.emit('will-navigate', fakeEvent(), 'http://www.hel.fi/'); // not https
    expect(shell.opened).toEqual(['https://palvelukartta.hel.fi/fi/unit/1']);
  });

  it('opens a link once even when the window is hardened twice (window + web-contents-created)', () => {
    const win = newWindow();
    hardenWebContents(win.webContents as never);
    win.webContents.emit('will-navigate', fakeEvent(), 'https://www.hel.fi/');
    expect(shell.opened).toEqual(['https://www.hel.fi/']);
  });

  it('denies every window.open, handing only allow-listed links to the system browser', () => {
    const wc = newWindow().webContents;
    expect(wc.windowOpenHandler!({ url: 'https://www.hel.fi/palaute' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'https://hel.fi.evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://www.hel.fi/palaute']);
  });

  it('refuses webviews and redirects away from the app', () => {
    const wc = newWindow().webContents;
    const attach = fakeEvent();
    wc.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
    const redirect = fakeEvent();
    wc.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.defaultPrevented).toBe(true);
  });
});

describe('session hardening', () => {
  it('sets the strict CSP on every response, replacing any the response brought', () => {
    const ses = new FakeSession();
    hardenSession(ses as never);
    const headers = ses.applyHeaders(APP_INDEX_URL, { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] })!;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('denies permission requests (camera, location...) but lets the app page notify', () => {
    const ses = new FakeSession();
    hardenSession(ses as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) ses.permissionRequestHandler!(null, p, (ok) => answers.push(ok), { requestingUrl: APP_INDEX_URL });
    expect(answers).toEqual([false, false, true, false]);
    ses.permissionRequestHandler!(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    expect(answers.at(-1)).toBe(false);
    expect(ses.permissionCheckHandler!(null, 'media', 'app://feedback-desk')).toBe(false);
    expect(ses.permissionCheckHandler!(null, 'clipboard-sanitized-write', 'app://feedback-desk')).toBe(true);
    expect(ses.permissionCheckHandler!(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });
});

describe('app:// protocol', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'fd-app-'));
    dir = join(root, 'renderer');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'secret');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('serves the renderer with the CSP header and the right content type', async () => {
    const res = await serveAppRequest(dir, 'app://feedback-desk/assets/main.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers SPA routes with index.html and missing assets with 404', async () => {
    const route = await serveAppRequest(dir, 'app://feedback-desk/items/abc');
    expect(await route.text()).toContain('id="root"');
    expect((await serveAppRequest(dir, 'app://feedback-desk/assets/missing.js')).status).toBe(404);
    expect((await serveAppRequest(dir, 'app://feedback-desk/%E0%A4%A')).status).toBe(400);
  });

  it('never serves files outside the renderer directory', async () => {
    for (const url of ['app://feedback-desk/../secret.txt', 'app://feedback-desk/%2e%2e/secret.txt', 'app://feedback-desk/..%2fsecret.txt', 'app://other-host/index.html']) {
      const res = await serveAppRequest(dir, url);
      expect(await res.text()).not.toBe('secret');
    }
  });
});

describe('runMain', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
  });

  it('quits at once when another instance holds the lock', async () => {
    app.hasLock = false;
    await runMain();
    expect(app.quitCalled).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(createDesk).not.toHaveBeenCalled();
  });

  it('starts the desk core in userData against --central, wires IPC, and loads the app in a hardened window', async () => {
    const desk = createDeskDouble();
    const close = vi.fn(async () => {});
    createDesk.mockResolvedValue({ ...desk, close });
    process.argv = [...argv, '--central=http://127.0.0.1:9999/'];
    const appData = await mkdtemp(join(tmpdir(), 'fd-appdata-'));
    app.paths.appData = appData;
    const dataDir = join(appData, 'Feedback Desk');
    try {
      await runMain();
      expect(protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
      expect(app.name).toBe('Feedback Desk');
      expect(createDesk).toHaveBeenCalledWith(expect.objectContaining({ dataDir, centralUrl: 'http://127.0.0.1:9999' }));
      const { keyProvider } = createDesk.mock.calls[0][0];
      expect(await keyProvider.getKey()).toMatch(/^[0-9a-f]{64}$/);
      const [win] = BrowserWindow.instances;
      expect(win.webContents.getURL()).toBe(APP_INDEX_URL);
      expect(win.webContents.windowOpenHandler).not.toBeNull();
      expect(session.defaultSession.headersListener).not.toBeNull();
      expect(session.defaultSession.protocolHandlers.has('app')).toBe(true);
      expect(await ipcMain.invoke(ipcChannel('syncStatus'), APP_INDEX_URL, {})).toMatchObject({ result: { phase: 'idle' } });

      app.emit('will-quit', fakeEvent());
      await vi.waitFor(() => expect(app.exitCode).toBe(0));
      expect(close).toHaveBeenCalledOnce();
      expect(ipcMain.handlers.size).toBe(0);
    } finally {
      await rm(appData, { recursive: true, force: true });
    }
  });

  it('shows a start-up failure in a dialog and exits non-zero', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    reportFatal(new Error('the cache key cannot be decrypted'));
    expect(dialog.errors).toEqual([{ title: 'Feedback Desk', content: 'the cache key cannot be decrypted' }]);
    expect(app.exitCode).toBe(1);
    spy.mockRestore();
  });

  it('offers developer tools only in development builds', () => {
    const roles = (menu: unknown) => JSON.stringify(menu);
    expect(roles(buildMenu())).toContain('toggleDevTools');
    app.isPackaged = true;
    expect(roles(buildMenu())).not.toContain('toggleDevTools');
  });
});

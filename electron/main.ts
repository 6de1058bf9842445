/**
 * The Electron main process: lifecycle, the one window and its security settings, the menu.
 * The desk core (electron/desk/) does the work; this file only wires it to the window.
 * Nothing runs on import unless we are inside Electron, so tests can import the pieces.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session as electronSession,
  shell,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { createDesk } from './desk/desk.js';
import { resolveCentralUrl } from './config.js';
import { registerDeskIpc } from './ipc.js';
import { hasRealKeystore, safeStorageKeyProvider } from './safe-storage-key.js';
import { APP_HOST, APP_INDEX_URL, APP_SCHEME, isAllowedExternalUrl, isAppUrl, isPermissionAllowed, SECURITY_HEADERS } from './security.js';

/** Must run before the app is ready: makes app:// a standard, secure origin (not file://). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves dist/renderer on app://feedback-desk/ with the security headers; unknown paths get the
 * SPA's index.html, paths escaping the directory get 404. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
  const root = resolve(rendererDir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return new Response('bad request', { status: 400, headers: SECURITY_HEADERS });
  }
  const wanted = resolve(root, '.' + normalize(pathname));
  if (wanted !== root && !wanted.startsWith(root + sep)) return new Response('not found', { status: 404 });
  const rel = relative(root, wanted);
  const candidates = rel === '' ? [join(root, 'index.html')] : extname(rel) ? [wanted] : [wanted, join(root, 'index.html')];
  for (const file of candidates) {
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' } });
    } catch {
      // next candidate
    }
  }
  return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
}

/** CSP and other headers on every response of the session, and no permissions. */
export function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
      for (const existing of Object.keys(headers)) if (existing.toLowerCase() === k.toLowerCase()) delete headers[existing];
      headers[k] = [v];
    }
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
}

/** Opens an allow-listed https link in the system browser; anything else is dropped. */
export function openExternalIfAllowed(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

const hardened = new WeakSet<WebContents>();

/** No navigation away from the app, no new windows, no webviews. Idempotent: the window and the
 * app-wide 'web-contents-created' hook both call it, and a link must open only once. */
export function hardenWebContents(wc: WebContents): void {
  if (hardened.has(wc)) return;
  hardened.add(wc);
  wc.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  // The renderer is a single-page app: it never loads another document, so every navigation
  // (a clicked link, a location change, a dropped file) is refused.
  wc.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternalIfAllowed(url);
  });
  wc.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(opts: { preloadPath: string; session?: Session }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Feedback Desk',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      ...(opts.session ? { session: opts.session } : {}),
    },
  });
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  return win;
}

/** Role items only: Electron labels them in the OS language, so no strings live here. */
export function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      role: 'viewMenu',
      submenu: [
        { role: 'reload' },
        // Developer tools only in development builds, not in what staff install.
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

export async function runMain(): Promise<void> {
  registerAppScheme();
  // Started as `electron dist/electron/main.cjs` the app would be called "Electron"; the data
  // directory must be the same in development and in the installed app.
  app.setName('Feedback Desk');
  app.setPath('userData', join(app.getPath('appData'), 'Feedback Desk'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Any web contents created later (devtools aside) gets the same rules.
  app.on('web-contents-created', (_e, wc) => hardenWebContents(wc));

  await app.whenReady();
  const rendererDir = join(__dirname, '..', 'renderer');
  const ses = electronSession.defaultSession;
  hardenSession(ses);
  ses.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  Menu.setApplicationMenu(buildMenu());

  const dataDir = app.getPath('userData');
  const centralUrl = resolveCentralUrl({ argv: process.argv, env: process.env, configPath: join(dataDir, 'config.json') });
  const keyProvider = hasRealKeystore(safeStorage) ? safeStorageKeyProvider(dataDir, safeStorage) : undefined;
  if (!keyProvider) console.warn('Feedback Desk: no OS keystore available; the cache key is kept in a file in the data directory');
  const desk = await createDesk({ dataDir, centralUrl, ...(keyProvider ? { keyProvider } : {}) });
  const unregister = registerDeskIpc(ipcMain, {
    desk,
    targets: () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []),
  });

  const open = () => {
    mainWindow = createMainWindow({ preloadPath: join(__dirname, 'preload.cjs') });
    mainWindow.on('closed', () => (mainWindow = null));
    void mainWindow.loadURL(APP_INDEX_URL);
  };
  open();
  app.on('activate', () => {
    if (!mainWindow) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    unregister();
    void desk
      .close()
      .catch((err: unknown) => console.error('Feedback Desk: closing the desk core failed', err))
      .finally(() => app.exit(0));
  });
}

/** A start-up failure must be visible to someone who launched the app from a desktop icon. */
export function reportFatal(err: unknown): void {
  console.error('Feedback Desk failed to start:', err);
  dialog.showErrorBox('Feedback Desk', err instanceof Error ? err.message : String(err));
  app.exit(1);
}

if (process.versions.electron && process.type === 'browser') {
  runMain().catch(reportFatal);
}

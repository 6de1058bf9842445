/**
 * A stand-in for the 'electron' module in unit tests (the real binary is not available in CI).
 * It records what main/preload/ipc do (windows created, handlers registered, headers set) and lets a
 * test drive them (emit events, invoke handlers). Use with
 *   vi.mock('electron', () => import('./testing/fake-electron.js'))
 * and call resetFakeElectron() in beforeEach.
 */
type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return fn(...args);
    };
    return this.on(event, wrapped);
  }
  removeListener(event: string, fn: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== fn));
    return this;
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
  emit(event: string, ...args: unknown[]): boolean {
    const ls = this.listeners.get(event) ?? [];
    for (const l of ls) l(...args);
    return ls.length > 0;
  }
  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
}

/** An event like Electron's: tells whether preventDefault() was called. */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  const e = { defaultPrevented: false, preventDefault() { e.defaultPrevented = true; }, ...extra };
  return e;
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  url = '';
  destroyed = false;
  setWindowOpenHandler(h: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void;

export class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequestHandler: ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void) | null = null;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
  readonly protocolHandlers = new Map<string, (req: { url: string }) => Response | Promise<Response>>();
  readonly webRequest = {
    onHeadersReceived: (l: HeadersListener) => {
      this.headersListener = l;
    },
  };
  readonly protocol = {
    handle: (scheme: string, h: (req: { url: string }) => Response | Promise<Response>) => {
      this.protocolHandlers.set(scheme, h);
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = h;
  }
  /** Runs the registered onHeadersReceived listener like Chromium would and returns its headers. */
  applyHeaders(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string[]> | undefined {
    let out: Record<string, string[]> | undefined;
    this.headersListener?.({ url, responseHeaders }, (r) => (out = r.responseHeaders));
    return out;
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  hasLock = true;
  quitCalled = false;
  exitCode: number | null = null;
  readonly paths: Record<string, string> = { userData: '/tmp/feedback-desk-fake-userdata' };
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  quit(): void {
    this.quitCalled = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    return this.paths[name] ?? `/tmp/feedback-desk-fake-${name}`;
  }
  name = 'Electron';
  setName(name: string): void {
    this.name = name;
  }
  setPath(name: string, path: string): void {
    this.paths[name] = path;
  }
}

type IpcHandler = (event: any, ...args: any[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>();
  handle(channel: string, fn: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a handler as a renderer frame at `senderUrl` would. */
  async invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    const senderFrame = senderUrl === null ? null : { url: senderUrl, parent: null };
    return h({ senderFrame, sender: new FakeWebContents() }, ...args);
  }
}

class FakeIpcRenderer extends FakeEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  /** What the main side answers; tests replace it. */
  reply: (channel: string, ...args: unknown[]) => unknown = () => ({ result: null });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.reply(channel, ...args));
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const BrowserWindow = FakeBrowserWindow;
export const session = { defaultSession: new FakeSession() };
export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed[key] = api;
  },
};
export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};
export const protocol = {
  privileged: [] as unknown[],
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    protocol.privileged.push(...schemes);
  },
};
export const Menu = {
  applicationMenu: null as unknown,
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: unknown): void {
    Menu.applicationMenu = menu;
  },
};
export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    dialog.errors.push({ title, content });
  },
};
/** Reversible stand-in for the OS keystore; `available` switches it off. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (plain: string) => Buffer.from('enc:' + Buffer.from(plain, 'utf8').toString('base64'), 'utf8'),
  decryptString: (cipher: Buffer) => {
    const s = cipher.toString('utf8');
    if (!s.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(s.slice(4), 'base64').toString('utf8');
  },
};

export function resetFakeElectron(): void {
  Object.assign(app.removeAllListeners(), { isPackaged: false, hasLock: true, quitCalled: false, exitCode: null, name: 'Electron' });
  for (const k of Object.keys(app.paths)) delete app.paths[k];
  app.paths.userData = '/tmp/feedback-desk-fake-userdata';
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.reply = () => ({ result: null });
  session.defaultSession = new FakeSession();
  FakeBrowserWindow.instances = [];
  contextBridge.exposed = {};
  shell.opened.length = 0;
  protocol.privileged.length = 0;
  Menu.applicationMenu = null;
  dialog.errors.length = 0;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
}


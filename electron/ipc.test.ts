import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./testing/fake-electron.js'));

import { deskMethods, ipcChannel, IPC_EVENT_CHANNEL } from '../shared/api/index.js';
import { registerDeskIpc } from './ipc.js';
import { APP_INDEX_URL } from './security.js';
import { createDeskDouble, DEMO_SESSION, type DeskDouble } from './testing/desk-double.js';
import { FakeWebContents, ipcMain, resetFakeElectron } from './testing/fake-electron.js';

const APP = APP_INDEX_URL;

describe('desk IPC handlers', () => {
  let desk: DeskDouble;
  let window: FakeWebContents;
  let unregister: () => void;
  const log = vi.fn();

  beforeEach(() => {
    resetFakeElectron();
    log.mockReset();
    desk = createDeskDouble();
    window = new FakeWebContents();
    unregister = registerDeskIpc(ipcMain as never, { desk, targets: () => [window as never], log });
  });

  it('registers exactly one handler per DeskApi method', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(deskMethods).map((m) => ipcChannel(m as never)).sort());
  });

  it('passes a valid call from the app window to the desk core and returns its result', async () => {
    const reply = await ipcMain.invoke(ipcChannel('signIn'), APP, { username: 'neuvonta', password: 'demo' });
    expect(reply).toEqual({ result: { ...DEMO_SESSION, staff: { ...DEMO_SESSION.staff, username: 'neuvonta' } } });
    expect(desk.calls).toEqual([{ method: 'signIn', args: { username: 'neuvonta', password: 'demo', discardOtherUsersChanges: false } }]);
  });

  it('fills in defaults for methods whose args are optional', async () => {
    expect(await ipcMain.invoke(ipcChannel('whoAmI'), 'app://feedback-desk/inbox/123', undefined)).toEqual({ result: null });
    expect(desk.calls).toEqual([{ method: 'whoAmI', args: {} }]);
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a local file', 'file:///home/user/index.html'],
    ['a look-alike host', 'app://feedback-desk.evil/index.html'],
    ['an http page on the app host name', 'http://feedback-desk/index.html'],
    ['a destroyed frame', null],
  ])('refuses a call from %s without touching the desk core', async (_label, url) => {
    const reply = await ipcMain.invoke(ipcChannel('signIn'), url, { username: 'neuvonta', password: 'demo' });
    expect(reply).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect(desk.calls).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused signIn'));
  });

  it('refuses a call from a sub-frame even of the app origin', async () => {
    const handler = ipcMain.handlers.get(ipcChannel('whoAmI'))!;
    const reply = await handler({ senderFrame: { url: APP, parent: { url: APP } } }, {});
    expect(reply).toMatchObject({ error: { code: 'forbidden' } });
    expect(desk.calls).toEqual([]);
  });

  it.each([
    ['missing password', { username: 'neuvonta' }],
    ['empty username', { username: '   ', password: 'demo' }],
    ['not an object', 'neuvonta:demo'],
    ['wrong types', { username: 42, password: ['demo'] }],
  ])('rejects invalid args (%s) with invalid_args and does not call the desk core', async (_label, args) => {
    const reply = (await ipcMain.invoke(ipcChannel('signIn'), APP, args)) as { error: { code: string; message: string } };
    expect(reply.error.code).toBe('invalid_args');
    expect(reply.error.message).toContain('signIn');
    expect(desk.calls).toEqual([]);
  });

  it('returns a desk error with its code, and hides internal errors behind a generic message', async () => {
    expect(await ipcMain.invoke(ipcChannel('signIn'), APP, { username: 'neuvonta', password: 'wrong' })).toEqual({
      error: { code: 'bad_credentials', message: 'wrong username or password' },
    });
    const internal = (await ipcMain.invoke(ipcChannel('getItem'), APP, { id: 'explode' })) as { error: { code: string; message: string } };
    expect(internal.error.code).toBe('internal');
    expect(internal.error.message).not.toContain('/secret/path');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk on fire'));
  });

  it('forwards desk events to the window, skips destroyed windows, and stops after unregister', () => {
    desk.emit({ type: 'items-changed', ids: ['a1'] });
    expect(window.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: [{ type: 'items-changed', ids: ['a1'] }] }]);
    window.destroyed = true;
    desk.emit({ type: 'items-changed', ids: ['a2'] });
    expect(window.sent).toHaveLength(1);
    unregister();
    expect(desk.listenerCount()).toBe(0);
    expect(ipcMain.handlers.size).toBe(0);
  });
});

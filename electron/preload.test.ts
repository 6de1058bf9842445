import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./testing/fake-electron.js'));

import { deskMethods, ipcChannel, IPC_EVENT_CHANNEL, type DeskApi, type DeskEvent } from '../shared/api/index.js';
import { contextBridge, ipcRenderer, resetFakeElectron } from './testing/fake-electron.js';
import { buildDeskBridge } from './preload.js';

// What the preload's top level exposed when it was loaded (before any reset below).
const exposedAtLoad = { ...contextBridge.exposed };

describe('preload', () => {
  beforeEach(() => resetFakeElectron());

  it('exposes only window.desk, with exactly the DeskApi methods and onEvent', () => {
    const desk = exposedAtLoad.desk as DeskApi;
    expect(Object.keys(exposedAtLoad)).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual([...Object.keys(deskMethods), 'onEvent'].sort());
    for (const fn of Object.values(desk)) expect(typeof fn).toBe('function');
    expect(Object.isFrozen(desk)).toBe(true);
  });

  it('sends each method on its own channel and returns the result', async () => {
    const desk = buildDeskBridge();
    ipcRenderer.reply = (channel) => ({ result: { channel } });
    await expect(desk.listInbox({ page: { offset: 0, limit: 10 } })).resolves.toEqual({ channel: ipcChannel('listInbox') });
    expect(ipcRenderer.invocations).toEqual([{ channel: 'desk:listInbox', args: [{ page: { offset: 0, limit: 10 } }] }]);
  });

  it('rejects with the desk error code and message (as a plain object that survives contextBridge)', async () => {
    const desk = buildDeskBridge();
    ipcRenderer.reply = () => ({ error: { code: 'bad_credentials', message: 'wrong username or password' } });
    await expect(desk.signIn({ username: 'neuvonta', password: 'x' })).rejects.toEqual({
      name: 'DeskError',
      code: 'bad_credentials',
      message: 'wrong username or password',
    });
    ipcRenderer.reply = () => 'garbage';
    await expect(desk.whoAmI({})).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers valid events to listeners, drops malformed ones, and unsubscribes', async () => {
    const desk = buildDeskBridge();
    const seen: DeskEvent[] = [];
    const off = desk.onEvent((e) => seen.push(e));
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { type: 'items-changed', ids: ['x1'] });
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { type: 'rm -rf', ids: 'nope' });
    off();
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, { type: 'items-changed', ids: ['x2'] });
    expect(seen).toEqual([{ type: 'items-changed', ids: ['x1'] }]);
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});

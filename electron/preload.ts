/**
 * Runs sandboxed in the renderer before the page. Exposes window.desk (the DeskApi) and nothing
 * else: no ipcRenderer, no generic invoke, no Node. Bundled to dist/electron/preload.cjs because a
 * sandboxed preload cannot load local modules at runtime.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DeskEvent, deskMethods, ipcChannel, IPC_EVENT_CHANNEL, type DeskApi, type DeskMethodName } from '../shared/api/index.js';

/**
 * contextBridge copies only the message of an Error (custom fields such as `code` are lost), so a
 * failure reaches the page as a plain object of this shape. The renderer's desk client turns it
 * back into a DeskError.
 */
export type BridgedDeskError = { name: 'DeskError'; code: string; message: string; reason?: string };

function unwrap(method: DeskMethodName, reply: unknown): unknown {
  if (reply && typeof reply === 'object') {
    if ('result' in reply) return (reply as { result: unknown }).result;
    if ('error' in reply) {
      const e = (reply as { error: { code?: unknown; message?: unknown; reason?: unknown } }).error;
      const bridged: BridgedDeskError = {
        name: 'DeskError',
        code: String(e?.code ?? 'internal'),
        message: String(e?.message ?? 'desk error'),
        ...(typeof e?.reason === 'string' ? { reason: e.reason } : {}),
      };
      throw bridged;
    }
  }
  throw { name: 'DeskError', code: 'internal', message: `malformed reply to ${method}` } satisfies BridgedDeskError;
}

export function buildDeskBridge(): DeskApi {
  const api: Record<string, unknown> = {};
  for (const method of Object.keys(deskMethods) as DeskMethodName[]) {
    api[method] = async (args: unknown) => unwrap(method, await ipcRenderer.invoke(ipcChannel(method), args));
  }
  api.onEvent = (listener: (event: DeskEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('desk.onEvent needs a function');
    const handler = (_e: IpcRendererEvent, raw: unknown) => {
      const parsed = DeskEvent.safeParse(raw);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  };
  return Object.freeze(api) as DeskApi;
}

contextBridge.exposeInMainWorld('desk', buildDeskBridge());

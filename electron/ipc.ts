/**
 * The Electron transport of the DeskApi: one ipcMain.handle per method. Every call is checked for
 * its sender (only the app's own content may reach the desk core) and validated by dispatchDeskCall
 * (zod), the same function the browser-mode host uses.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  DeskError,
  deskMethods,
  dispatchDeskCall,
  ipcChannel,
  IPC_EVENT_CHANNEL,
  toDeskErrorBody,
  type DeskApi,
  type DeskMethodName,
} from '../shared/api/index.js';
import { isAppUrl } from './security.js';

/** What a handler returns over IPC. Errors travel as data because Electron flattens thrown errors
 * into an unparseable "Error invoking remote method" string. */
export type IpcReply = { result: unknown } | { error: { code: string; message: string; reason?: string } };

export const deskMethodNames = Object.keys(deskMethods) as DeskMethodName[];

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  // senderFrame is null when the frame navigated away or was destroyed before the call arrived.
  const frame = event.senderFrame;
  if (!frame) return false;
  // Only the top frame: the renderer never embeds frames, and an injected one must not get access.
  if (frame.parent) return false;
  return isAppUrl(frame.url);
}

export type DeskIpcOptions = {
  desk: DeskApi;
  /** Windows that receive desk events (normally the one main window). */
  targets: () => readonly WebContents[];
  log?: (message: string) => void;
};

/** Registers the handlers and the event forwarding; returns a function that removes both. */
export function registerDeskIpc(ipcMain: IpcMain, opts: DeskIpcOptions): () => void {
  const log = opts.log ?? ((m: string) => console.warn(m));
  for (const method of deskMethodNames) {
    ipcMain.handle(ipcChannel(method), async (event, rawArgs: unknown): Promise<IpcReply> => {
      if (!isTrustedSender(event)) {
        log(`desk ipc: refused ${method} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return toDeskErrorBody(new DeskError('forbidden', 'caller is not the Feedback Desk window'));
      }
      try {
        return { result: await dispatchDeskCall(opts.desk, method, rawArgs) };
      } catch (err) {
        if (!(err instanceof DeskError)) log(`desk ipc: ${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return toDeskErrorBody(err);
      }
    });
  }
  const unsubscribe = opts.desk.onEvent((event) => {
    for (const wc of opts.targets()) {
      if (!wc.isDestroyed()) wc.send(IPC_EVENT_CHANNEL, event);
    }
  });
  return () => {
    unsubscribe();
    for (const method of deskMethodNames) ipcMain.removeHandler(ipcChannel(method));
  };
}

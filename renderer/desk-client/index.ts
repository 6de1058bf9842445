import type { DeskApi } from '../../shared/api/desk-api.js';
import { createHttpDeskClient } from './http-client.js';
import { validatedDesk } from './validated.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    desk?: DeskApi;
  }
}

/** The Electron bridge when running in the desktop shell, else the web host over HTTP. */
export function createDeskClient(): DeskApi {
  return window.desk ? validatedDesk(window.desk) : createHttpDeskClient();
}

export { createHttpDeskClient, validatedDesk };
export { toDeskError } from './validated.js';

import { z } from 'zod';
import { DeskError, deskMethods, type DeskApi, type DeskMethodName } from './desk-api.js';

export function isDeskMethod(name: string): name is DeskMethodName {
  return Object.hasOwn(deskMethods, name);
}

/**
 * Validate a raw call from the renderer and run it on the desk core. Both transports (Electron
 * IPC and the browser-mode HTTP host) call this, so validation is written once.
 */
export async function dispatchDeskCall(desk: DeskApi, method: string, rawArgs: unknown): Promise<unknown> {
  if (!isDeskMethod(method)) throw new DeskError('unknown_method', `unknown DeskApi method: ${method}`);
  const schema = deskMethods[method];
  const parsed = schema.args.safeParse(rawArgs ?? undefined);
  if (!parsed.success) throw new DeskError('invalid_args', `invalid arguments for ${method}: ${z.prettifyError(parsed.error)}`);
  const call = desk[method] as (args: unknown) => Promise<unknown>;
  const result = await call.call(desk, parsed.data);
  return schema.result.parse(result);
}

/** The wire form of any error: {error:{code,message}}. Internal details never leak to the renderer. */
export function toDeskErrorBody(err: unknown): { error: { code: string; message: string; reason?: string } } {
  if (err instanceof DeskError) return { error: { code: err.code, message: err.message, ...(err.reason ? { reason: err.reason } : {}) } };
  return { error: { code: 'internal', message: 'internal error in the desk core' } };
}

import { DeskError, deskMethods, type DeskApi, type DeskMethodName } from '../../shared/api/desk-api.js';

/** Whatever crossed the bridge, give the UI a DeskError with a code it can translate. */
export function toDeskError(err: unknown): DeskError {
  if (err instanceof DeskError) return err;
  if (err && typeof err === 'object') {
    const { code, message, reason } = err as { code?: unknown; message?: unknown; reason?: unknown };
    if (typeof code === 'string') return new DeskError(code, typeof message === 'string' ? message : code, typeof reason === 'string' ? reason : undefined);
    if (typeof message === 'string') return new DeskError('internal', message);
  }
  return new DeskError('internal', String(err));
}

/**
 * Wrap window.desk (Electron preload) so its results pass the same schemas as the HTTP client's,
 * and its errors arrive as DeskError: the renderer trusts no boundary.
 */
export function validatedDesk(desk: DeskApi): DeskApi {
  const api = { onEvent: (listener) => desk.onEvent(listener) } as Partial<DeskApi>;
  for (const method of Object.keys(deskMethods) as DeskMethodName[]) {
    (api as Record<string, unknown>)[method] = async (args: unknown) => {
      let raw: unknown;
      try {
        raw = await (desk[method] as (a: unknown) => Promise<unknown>)(args);
      } catch (err) {
        throw toDeskError(err);
      }
      const parsed = deskMethods[method].result.safeParse(raw);
      if (!parsed.success) throw new DeskError('invalid_response', `${method}: unexpected result shape: ${parsed.error.message}`);
      return parsed.data;
    };
  }
  return api as DeskApi;
}

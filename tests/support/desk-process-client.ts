/**
 * Drives a desk running as its own process (browser-mode host) through its HTTP DeskApi, exactly
 * as the renderer does, with results validated by the shared schemas.
 */
import { deskMethods, type DeskArgs, type DeskMethodName, type DeskResult } from '../../shared/api/index.js';

export class DeskProcessClient {
  constructor(readonly url: string) {}

  async call<M extends DeskMethodName>(method: M, args: DeskArgs<M>): Promise<DeskResult<M>> {
    const res = await fetch(`${this.url}/desk/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    const body = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`${method}: ${res.status} ${JSON.stringify(body)}`);
    return deskMethods[method].result.parse(body) as DeskResult<M>;
  }
}

import {
  DESK_EVENTS_PATH,
  DESK_HTTP_PREFIX,
  DeskError,
  DeskErrorBody,
  DeskEvent,
  deskMethods,
  type DeskApi,
  type DeskMethodName,
} from '../../shared/api/desk-api.js';

type EventSourceLike = Pick<EventSource, 'close' | 'addEventListener'>;

export interface HttpDeskClientOptions {
  /** Origin (and optional path) of the web host; '' means same origin as the page. */
  baseUrl?: string;
  fetch?: typeof fetch;
  EventSource?: new (url: string) => EventSourceLike;
  /** Where dropped events are reported (a malformed event must never break the UI). */
  onInvalidEvent?: (raw: string, reason: string) => void;
}

/**
 * DeskApi over the browser-mode web host: POST /desk/api/<method> with JSON args, JSON result,
 * errors as {error:{code,message}}; events from one shared EventSource on /desk/events.
 * Results are validated with the contract's schemas, so a wrong answer fails here, loudly.
 */
export function createHttpDeskClient(options: HttpDeskClientOptions = {}): DeskApi {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
  const reportInvalid = options.onInvalidEvent ?? ((raw, reason) => console.warn('dropped desk event:', reason, raw));

  async function call(method: DeskMethodName, args: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${DESK_HTTP_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
    } catch (err) {
      throw new DeskError('desk_unreachable', `cannot reach the desk web host: ${(err as Error).message}`);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new DeskError(response.ok ? 'invalid_response' : 'internal', `${method}: HTTP ${response.status}, body is not JSON`);
    }
    if (!response.ok) {
      const parsed = DeskErrorBody.safeParse(body);
      if (parsed.success) throw new DeskError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.reason);
      throw new DeskError('internal', `${method}: HTTP ${response.status}`);
    }
    const result = deskMethods[method].result.safeParse(body);
    if (!result.success) throw new DeskError('invalid_response', `${method}: unexpected result shape: ${result.error.message}`);
    return result.data;
  }

  const listeners = new Set<(event: DeskEvent) => void>();
  let source: EventSourceLike | null = null;

  function onMessage(message: MessageEvent) {
    const raw = String(message.data);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      reportInvalid(raw, 'not JSON');
      return;
    }
    const parsed = DeskEvent.safeParse(json);
    if (!parsed.success) {
      reportInvalid(raw, parsed.error.message);
      return;
    }
    deliver(parsed.data);
  }

  function deliver(event: DeskEvent) {
    for (const listener of [...listeners]) listener(event);
  }

  // Events sent while the connection was down are lost; after EventSource reconnects, tell the
  // listeners that anything may have changed (an items-changed event without ids).
  let lostConnection = false;
  const onError = () => {
    lostConnection = true;
  };
  const onOpen = () => {
    if (!lostConnection) return;
    lostConnection = false;
    deliver({ type: 'items-changed', ids: [] });
  };

  function onEvent(listener: (event: DeskEvent) => void): () => void {
    listeners.add(listener);
    if (!source && EventSourceImpl) {
      // EventSource reconnects by itself after the host restarts; one connection serves all listeners.
      source = new EventSourceImpl(`${baseUrl}${DESK_EVENTS_PATH}`);
      source.addEventListener('message', onMessage as EventListener);
      source.addEventListener('error', onError);
      source.addEventListener('open', onOpen);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  }

  const api = { onEvent } as Partial<DeskApi>;
  for (const method of Object.keys(deskMethods) as DeskMethodName[]) {
    (api as Record<string, unknown>)[method] = (args: unknown) => call(method, args);
  }
  return api as DeskApi;
}

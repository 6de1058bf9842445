import { z } from 'zod';
import {
  ApiError,
  DepartmentSettings,
  ItemPresence,
  LoginRequest,
  LoginResponse,
  PresenceRequest,
  PushRequest,
  PushResponse,
  STAFF_API_PREFIX,
  TemplateInput,
} from '../../../shared/api/sync-protocol.js';
import { AnswerTemplate, Department } from '../../../shared/domain/reference.js';
import { readSse, type SseEvent } from './sse-reader.js';
import { PullParser } from './pull-parser.js';
import type { PreparedPullPage } from './pull-page.js';

export type CentralErrorKind = 'unreachable' | 'unauthorized' | 'client_error' | 'server_error' | 'invalid_response';

/** Why a request to the central server failed, in the terms the sync loop acts on. */
export class CentralError extends Error {
  constructor(
    readonly kind: CentralErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'CentralError';
  }
}

export interface CentralClientOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per request; a pull page of 500 items takes well under this on a healthy server. */
  timeoutMs?: number;
  log?: (msg: string, extra?: object) => void;
  /** Start the pull workers now rather than at the first pull (the desk does: it syncs soon). */
  warmPullWorkers?: boolean;
}

/** The staff sync protocol over HTTP. Every response body is checked with the shared schemas. */
export class CentralClient {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly pullParser: PullParser;

  constructor(opts: CentralClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '') + STAFF_API_PREFIX;
    this.fetchImpl = opts.fetch ?? fetch;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.pullParser = new PullParser(opts.log);
    if (opts.warmPullWorkers) this.pullParser.warm();
  }

  /** Stops the pull worker. */
  close(): void {
    this.pullParser.close();
  }

  login(body: LoginRequest, signal?: AbortSignal): Promise<LoginResponse> {
    return this.request('POST', '/login', LoginResponse, { body, signal });
  }

  /** Ends the session on the server; best effort, so short. */
  async logout(token: string): Promise<void> {
    await this.fetchImpl(`${this.base}/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(3000) });
  }

  /**
   * One pull page, checked with PullResponse like every response, its items prepared for the
   * cache (pull-page.ts) in the pull worker.
   */
  async pull(
    token: string,
    q: { cookie: number; limit: number; clientId: string },
    signal?: AbortSignal,
    /** Called once the body is read and handed to the worker (or the request failed). */
    onReceived?: () => void,
    /** Called with the page's cookie and hasMore once the page is validated, before its items are prepared. */
    onHead?: (head: { cookie: number; hasMore: boolean }) => void,
  ): Promise<PreparedPullPage> {
    const qs = new URLSearchParams({ cookie: String(q.cookie), limit: String(q.limit), clientId: q.clientId });
    const path = `/pull?${qs}`;
    let parsing: ReturnType<PullParser['parse']>;
    let res: Response;
    try {
      let body: ArrayBuffer;
      ({ res, body } = await this.send('GET', path, { token, signal }, (r) => r.arrayBuffer()));
      parsing = this.pullParser.parse(body, onHead);
    } finally {
      onReceived?.();
    }
    const result = await parsing;
    if (result.ok) return result.page;
    // The worker died holding the body: ask again (parsed in-thread from now on).
    if ('lost' in result) return this.pull(token, q, signal, undefined, onHead);
    if (result.notJson) throw new CentralError('invalid_response', `GET ${path}: response is not JSON`, res.status);
    throw new CentralError('invalid_response', `GET /pull: response does not match the protocol (${result.issues})`, res.status);
  }

  push(token: string, body: PushRequest, signal?: AbortSignal): Promise<PushResponse> {
    return this.request('POST', '/push', PushResponse, { token, body, signal });
  }

  /** Where this desk's user is (the item open, editing its draft or not); answers with the others on that item. */
  presence(token: string, body: PresenceRequest, signal?: AbortSignal): Promise<ItemPresence> {
    return this.request('POST', '/presence', ItemPresence, { token, body, signal });
  }

  /** An administrator saves a text module (the central checks its placeholders). */
  putTemplate(token: string, id: string, body: TemplateInput): Promise<AnswerTemplate> {
    return this.request('PUT', `/templates/${encodeURIComponent(id)}`, AnswerTemplate, { token, body });
  }

  async deleteTemplate(token: string, id: string): Promise<void> {
    await this.request('DELETE', `/templates/${encodeURIComponent(id)}`, z.object({ ok: z.literal(true) }), { token });
  }

  putDepartmentSettings(token: string, departmentId: string, body: DepartmentSettings): Promise<Department> {
    return this.request('PUT', `/departments/${encodeURIComponent(departmentId)}/settings`, Department, { token, body });
  }

  /** A stored file of an item (GET /media/:name), refused when larger than maxBytes. */
  async mediaFile(token: string, name: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
    const path = `/media/${encodeURIComponent(name)}`;
    const tooLarge = (status: number) => new CentralError('invalid_response', `GET ${path}: larger than ${maxBytes} bytes`, status);
    const { res, body } = await this.send('GET', path, { token, signal }, async (r) => {
      if (Number(r.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge(r.status);
      return Buffer.from(await r.arrayBuffer());
    });
    if (body.byteLength > maxBytes) throw tooLarge(res.status);
    return body;
  }

  /** Live pokes. The token goes in the query because EventSource-style GETs carry no body. */
  async *events(token: string, signal: AbortSignal): AsyncGenerator<SseEvent> {
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.base}/events?token=${encodeURIComponent(token)}`, {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
        signal,
      });
    } catch (err) {
      throw unreachable(err);
    }
    if (!res.ok || !res.body) throw await httpError(res);
    yield* readSse(res.body);
  }

  private async request<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    schema: S,
    opts: { token?: string; body?: unknown; signal?: AbortSignal },
  ): Promise<z.output<S>> {
    const { res, body: text } = await this.send(method, path, opts, (r) => r.text());
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CentralError('invalid_response', `${method} ${path}: response is not JSON`, res.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new CentralError('invalid_response', `${method} ${path.split('?')[0]}: response does not match the protocol (${issues.join('; ')})`, res.status);
    }
    return parsed.data;
  }

  /** Send a request and read the whole body; HTTP errors and cut connections become CentralErrors. */
  private async send<B>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    opts: { token?: string; body?: unknown; signal?: AbortSignal },
    read: (res: Response) => Promise<B>,
  ): Promise<{ res: Response; body: B }> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let body: B;
    try {
      res = await this.fetchImpl(this.base + path, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal,
      });
      if (!res.ok) throw await httpError(res);
      // Reading the body can fail too (connection cut mid-response): that is "unreachable".
      body = await read(res);
    } catch (err) {
      if (err instanceof CentralError) throw err;
      throw unreachable(err);
    }
    return { res, body };
  }
}

function unreachable(err: unknown): CentralError {
  const e = err as Error & { cause?: { code?: string } };
  const why = e.name === 'TimeoutError' ? 'timed out' : e.name === 'AbortError' ? 'aborted' : (e.cause?.code ?? e.message);
  return new CentralError('unreachable', `central server unreachable (${why})`);
}

async function httpError(res: Response): Promise<CentralError> {
  let code: string | null = null;
  let message = `HTTP ${res.status}`;
  try {
    const body = ApiError.safeParse(await res.json());
    if (body.success) {
      code = body.data.error.code;
      message = `HTTP ${res.status} ${body.data.error.code}: ${body.data.error.message}`;
    }
  } catch {
    // Not our error format (a proxy page, a cut connection): the status says enough.
  }
  const kind: CentralErrorKind = res.status === 401 ? 'unauthorized' : res.status >= 500 ? 'server_error' : 'client_error';
  return new CentralError(kind, message, res.status, code);
}

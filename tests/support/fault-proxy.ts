/**
 * An HTTP proxy on loopback between a desk and the central server that can misbehave on demand,
 * so fault tests exercise the real sync code against the real server:
 * - `pass`: forward everything;
 * - `error500`: answer 500 without reaching the central server;
 * - `cutResponse`: forward the request, then cut the connection halfway through the response body
 *   (the central server has already done the work);
 * - `refuse`: close the connection at once, like a network that is down.
 * A mode can be limited to paths starting with a prefix (e.g. '/staff/v1/pull').
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type FaultMode = 'pass' | 'error500' | 'cutResponse' | 'refuse';

export class FaultProxy {
  private server: Server | null = null;
  private mode: FaultMode = 'pass';
  private onlyPrefix: string | null = null;
  /** Requests seen per path prefix (query stripped), for assertions. */
  readonly seen: string[] = [];
  url = '';

  constructor(private readonly target: string) {}

  setMode(mode: FaultMode, onlyPrefix: string | null = null): void {
    this.mode = mode;
    this.onlyPrefix = onlyPrefix;
  }

  /** The network goes down: new requests are refused and open ones (the live-event stream) are cut. */
  goOffline(): void {
    this.setMode('refuse');
    this.server?.closeAllConnections();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server!.close(() => ok()));
  }

  private modeFor(path: string): FaultMode {
    return this.onlyPrefix === null || path.startsWith(this.onlyPrefix) ? this.mode : 'pass';
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]!;
    this.seen.push(path);
    const mode = this.modeFor(path);
    if (mode === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (mode === 'error500') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'injected failure' } }));
      return;
    }
    const upstream = request(new URL(req.url ?? '/', this.target), { method: req.method, headers: req.headers }, (up) => {
      if (mode === 'cutResponse') {
        res.writeHead(up.statusCode ?? 502, up.headers);
        let sent = 0;
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          sent = Math.max(1, Math.floor(body.length / 2));
          res.write(body.subarray(0, sent), () => res.socket?.destroy());
        });
        return;
      }
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }
}

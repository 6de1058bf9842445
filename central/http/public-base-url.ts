import type { FastifyInstance } from 'fastify';

/**
 * The address citizens reach this server at, for links in mails and media URLs. It never comes
 * from a request's Host header, which anyone can forge (a real-looking acknowledgement pointing
 * elsewhere). PUBLIC_BASE_URL sets it in production; without it the server's own listening
 * address is used, which suits development and tests.
 */
export function publicBaseUrl(app: FastifyInstance, configured: string | undefined = process.env.PUBLIC_BASE_URL): string {
  if (configured) return configured.replace(/\/+$/, '');
  const a = app.server.address();
  if (!a || typeof a === 'string') return 'http://127.0.0.1';
  return `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
}

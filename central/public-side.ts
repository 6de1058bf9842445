/**
 * Everything citizens touch, registered on the central app in one place: the Open311 API under
 * /open311/v1, the status page /status/{token}, and the mail worker that delivers the outbox
 * (started when the app is ready, stopped when it closes; without SMTP_HOST mail stays queued).
 */
import type { FastifyInstance } from 'fastify';
import type { CentralStore } from './store/central-store.js';
import { mailConfigFromEnv } from './mail/config.js';
import { MailWorker } from './mail/worker.js';
import { open311Routes } from './open311/routes.js';
import { statusPageRoutes } from './status/status-page.js';

export function publicSide(store: CentralStore, opts: { env?: NodeJS.ProcessEnv } = {}) {
  return async function register(app: FastifyInstance): Promise<void> {
    const config = mailConfigFromEnv(opts.env ?? process.env);
    const worker = config
      ? new MailWorker({ db: store.db, config, log: (msg, fields) => app.log.warn(fields ?? {}, msg) })
      : null;
    if (worker) {
      app.addHook('onReady', async () => worker.start());
      app.addHook('onClose', async () => worker.stop());
    } else {
      app.addHook('onReady', async () => app.log.info('SMTP_HOST is not set: citizen mail stays queued in the outbox'));
    }
    await app.register(open311Routes(store, { onMailQueued: () => worker?.kick() }), { prefix: '/open311/v1' });
    await app.register(statusPageRoutes(store));
  };
}

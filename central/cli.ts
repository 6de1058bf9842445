/**
 * `npm run central -- --port 8311 --data <dir> [--seed demo] [--host 127.0.0.1] [--log-level info]`
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startCentral } from './server.js';

const usage = 'usage: npm run central -- --port <0-65535> --data <dir> [--seed demo|none] [--host 127.0.0.1] [--log-level info]';

function fail(message: string): never {
  process.stderr.write(`central: ${message}\n${usage}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string', default: 'none' },
      host: { type: 'string', default: '127.0.0.1' },
      'log-level': { type: 'string', default: 'info' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (values.port === undefined) fail('--port is required');
if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) fail(`--port must be a number 0..65535, got "${values.port}"`);
if (!values.data) fail('--data is required (folder of central.sqlite)');
if (values.seed !== 'demo' && values.seed !== 'none') fail(`--seed must be demo or none, got "${values.seed}"`);
const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
if (!levels.includes(values['log-level'])) fail(`--log-level must be one of ${levels.join(', ')}`);

try {
  const central = await startCentral({
    port: Number(values.port),
    host: values.host,
    dataDir: resolve(values.data),
    seed: values.seed,
    logLevel: values['log-level'],
  });
  process.stdout.write(`central listening on ${central.url}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`central: ${signal}, shutting down\n`);
    central.close().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`central: shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') fail(`port ${values.port} is already in use on ${values.host}`);
  process.stderr.write(`central: could not start: ${e.message}\n`);
  process.exit(1);
}

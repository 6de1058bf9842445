/**
 * `npm run central:import-mail -- <file.eml | folder | mbox> --data <dir> [--public-url https://...]`
 * Imports feedback mailbox messages into the central store (see import-mail.ts). Safe to re-run.
 * The running central server's mail worker delivers the acknowledgements this queues.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CentralStore } from '../store/central-store.js';
import { importMailPath } from './import-mail.js';

const usage = 'usage: npm run central:import-mail -- <file.eml|folder|mbox> --data <central data dir> [--public-url <base url of the status page>]';

function fail(message: string): never {
  process.stderr.write(`import-mail: ${message}\n${usage}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: { data: { type: 'string' }, 'public-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (parsed.values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const dataDir = parsed.values.data ?? process.env.CENTRAL_DATA_DIR;
if (!dataDir) fail('--data is required (the folder of central.sqlite)');
if (parsed.positionals.length === 0) fail('give at least one .eml file, folder or mbox');
const publicBaseUrl = parsed.values['public-url'] ?? process.env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:8311';
for (const p of parsed.positionals) if (!existsSync(p)) fail(`no such file or folder: ${p}`);

const store = new CentralStore(resolve(dataDir));
let failed = 0;
try {
  for (const p of parsed.positionals) {
    for (const r of await importMailPath(store, resolve(p), { publicBaseUrl })) {
      if (r.status === 'failed') failed++;
      process.stdout.write(`${JSON.stringify(r)}\n`);
    }
  }
} finally {
  store.close();
}
process.exit(failed > 0 ? 1 : 0);

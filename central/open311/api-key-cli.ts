/**
 * `npx tsx central/open311/api-key-cli.ts add <channel> [--label <text>] [--key <key>] --data <dir>`
 * Gives an Open311 client its api_key, mapped to the intake channel its requests arrive through
 * (web_form, service_map, department_page, app). Prints the key; only its hash is stored.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CentralStore } from '../store/central-store.js';

const CHANNELS = ['web_form', 'service_map', 'department_page', 'app'] as const;
const usage = `usage: npx tsx central/open311/api-key-cli.ts add <${CHANNELS.join('|')}> --data <dir> [--label <text>] [--key <key>]`;

function fail(message: string): never {
  process.stderr.write(`api-key: ${message}\n${usage}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ options: { data: { type: 'string' }, label: { type: 'string' }, key: { type: 'string' } }, allowPositionals: true, strict: true });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const [command, channel] = parsed.positionals;
if (command !== 'add') fail('the only command is add');
if (!CHANNELS.includes(channel as (typeof CHANNELS)[number])) fail(`channel must be one of ${CHANNELS.join(', ')}`);
if (!parsed.values.data) fail('--data is required (the folder of central.sqlite)');
const key = parsed.values.key ?? randomBytes(24).toString('base64url');
if (!/^[A-Za-z0-9_.-]{8,200}$/.test(key)) fail('a key is 8..200 letters, digits, _ . or -');

const store = new CentralStore(resolve(parsed.values.data));
try {
  store.addApiKey(key, parsed.values.label ?? channel, channel as (typeof CHANNELS)[number]);
} finally {
  store.close();
}
process.stdout.write(`${key}\n`);

/**
 * Batch scan: JSON lines {"id","text"[,"language"]} on stdin -> JSON lines {"id","findings":[...]} on stdout.
 * A bad line yields {"id": <id or null>, "error": "..."} and the scan continues. Only JSON goes to stdout.
 * Exit code 0 unless stdin cannot be read.
 */
import { createInterface } from 'node:readline';
import { createModerationEngine } from '../../shared/moderation/engine.js';
import { loadLexicon } from './load-lexicon.js';
import { scanLine } from './scan-line.js';

async function main(): Promise<void> {
  const engine = createModerationEngine(loadLexicon());
  process.stdin.on('error', (e) => {
    process.stderr.write(`moderation:scan: cannot read stdin: ${e.message}\n`);
    process.exit(2);
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    process.stdout.write(scanLine(engine, line) + '\n');
  }
}

main().catch((e) => {
  process.stderr.write(`moderation:scan: ${(e as Error).message}\n`);
  process.exit(2);
});

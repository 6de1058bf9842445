/**
 * Soak: run the sync fault tests round after round (default 20) and report any lost or
 * duplicated change. `npm run soak -- --rounds 50`
 * Each round is a fresh vitest run of tests/integration/sync-faults.test.ts: new central and
 * desk processes, new data folders. A failed round prints what was missing or doubled.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { repoRoot } from '../support/processes.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`soak: --rounds must be a positive whole number, got "${values.rounds}"`);
  process.exit(2);
}

const failures: { round: number; summary: string }[] = [];
const started = Date.now();
for (let round = 1; round <= rounds; round++) {
  const t0 = Date.now();
  const run = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/integration/vitest.config.ts', 'tests/integration/sync-faults.test.ts', '--reporter=dot'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  const ok = run.status === 0;
  // The fault tests report lost and doubled changes as {missing, doubled}; surface those lines.
  const evidence = output.split('\n').filter((l) => /missing|doubled|FAIL|AssertionError|Error:/.test(l)).slice(0, 20).join('\n');
  if (!ok) failures.push({ round, summary: evidence || output.slice(-2000) });
  console.log(JSON.stringify({ round, ok, seconds: Math.round((Date.now() - t0) / 100) / 10 }));
}
console.log(JSON.stringify({ rounds, failed: failures.length, minutes: Math.round((Date.now() - started) / 6000) / 10 }));
for (const f of failures) console.log(`--- round ${f.round} ---\n${f.summary}`);
process.exit(failures.length ? 1 : 0);

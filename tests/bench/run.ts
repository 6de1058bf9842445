/**
 * `npm run bench`: every performance budget (docs/architecture.md, "Performance budgets") as JSON
 * lines on stdout, {name, value, unit, target, ok, ...}, then one summary line. Each benchmark runs
 * in its own child process, so the memory and garbage of one do not skew another; their progress
 * notes go to stderr. A missed target is reported (ok: false) and the exit code stays 0; it is
 * non-zero only when a benchmark crashed (its error is reported as a line too).
 * Run a subset: npm run bench -- initial-sync inbox-page
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = import.meta.dirname;
const root = resolve(here, '..', '..');
const COUNT = 200_000;
/** The benchmarks that share one filled 200,000-item cache; it is filled once, before them. */
const OFFLINE_CENTRAL = 'http://127.0.0.1:9';

interface Step {
  id: string;
  script: string;
  args: (cacheDir: string) => string[];
  needsCache?: boolean;
  /** Lines written by a script with its own shape (triage-bench.ts): made into {value, unit, target, ok}. */
  normalize?: (line: Record<string, unknown>) => Record<string, unknown>;
  timeoutMs: number;
}

const triageTargets: Record<string, number> = { inbox_page_200k: 10, search_200k: 30 };

const steps: Step[] = [
  { id: 'initial-sync', script: 'initial-sync.ts', args: () => ['100000'], timeoutMs: 5 * 60_000 },
  { id: 'push-pull', script: 'push-pull.ts', args: () => [], timeoutMs: 3 * 60_000 },
  { id: 'collaboration', script: 'collaboration.ts', args: () => [], timeoutMs: 3 * 60_000 },
  { id: 'fill-cache', script: 'fill-cache.ts', args: (dir) => [dir, String(COUNT), OFFLINE_CENTRAL], timeoutMs: 5 * 60_000 },
  { id: 'inbox-page', script: 'inbox-page.ts', args: (dir) => [String(COUNT), dir], needsCache: true, timeoutMs: 3 * 60_000 },
  { id: 'first-paint', script: 'first-paint.ts', args: (dir) => [String(COUNT), dir], needsCache: true, timeoutMs: 5 * 60_000 },
  {
    // The triage helper's benchmark (search, inbox page and dashboard over 200,000 items with real
    // Helsinki feedback texts); run as it is, its lines completed with value/unit/target/ok.
    id: 'triage',
    script: 'triage-bench.ts',
    args: () => [String(COUNT)],
    timeoutMs: 10 * 60_000,
    normalize: (l) => {
      if ('value' in l) return l;
      const limit = triageTargets[String(l.name)];
      const value = typeof l.p95_ms === 'number' ? l.p95_ms : null;
      return {
        name: `triage_${String(l.name)}_p95`,
        value,
        unit: 'ms',
        target: limit === undefined ? null : `< ${limit}`,
        ok: limit === undefined || value === null ? null : value < limit,
        ...l,
        source: 'tests/bench/triage-bench.ts',
      };
    },
  },
];

const only = process.argv.slice(2);
const selected = only.length === 0 ? steps : steps.filter((s) => only.includes(s.id) || (s.id === 'fill-cache' && steps.some((x) => x.needsCache && only.includes(x.id))));
const results: Array<Record<string, unknown>> = [];
const crashed: string[] = [];
const started = performance.now();
const cacheDir = mkdtempSync(join(tmpdir(), 'desk-bench-cache-'));

function out(line: Record<string, unknown>): void {
  results.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function runStep(step: Step): Promise<void> {
  return new Promise((done) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, step.script), ...step.args(cacheDir)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), step.timeoutMs);
    let buffered = '';
    let stderrTail = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const text = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!text) continue;
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Not a result line.
        }
        if (parsed && typeof parsed === 'object' && 'name' in parsed) out(step.normalize ? step.normalize(parsed as Record<string, unknown>) : (parsed as Record<string, unknown>));
        else process.stderr.write(`[${step.id}] ${text}\n`);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-2000);
      for (const line of chunk.split('\n')) if (line.trim()) process.stderr.write(`[${step.id}] ${line}\n`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Math.round((performance.now() - t) / 100) / 10;
      process.stderr.write(`[${step.id}] finished in ${seconds} s (exit ${code ?? signal})\n`);
      if (code !== 0) {
        crashed.push(step.id);
        const why = signal === 'SIGKILL' ? `timed out after ${step.timeoutMs / 1000} s` : `exit ${code ?? signal}`;
        out({ name: `${step.id}_failed`, value: null, unit: null, target: null, ok: false, error: `${step.script}: ${why}`, stderr_tail: stderrTail.trim().split('\n').slice(-5).join('\n') });
      }
      done();
    });
  });
}

try {
  for (const step of selected) {
    if (step.needsCache && crashed.includes('fill-cache')) {
      out({ name: `${step.id}_skipped`, value: null, unit: null, target: null, ok: false, error: 'the shared 200,000-item cache could not be filled' });
      continue;
    }
    await runStep(step);
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

const withTarget = results.filter((r) => r.target !== null && r.target !== undefined);
const missed = results.filter((r) => r.ok === false).map((r) => r.name);
process.stdout.write(
  `${JSON.stringify({
    name: 'summary',
    value: withTarget.filter((r) => r.ok === true).length,
    unit: 'targets met',
    target: `${withTarget.length} targets`,
    ok: missed.length === 0,
    missed,
    crashed,
    duration_s: Math.round((performance.now() - started) / 1000),
  })}\n`,
);
process.exit(crashed.length > 0 ? 1 : 0);

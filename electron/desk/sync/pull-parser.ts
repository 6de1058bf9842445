/**
 * Prepares large pull bodies off the main thread, in a worker (pull-worker.ts) started at the
 * first large pull or ahead of it (warm), and stopped when idle. Parsing and validating a page
 * overlaps with writing the previous one during an initial sync instead of adding to it. If a
 * worker cannot start or dies, pages are prepared in-thread (same code, same result), logged
 * once; a page the dead worker had is answered `lost` (its body went to the worker) and the
 * caller requests it again.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fromWire, preparePullPage, type PrepareResult, type WireResult } from './pull-page.js';

/** A page handed to a worker that died before answering: request it again. */
export type ParseResult = PrepareResult | { ok: false; lost: true };

/**
 * Each page's parsed objects and zod's validated copy are garbage a moment later: a young
 * generation big enough for a few 5,000-item pages keeps them out of the old generation.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: Number(process.env.PULL_WORKER_YOUNG_MB ?? 64) };

type Head = { cookie: number; hasMore: boolean };
type Pending = { resolve: (r: ParseResult) => void; onHead?: (head: Head) => void };

/**
 * The worker: the bundle's pull-worker.cjs next to main.cjs, or in the sources (tests, tsx,
 * browser mode) pull-worker.ts loaded through tsx's loader, which a worker does not inherit
 * (nor vitest's module runner), so a small bootstrap registers it first.
 */
function startWorker(): Worker | null {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith('.ts')) {
    const file = new URL('./pull-worker.ts', import.meta.url);
    if (!existsSync(file)) return null;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
    return new Worker(boot, { eval: true, resourceLimits: WORKER_LIMITS });
  }
  const file = fileURLToPath(new URL('./pull-worker.cjs', import.meta.url));
  return existsSync(file) ? new Worker(file, { resourceLimits: WORKER_LIMITS }) : null;
}

/**
 * One worker. Two taking pages in turn shortened nothing measurable on 2 cores (the work is
 * CPU-bound there) and cost ~50 MB more resident memory.
 */
const WORKERS = 1;
/** Smaller bodies (incremental pulls) are parsed in-thread: no worker needs to be running for them. */
const IN_THREAD_BELOW = 256 * 1024;
/** An idle worker is stopped (its memory returned) and started again for the next large pull. */
const IDLE_STOP_MS = 30_000;

export class PullParser {
  private workers: Worker[] = [];
  private failed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly log: (msg: string, extra?: object) => void = () => {},
    /** Bodies smaller than this are parsed in-thread (tests set 0 to use the worker for all). */
    private readonly inThreadBelow = IN_THREAD_BELOW,
  ) {}

  /** Start the workers ahead of the first pull (their start-up is otherwise paid by its first page). */
  warm(): void {
    this.ensureWorkers();
    this.stopWhenIdle();
  }

  /**
   * onHead: the validated page's cookie and hasMore, as soon as they are known (before the result).
   * A body handed to the worker is transferred (detached here), not copied.
   */
  parse(body: ArrayBuffer, onHead?: (head: Head) => void): Promise<ParseResult> {
    if (body.byteLength < this.inThreadBelow) return Promise.resolve(inThread(body, onHead));
    const workers = this.ensureWorkers();
    if (workers.length === 0) return Promise.resolve(inThread(body, onHead));
    const id = this.nextId++;
    const worker = workers[id % workers.length];
    return new Promise((resolve) => {
      // Transferred: a page is ~6 MB, and copying it cost the main thread more than reading it.
      this.pending.set(id, { resolve, onHead });
      worker.postMessage({ id, body }, [body]);
    });
  }

  close(): void {
    this.failed = true;
    this.stopWorkers();
  }

  private stopWorkers(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const workers = this.workers;
    this.workers = [];
    for (const w of workers) void w.terminate();
  }

  private stopWhenIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) this.stopWorkers();
    }, IDLE_STOP_MS);
    this.idleTimer.unref();
  }

  private ensureWorkers(): Worker[] {
    if (this.workers.length > 0 || this.failed) return this.workers;
    try {
      for (let n = 0; n < WORKERS; n++) {
        const worker = startWorker();
        if (!worker) {
          this.fail('pull worker not found');
          return this.workers;
        }
        worker.unref();
        worker.on('message', (msg: { id: number; head?: Head; result?: WireResult }) => {
          const p = this.pending.get(msg.id);
          if (msg.head) return p?.onHead?.(msg.head);
          this.pending.delete(msg.id);
          p?.resolve(fromWire(msg.result!));
          if (this.pending.size === 0) this.stopWhenIdle();
        });
        worker.on('error', (err) => this.onWorkerGone(`pull worker failed: ${err.message}`));
        worker.on('exit', (code) => {
          if (this.workers.includes(worker)) this.onWorkerGone(`pull worker exited (${code})`);
        });
        this.workers.push(worker);
      }
    } catch (err) {
      this.fail(`pull worker could not start: ${(err as Error).message}`);
    }
    return this.workers;
  }

  /** One worker failed: stop them all and parse in-thread from now on; its pages are lost. */
  private onWorkerGone(why: string): void {
    this.fail(why);
    this.stopWorkers();
    const left = [...this.pending.values()];
    this.pending.clear();
    for (const p of left) p.resolve({ ok: false, lost: true });
  }

  private fail(why: string): void {
    if (!this.failed) this.log(`sync: ${why}; parsing pull pages in the main thread`);
    this.failed = true;
  }
}

function inThread(body: ArrayBuffer, onHead?: (head: Head) => void): PrepareResult {
  const result = preparePullPage(body);
  if (result.ok) onHead?.({ cookie: result.page.cookie, hasMore: result.page.hasMore });
  return result;
}

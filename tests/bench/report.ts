/**
 * One benchmark result per line on stdout, JSON: {name, value, unit, target, ok, ...extra}.
 * Progress and notes go to stderr, so stdout stays machine-readable. A missed target is a
 * result (ok: false), never a failure: benchmarks are not timed tests.
 */
export interface Target {
  op: '<' | '>=';
  value: number;
}

export function report(name: string, value: number, unit: string, target: Target | null, extra: Record<string, unknown> = {}): void {
  const ok = target === null ? null : target.op === '<' ? value < target.value : value >= target.value;
  const line = { name, value: round(value), unit, target: target ? `${target.op} ${target.value}` : null, ok, ...extra };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export function note(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

export function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Number(v.toFixed(3));
}

/** Quantile of already sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

export function p50p95(times: number[]): { p50_ms: number; p95_ms: number; n: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50_ms: round(quantile(s, 0.5)), p95_ms: round(quantile(s, 0.95)), n: s.length };
}

export function median(values: number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

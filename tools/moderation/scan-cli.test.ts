import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function runCli(input: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/moderation/scan-cli.ts'], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, lines: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr };
}

describe('moderation:scan CLI', () => {
  it('writes one JSON line per input line with UTF-16 offsets, reports bad lines and continues', () => {
    const input = [
      JSON.stringify({ id: 'a', text: '😀 Soita 040-1234567, Matti Virtanen' }),
      'not json',
      JSON.stringify({ id: 7 }),
      '',
      JSON.stringify({ id: 'c', text: 'Kiitos!' }),
    ].join('\n');
    const { code, lines } = runCli(input);
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      id: 'a',
      findings: [
        { kind: 'phone', start: 9, end: 20, text: '040-1234567', score: 0.95 },
        { kind: 'person', start: 22, end: 36, text: 'Matti Virtanen', score: 0.9 },
      ],
    });
    expect(lines[1]).toMatchObject({ id: null });
    expect(String(lines[1].error)).toMatch(/invalid JSON/);
    expect(lines[2]).toMatchObject({ id: 7 });
    expect(String(lines[2].error)).toMatch(/text/);
    expect(lines[3]).toEqual({ id: 'c', findings: [] });
  }, 30_000);
});

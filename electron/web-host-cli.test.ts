import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('./desk/desk.js', () => ({ createDesk: vi.fn() }));

import { parseWebCliArgs } from './web-host-cli.js';

describe('desk:web arguments', () => {
  it('reads port, central and data dir', () => {
    const o = parseWebCliArgs(['--port', '8400', '--central', 'http://127.0.0.1:8311/', '--data', 'tmp/desk'], {});
    expect(o).toMatchObject({ port: 8400, centralUrl: 'http://127.0.0.1:8311', dataDir: resolve('tmp/desk') });
    expect(o.staticDir).toMatch(/dist[\\/]renderer$/);
  });

  it('defaults to port 8312 and FEEDBACK_DESK_CENTRAL', () => {
    expect(parseWebCliArgs([], { FEEDBACK_DESK_CENTRAL: 'https://central.example.fi' })).toMatchObject({ port: 8312, centralUrl: 'https://central.example.fi' });
  });

  it.each([
    [['--port', 'http'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--central', 'not a url'], /--central.*not a URL/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /positional/i],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseWebCliArgs(argv as string[], {})).toThrow(message);
  });
});

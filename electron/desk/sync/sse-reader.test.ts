import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { readSse, type SseEvent } from './sse-reader.js';

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
}

async function collect(chunks: string[]): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const e of readSse(stream(chunks))) out.push(e);
  return out;
}

describe('readSse', () => {
  it('parses named events, comments, multi-line data and ids', async () => {
    const events = await collect(['retry: 3000\nevent: ready\ndata: {"cookie":1}\n\n', ': heartbeat\n\n', 'event: poke\ndata: a\ndata: b\nid: 7\n\n', 'data: plain\n\n']);
    expect(events).toEqual([
      { event: 'ready', data: '{"cookie":1}', id: null },
      { event: 'poke', data: 'a\nb', id: '7' },
      { event: 'message', data: 'plain', id: '7' },
    ]);
  });

  it('copes with events split anywhere across chunks and with CRLF / CR line ends', async () => {
    const text = 'event: poke\r\ndata: {"cookie":12}\r\n\r\nevent: poke\rdata: x\r\r';
    const oneByOne = await collect([...text]);
    expect(oneByOne).toEqual([
      { event: 'poke', data: '{"cookie":12}', id: null },
      { event: 'poke', data: 'x', id: null },
    ]);
  });

  it('drops an unfinished event when the stream ends', async () => {
    expect(await collect(['event: poke\ndata: half'])).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with jitter in the upper half', () => {
    const lo = (a: number) => backoffDelay(a, { baseMs: 1000, maxMs: 30_000, random: () => 0 });
    const hi = (a: number) => backoffDelay(a, { baseMs: 1000, maxMs: 30_000, random: () => 1 });
    expect([1, 2, 3, 4].map(hi)).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map(lo)).toEqual([500, 1000, 2000, 4000]);
    expect(hi(20)).toBe(30_000);
    expect(lo(20)).toBe(15_000);
  });
});

/**
 * Worker thread: decodes, parses, validates and prepares pull pages (pull-page.ts) while the main
 * thread writes the previous ones. The body arrives as a transferred ArrayBuffer (no copy).
 */
import { parentPort } from 'node:worker_threads';
import { preparePullPage, toWire, type WireResult } from './pull-page.js';

const decoder = new TextDecoder();
parentPort?.on('message', (msg: { id: number; body: ArrayBuffer }) => {
  let result: WireResult;
  try {
    // The head first: the desk can request the next page while this one's items are prepared.
    result = toWire(preparePullPage(decoder.decode(msg.body), (page) => parentPort!.postMessage({ id: msg.id, head: { cookie: page.cookie, hasMore: page.hasMore } })));
  } catch (err) {
    result = { ok: false, notJson: false, issues: `internal: ${(err as Error).message}` };
  }
  parentPort!.postMessage({ id: msg.id, result });
});

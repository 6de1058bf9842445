/**
 * Worker thread: decodes, parses, validates and prepares pull pages (pull-page.ts) while the main
 * thread writes the previous ones. The body arrives as a transferred ArrayBuffer (no copy), and
 * goes back the same way when the items' texts are ranges of it.
 */
import { parentPort } from 'node:worker_threads';
import { prepareWirePage, type WireResult } from './pull-page.js';

parentPort?.on('message', (msg: { id: number; body: ArrayBuffer }) => {
  let result: WireResult;
  try {
    // The head first: the desk can request the next page while this one's items are prepared.
    result = prepareWirePage(msg.body, (head) => parentPort!.postMessage({ id: msg.id, head }));
  } catch (err) {
    result = { ok: false, notJson: false, issues: `internal: ${(err as Error).message}` };
  }
  parentPort!.postMessage({ id: msg.id, result }, result.ok && result.page.body ? [result.page.body] : []);
});

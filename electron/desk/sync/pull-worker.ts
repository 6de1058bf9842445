/**
 * Worker thread: decodes, parses, validates and prepares pull pages (pull-page.ts) while the main
 * thread writes the previous ones. The body arrives as a transferred ArrayBuffer (no copy).
 */
import { parentPort } from 'node:worker_threads';
import { preparePullPage } from './pull-page.js';

const decoder = new TextDecoder();
parentPort?.on('message', (msg: { id: number; body: ArrayBuffer }) => {
  let result;
  try {
    result = preparePullPage(decoder.decode(msg.body));
  } catch (err) {
    result = { ok: false as const, notJson: false, issues: `internal: ${(err as Error).message}` };
  }
  parentPort!.postMessage({ id: msg.id, result });
});

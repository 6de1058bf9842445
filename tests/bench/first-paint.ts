/**
 * Inbox first paint in browser mode with 200,000 cached items: under 1.5 s.
 * The real web host (`electron/web-host-cli.ts`, its own process: the desk core) serves the
 * built renderer over a desk cache filled directly (fill-cache.ts) with a saved session; its
 * central is a closed loopback port, so the desk opens offline from the cache as after a restart.
 * Debian's Chromium loads the page; first paint = the page's own performance.now() (ms since
 * navigation start) when the first inbox row is in the DOM, read in a requestAnimationFrame
 * after it appears. Value: median of the first load after the host started (cold, also
 * reported alone) and 5 reloads.
 * Also reported: how many rows are in the DOM (scrolling stays virtual) and the host's RSS.
 * Run: npx tsx tests/bench/first-paint.ts [count] [cacheDir]   (no cacheDir: fills a temp one)
 * Needs the built renderer (npm run build:renderer; built here if dist/renderer is missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { repoRoot, startWebHostProcess, type RunningProcess } from '../support/processes.js';
import { fillCache } from './fill-cache.js';
import { median, note, report } from './report.js';

const count = Number(process.argv[2] ?? 200_000);
const OFFLINE_CENTRAL = 'http://127.0.0.1:9';
let cacheDir = process.argv[3];
const ownDir = !cacheDir;
if (!cacheDir) {
  cacheDir = mkdtempSync(join(tmpdir(), 'desk-paint-bench-'));
  await fillCache(cacheDir, count, OFFLINE_CENTRAL);
}
if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
  note('first-paint: building the renderer (npm run build:renderer)');
  execFileSync('npm', ['run', 'build:renderer'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
}

/** RSS of the biggest process in the tree under pid (the tsx CLI starts the host as its child). */
function treeMaxRssMb(pid: number): number {
  let rss = 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    rss = m ? Number(m[1]) / 1024 : 0;
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) rss = Math.max(rss, treeMaxRssMb(Number(child)));
  } catch {
    // The process ended meanwhile.
  }
  return rss;
}

let host: RunningProcess | null = null;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
});
try {
  host = await startWebHostProcess({ centralUrl: OFFLINE_CENTRAL, dataDir: cacheDir });
  const page = await (await browser.newContext({ locale: 'fi-FI', timezoneId: 'Europe/Helsinki', viewport: { width: 1400, height: 900 } })).newPage();
  const paintOnce = async (): Promise<number> => {
    await page.goto(host!.url, { waitUntil: 'commit' });
    await page.waitForSelector('[role="option"]', { timeout: 30_000 });
    // A string: this file is type-checked for Node, the expression runs in the page.
    return page.evaluate('new Promise((r) => requestAnimationFrame(() => r(performance.now())))') as Promise<number>;
  };
  const cold = await paintOnce();
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push(await paintOnce());
  const rendered = await page.locator('[role="option"]').count();
  // Scroll the list a long way: rows in the DOM must stay a window, not grow with the scroll.
  await page.locator('[role="option"]').first().hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 5000);
  await page.waitForTimeout(300);
  const renderedAfterScroll = await page.locator('[role="option"]').count();
  const hostRss = treeMaxRssMb(host.child.pid!);
  const all = [cold, ...warm];
  note(`first-paint: cold ${Math.round(cold)} ms, reloads ${warm.map(Math.round).join(', ')} ms; ${rendered} rows in the DOM (${renderedAfterScroll} after scrolling)`);
  report(`inbox_first_paint_${count / 1000}k`, median(all), 'ms', { op: '<', value: 1500 }, {
    cold_ms: Math.round(cold),
    max_ms: Math.round(Math.max(...all)),
    n: all.length,
    value_is: 'median of the first load after the host started and 5 reloads',
    rows_in_dom: rendered,
    rows_in_dom_after_scroll: renderedAfterScroll,
    virtual: renderedAfterScroll < 300,
  });
  report(`web_host_rss_after_paint_${count / 1000}k`, hostRss, 'MB', null, { note: 'browser-mode host process (desk core + web server) after the paints' });
} finally {
  await browser.close();
  await host?.stop();
  if (ownDir) rmSync(cacheDir, { recursive: true, force: true });
}

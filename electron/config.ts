/**
 * Where the desk finds its central API. Pure (no electron import) so the rule is testable.
 * Order: FEEDBACK_DESK_CENTRAL env > --central=<url> (the launcher's embedded server) >
 * <userData>/config.json {"centralUrl"} > the default local central.
 */
import { readFileSync } from 'node:fs';

export const DEFAULT_CENTRAL_URL = 'http://127.0.0.1:8311';

export function normaliseCentralUrl(raw: string, source: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new Error(`${source}: "${raw}" is not a URL (expected e.g. http://127.0.0.1:8311)`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${source}: central URL must be http or https, got ${u.protocol}`);
  return u.href.replace(/\/+$/, '');
}

function readConfigFile(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const parsed: unknown = JSON.parse(text);
  const url = (parsed as { centralUrl?: unknown } | null)?.centralUrl;
  if (url === undefined) return null;
  if (typeof url !== 'string') throw new Error(`${path}: centralUrl must be a string`);
  return url;
}

export function resolveCentralUrl(opts: { argv: readonly string[]; env: Record<string, string | undefined>; configPath?: string }): string {
  const fromEnv = opts.env.FEEDBACK_DESK_CENTRAL;
  if (fromEnv) return normaliseCentralUrl(fromEnv, 'FEEDBACK_DESK_CENTRAL');
  const arg = opts.argv.find((a) => a.startsWith('--central='));
  if (arg) return normaliseCentralUrl(arg.slice('--central='.length), '--central');
  if (opts.configPath) {
    const fromFile = readConfigFile(opts.configPath);
    if (fromFile) return normaliseCentralUrl(fromFile, opts.configPath);
  }
  return DEFAULT_CENTRAL_URL;
}

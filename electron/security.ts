/**
 * Security policy shared by the Electron shell and the browser-mode host. No electron import here:
 * these are pure rules, so both transports and their tests use one definition.
 */

/** The renderer's own origin inside Electron (a privileged custom scheme, not file://, so that
 * "same origin" means this app and not every file on disk). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'feedback-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer needs nothing but its own bundle. Styles allow 'unsafe-inline' because MUI/Emotion
 * injects <style> elements at runtime; scripts never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join('; ');

/** Headers every response carrying app content gets (Electron protocol and web host alike). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * Hosts staff may open in the system browser from the app (the city's own sites). A host matches
 * exactly or as a subdomain of an entry marked with a leading dot.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = [
  'hel.fi',
  '.hel.fi',
  'palvelukartta.hel.fi',
  'palautteet.hel.fi',
  'palaute.hel.fi',
  'kartta.hel.fi',
];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for an https link to an allow-listed host; nothing else leaves the app. */
export function isAllowedExternalUrl(url: string, allowList: readonly string[] = EXTERNAL_LINK_ALLOW_LIST): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password) return false;
  if (u.port && u.port !== '443') return false;
  const host = u.hostname.toLowerCase();
  return allowList.some((entry) => (entry.startsWith('.') ? host.endsWith(entry) && host.length > entry.length : host === entry));
}

/** True when a URL belongs to the app's own content (the only origin allowed to call the desk core). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port;
}

/** Permissions the app's own page may use; every other permission request is denied. Writing to
 * the clipboard lets staff copy a reference number; notifications tell them of a comment request
 * or an answer to approve (shown by the OS); nothing else (camera, location...) is needed. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'notifications']);

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

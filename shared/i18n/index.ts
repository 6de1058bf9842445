/**
 * Message catalogs of the desk, plain data: no i18next or React here, so the desk core and the
 * central server may use the same texts (e.g. for emails) without pulling in UI libraries.
 */
import { en } from './en.js';
import { fi, type Messages } from './fi.js';
import { sv } from './sv.js';

export type { CatalogShape, Messages } from './fi.js';

export const UI_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'fi';

export const catalogs: Record<UiLanguage, Messages> = { fi, sv, en };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Every dotted key path of a catalog, e.g. "signIn.username" (used by tests and tooling). */
export function keyPaths(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keyPaths(value as object, `${prefix}${key}.`),
  );
}

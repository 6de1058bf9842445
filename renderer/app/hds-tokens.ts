// The Helsinki Design System ships its tokens as CSS custom properties only; read the values from
// the package's own files so the theme follows the installed version instead of copied hex codes.
import brandCss from 'hds-design-tokens/lib/color/brand.css?raw';
import uiCss from 'hds-design-tokens/lib/color/ui.css?raw';
import fontCss from 'hds-design-tokens/lib/typography/font.css?raw';

export function parseCustomProperties(css: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of css.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) out[match[1]] = match[2].trim();
  return out;
}

const tokens = parseCustomProperties(brandCss + uiCss + fontCss);

/** The value of an HDS token such as 'color-bus'; throws when the package no longer has it. */
export function hds(name: string): string {
  const value = tokens[name];
  if (!value) throw new Error(`hds-design-tokens has no --${name}`);
  return value;
}

/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

// Vitest does not process CSS (a `?raw` CSS import is empty there); give the module the real file.
vi.mock('hds-design-tokens/lib/color/brand.css?raw', () => ({ default: tokenFile('lib/color/brand.css') }));
vi.mock('hds-design-tokens/lib/color/ui.css?raw', () => ({ default: tokenFile('lib/color/ui.css') }));
vi.mock('hds-design-tokens/lib/typography/font.css?raw', () => ({ default: tokenFile('lib/typography/font.css') }));
function tokenFile(path: string): string {
  return readFileSync(createRequire(import.meta.url).resolve(`hds-design-tokens/${path}`), 'utf8');
}
import { hds, parseCustomProperties } from './hds-tokens.js';
import { createDeskTheme } from './theme.js';

describe('HDS theme', () => {
  it('reads the tokens from hds-design-tokens', () => {
    expect(parseCustomProperties(':root {\n  --color-bus: #0000bf;\n  --x-y: 1rem; /* c */\n}')).toEqual({ 'color-bus': '#0000bf', 'x-y': '1rem' });
    expect(hds('color-bus')).toBe('#0000bf');
    expect(() => hds('color-not-a-token')).toThrow(/no --color-not-a-token/);
  });

  it('maps the HDS colours to fixed meanings, darker in high contrast', () => {
    const normal = createDeskTheme('normal');
    const high = createDeskTheme('high');
    expect(normal.palette.primary.main).toBe(hds('color-bus'));
    expect(normal.palette.error.main).toBe(hds('color-error'));
    expect(normal.palette.warning.main).toBe(hds('color-alert'));
    expect(normal.palette.focusOutline).toBe(hds('color-focus-outline'));
    expect(high.palette.primary.main).toBe(hds('color-bus-dark'));
    expect(high.palette.error.main).toBe(hds('color-error-dark'));
    expect(high.palette.text.primary).toBe(hds('color-black'));
  });
});

import { describe, expect, it } from 'vitest';
import { keyAction } from './keyboard.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const plain = { editable: false, inOverlay: false, onControl: false };

describe('keyboard map', () => {
  it('maps j, k, Enter, Esc and ? on the list', () => {
    expect(keyAction(key('j'), plain)).toBe('next');
    expect(keyAction(key('k'), plain)).toBe('previous');
    expect(keyAction(key('Enter'), plain)).toBe('open');
    expect(keyAction(key('Escape'), plain)).toBe('back');
    expect(keyAction(key('?'), plain)).toBe('help');
  });
  it('leaves typing in a field alone', () => {
    const field = { ...plain, editable: true };
    expect(keyAction(key('j'), field)).toBeNull();
    expect(keyAction(key('?'), field)).toBeNull();
    expect(keyAction(key('Escape'), field)).toBeNull();
  });
  it('leaves dialogs, menus, modified keys and Enter on buttons alone', () => {
    expect(keyAction(key('j'), { ...plain, inOverlay: true })).toBeNull();
    expect(keyAction(key('Escape'), { ...plain, inOverlay: true })).toBeNull();
    expect(keyAction(key('j', { ctrlKey: true }), plain)).toBeNull();
    expect(keyAction(key('Enter'), { ...plain, onControl: true })).toBeNull();
    expect(keyAction(key('j'), { ...plain, onControl: true })).toBe('next');
  });
  it('maps the triage keys in either case, digits to suggestions, / and Ctrl+K to search', () => {
    expect(['n', 'N', 't', 'T', 's', 'f', 'a', 'l', 'x'].map((k) => keyAction(key(k), plain))).toEqual([
      'walkIn', 'walkIn', 'kind', 'kind', 'service', 'forward', 'assign', 'restrict', 'select',
    ]);
    expect(keyAction(key('2'), plain)).toBe('suggestion');
    expect(keyAction(key('0'), plain)).toBeNull();
    expect(keyAction(key('/'), plain)).toBe('search');
    expect(keyAction(key('k', { ctrlKey: true }), { ...plain, editable: true })).toBe('search');
    expect(keyAction(key('t'), { ...plain, editable: true })).toBeNull();
    expect(keyAction(key('k', { ctrlKey: true }), { ...plain, inOverlay: true })).toBeNull();
  });
});

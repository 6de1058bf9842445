export type DeskKeyAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'back'
  | 'help'
  | 'search'
  | 'walkIn'
  | 'kind'
  | 'service'
  | 'forward'
  | 'assign'
  | 'restrict'
  | 'select'
  | 'suggestion'
  | 'comment'
  | 'reply';

/** Letter keys (either case) and the action each starts. */
const LETTERS: Record<string, DeskKeyAction> = { n: 'walkIn', t: 'kind', s: 'service', f: 'forward', a: 'assign', l: 'restrict', x: 'select', c: 'comment', r: 'reply' };

/**
 * Which desk action a key press means, or null. Keys typed into fields, pressed with a modifier,
 * or meant for an open dialog or menu are left alone. Pure, so it is testable without a DOM.
 */
export function keyAction(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  target: { editable: boolean; inOverlay: boolean; onControl: boolean },
): DeskKeyAction | null {
  if (target.inOverlay) return null;
  // Ctrl+K reaches the search field from anywhere, even from inside another field.
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return 'search';
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Escape') return target.editable ? null : 'back';
  if (target.editable) return null;
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case '?':
      return 'help';
    case '/':
      return 'search';
    // Enter on a button or link must keep activating that control.
    case 'Enter':
      return target.onControl ? null : 'open';
    default:
      if (/^[1-9]$/.test(event.key)) return 'suggestion';
      return LETTERS[event.key.toLowerCase()] ?? null;
  }
}

export function describeTarget(target: EventTarget | null): { editable: boolean; inOverlay: boolean; onControl: boolean } {
  const el = target instanceof Element ? target : null;
  return {
    editable: Boolean(el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')),
    // MUI renders dialogs, menus and popovers in a Modal root.
    inOverlay: Boolean(el?.closest('.MuiModal-root')),
    onControl: Boolean(el?.closest('button, a[href], [role="button"], [role="menuitem"], [role="tab"]')),
  };
}

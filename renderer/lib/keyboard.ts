export type DeskKeyAction = 'next' | 'previous' | 'open' | 'back' | 'help';

/**
 * Which desk action a key press means, or null. Keys typed into fields, pressed with a modifier,
 * or meant for an open dialog or menu are left alone. Pure, so it is testable without a DOM.
 */
export function keyAction(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  target: { editable: boolean; inOverlay: boolean; onControl: boolean },
): DeskKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (target.inOverlay) return null;
  if (event.key === 'Escape') return target.editable ? null : 'back';
  if (target.editable) return null;
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case '?':
      return 'help';
    // Enter on a button or link must keep activating that control.
    case 'Enter':
      return target.onControl ? null : 'open';
    default:
      return null;
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

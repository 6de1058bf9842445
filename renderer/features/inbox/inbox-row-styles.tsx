import GlobalStyles from '@mui/material/GlobalStyles';
import type { Theme } from '@mui/material/styles';
import type { Status } from '../../../shared/domain/enums.js';

export const ROW_HEIGHT = 56;

/**
 * Inbox rows are the hottest path of the UI (a jump in a 200,000-item list renders a screenful of
 * them at once), so they use plain class names from one stylesheet instead of per-element `sx`
 * styles that would be resolved again on every render.
 */
const statusTone: Record<Status, 'primary' | 'secondary' | 'info' | 'success' | 'neutral'> = {
  received: 'primary',
  in_triage: 'secondary',
  forwarded: 'info',
  in_progress: 'info',
  answered: 'success',
  closed: 'neutral',
  redirected_to_registry: 'neutral',
  rejected: 'neutral',
};
export const statusClass = (status: Status) => `ir-status ir-status--${statusTone[status]}${status === 'received' ? ' ir-status--filled' : ''}`;

const styles = (theme: Theme) => {
  const p = theme.palette;
  const tone = (color: string) => ({ color, borderColor: color });
  return {
    '.ir-row': {
      position: 'absolute',
      top: 0,
      left: 0,
      width: '100%',
      height: ROW_HEIGHT,
      cursor: 'pointer',
      borderBottom: `1px solid ${p.divider}`,
      borderLeft: '4px solid transparent',
      background: p.background.paper,
      '&:hover': { background: p.action.hover },
    },
    '.ir-row--restricted': { borderLeftColor: p.restricted.border, background: p.restricted.background },
    '.ir-row--open, .ir-row--open:hover': { background: p.action.selected },
    '.ir-row--active': { boxShadow: `inset 0 0 0 2px ${p.focusOutline}` },
    '.ir-row--selected, .ir-row--selected:hover': { borderLeftColor: p.primary.main, background: p.action.focus },
    '.ir-row--selected .ir-kind': { display: 'none' },
    '.ir-grid .ir-check': { fontSize: 18, color: p.primary.main, flexShrink: 0 },
    'mark.ir-hit': { background: p.warning.light, color: 'inherit', fontWeight: 700, padding: 0 },
    '.ir-grid': { display: 'grid', gridTemplateRows: '1fr 1fr', alignItems: 'center', height: '100%', padding: '0 12px', minWidth: 0 },
    '.ir-line': { display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 },
    '.ir-line--meta': { gap: 6, fontSize: '0.8rem' },
    '.ir-grid .ir-kind': { fontSize: 18, color: p.primary.main, flexShrink: 0 },
    '.ir-title': { flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 500 },
    '.ir-title--new': { fontWeight: 700 },
    '.ir-received': { fontSize: '0.8rem', color: p.text.secondary, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
    '.ir-department': { flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: p.text.secondary },
    '.ir-grid .ir-flag': { fontSize: 16, color: p.text.secondary },
    '.ir-grid .ir-flag--restricted': { color: p.text.primary },
    '.ir-grid .ir-flag--pending': { color: p.info.main },
    '.ir-status': {
      display: 'inline-flex',
      alignItems: 'center',
      height: 20,
      padding: '0 6px',
      border: '1px solid',
      borderRadius: 10,
      fontSize: '0.75rem',
      fontWeight: 600,
      whiteSpace: 'nowrap',
    },
    '.ir-status--primary': tone(p.primary.main),
    '.ir-status--secondary': tone(p.secondary.main),
    '.ir-status--info': tone(p.info.main),
    '.ir-status--success': tone(p.success.main),
    '.ir-status--neutral': tone(p.text.primary),
    '.ir-status--filled': { background: p.primary.main, color: p.primary.contrastText },
    '.ir-work': {
      padding: '0 6px',
      borderRadius: 10,
      fontSize: '0.72rem',
      fontWeight: 700,
      whiteSpace: 'nowrap',
      color: p.internal.text,
      background: p.internal.background,
      border: `1px solid ${p.internal.border}`,
    },
    '.ir-work--urgent': { color: p.warning.contrastText, background: p.warning.main, borderColor: p.warning.main },
    '.ir-work--overdue': { color: p.error.contrastText, background: p.error.main, borderColor: p.error.main },
    '.ir-due': { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
    '.ir-due--overdue': { padding: '0 4px', fontWeight: 700, color: p.error.contrastText, background: p.error.main },
    '.ir-due--due_soon': { padding: '0 4px', fontWeight: 700, color: p.warning.contrastText, background: p.warning.main },
    '.ir-due--done': { color: p.text.secondary },
  } as const;
};

export function InboxRowStyles() {
  return <GlobalStyles styles={styles} />;
}

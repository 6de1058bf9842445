import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../shared/domain/enums.js';
import { useUiStore } from '../state/ui-store.js';
import { dueStateOf, formatCompact, formatDateTime } from '../lib/format.js';

/** A due date in the fixed colours: overdue in error red, due soon on alert yellow. */
export function DueText({ dueAt, status, long = false }: { dueAt: string; status: Status; long?: boolean }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const state = dueStateOf(dueAt, status);
  const time = long ? formatDateTime(dueAt, lang) : formatCompact(dueAt, lang);
  const label = t('inbox.due', { time });
  const flagged = state === 'overdue' || state === 'due_soon';
  return (
    <Box
      component="span"
      data-due-state={state}
      title={flagged ? `${label} – ${t(`due.${state}`)}` : label}
      sx={(theme) => ({
        whiteSpace: long ? 'normal' : 'nowrap',
        fontVariantNumeric: 'tabular-nums',
        px: flagged ? 0.5 : 0,
        fontWeight: flagged ? 700 : 400,
        ...(state === 'overdue' && { color: theme.palette.error.contrastText, bgcolor: theme.palette.error.main }),
        ...(state === 'due_soon' && { color: theme.palette.warning.contrastText, bgcolor: theme.palette.warning.main }),
        ...(state === 'done' && { color: theme.palette.text.secondary }),
      })}
    >
      {long ? time : label}
      {long && flagged ? ` · ${t(`due.${state}`)}` : null}
    </Box>
  );
}

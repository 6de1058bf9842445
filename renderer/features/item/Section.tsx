import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Long texts of an item (feedback, comments, answers): as written, wrapped anywhere. */
export const textBlock = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.55 } as const;

/**
 * One section of the open item, in the look ui.md gives it: `internal` (comments, requests: never
 * reach the citizen) tinted, `public` (the answer, what is published) white with a strong border.
 */
export function Section({ id, icon, title, badge, children, tone = 'plain' }: {
  id: string;
  icon: ReactNode;
  title: string;
  badge?: ReactNode;
  children: ReactNode;
  tone?: 'plain' | 'internal' | 'public';
}) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={`${id}-title`}
      data-testid={`section-${id}`}
      sx={(theme) => ({
        p: 2,
        ...(tone === 'internal' && { bgcolor: theme.palette.internal.background, borderColor: theme.palette.internal.border }),
        ...(tone === 'public' && { bgcolor: theme.palette.public.background, borderColor: theme.palette.public.border, borderWidth: 2 }),
      })}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
        <Box sx={{ display: 'flex', color: 'text.secondary' }} aria-hidden>
          {icon}
        </Box>
        <Typography id={`${id}-title`} variant="h3" component="h3" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {badge}
      </Box>
      {children}
    </Paper>
  );
}

/** The fixed label of everything that never reaches the citizen. */
export function InternalLabel() {
  const { t } = useTranslation();
  return (
    <Box
      component="span"
      title={t('item.comments.internalHint')}
      sx={(theme) => ({ px: 1, py: 0.25, fontSize: '0.75rem', fontWeight: 700, color: theme.palette.common.white, bgcolor: theme.palette.internal.text })}
    >
      {t('item.comments.internal')}
    </Box>
  );
}

export function PublicLabel() {
  const { t } = useTranslation();
  return (
    <Box
      component="span"
      sx={(theme) => ({ px: 1, py: 0.25, fontSize: '0.75rem', fontWeight: 700, color: theme.palette.success.contrastText, bgcolor: theme.palette.success.main })}
    >
      {t('item.answer.publicLabel')}
    </Box>
  );
}


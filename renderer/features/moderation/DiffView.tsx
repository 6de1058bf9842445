import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { wordDiff } from '../../lib/word-diff.js';

/** Original vs publishable, word by word: removed words struck through in red, added ones underlined in green. */
export function DiffView({ before, after, testId }: { before: string; after: string; testId?: string }) {
  const { t } = useTranslation();
  const parts = wordDiff(before, after);
  if (parts.every((p) => p.op === 'equal')) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('moderation.diff.none')}
      </Typography>
    );
  }
  return (
    <Box data-testid={testId} sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: '0.9rem', lineHeight: 1.6 }}>
      {parts.map((p, i) =>
        p.op === 'equal' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'delete' ? (
          <Box
            key={i}
            component="del"
            title={t('moderation.diff.removed')}
            sx={(theme) => ({ bgcolor: alpha(theme.palette.error.main, 0.1), color: 'error.dark', textDecorationThickness: '2px' })}
          >
            {p.text}
          </Box>
        ) : (
          <Box key={i} component="ins" title={t('moderation.diff.added')} sx={(theme) => ({ bgcolor: alpha(theme.palette.success.main, 0.12), color: 'success.dark', textDecorationThickness: '2px' })}>
            {p.text}
          </Box>
        ),
      )}
    </Box>
  );
}

import MergeType from '@mui/icons-material/MergeType';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { crossedEdits, mergeKeepingBoth } from '../../lib/text-merge.js';
import { formatDateTime } from '../../lib/format.js';
import { useUiStore } from '../../state/ui-store.js';

const column = { m: 0, p: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', fontSize: '0.875rem', bgcolor: 'background.paper', border: 1, borderColor: 'divider', maxHeight: 240, overflow: 'auto' } as const;

/**
 * Two saves of the shared draft crossed (ui.md: never a silent overwrite): both texts side by side,
 * each side's own words marked, and a merged text that keeps every word of both for the writer to
 * tidy before it is saved.
 */
export function MergePanel({ mine, theirs, theirsBy, theirsAt, language, onSave }: {
  mine: string;
  theirs: string;
  theirsBy: string | null;
  theirsAt: string | null;
  language: string;
  onSave: (merged: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const [merged, setMerged] = useState(() => mergeKeepingBoth(theirs, mine));
  const parts = crossedEdits(theirs, mine);
  const side = (keep: 'delete' | 'insert', testId: string) => (
    <Box component="pre" lang={language} sx={column} data-testid={testId}>
      {parts
        .filter((p) => p.op === 'equal' || p.op === keep)
        .map((p, i) =>
          p.op === 'equal' ? (
            <span key={i}>{p.text}</span>
          ) : (
            <Box component="mark" key={i} sx={{ bgcolor: keep === 'insert' ? 'success.light' : 'warning.light', color: 'text.primary' }}>
              {p.text}
            </Box>
          ),
        )}
    </Box>
  );
  return (
    <Alert severity="warning" icon={<MergeType />} data-testid="merge-panel" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{t('collab.merge.title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('collab.merge.intro', { name: theirsBy ?? t('collab.merge.someone'), time: theirsAt ? formatDateTime(theirsAt, lang) : '' })}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, mb: 1 }}>
        <Box>
          <Typography variant="caption" sx={{ fontWeight: 700 }}>
            {t('collab.merge.mine')}
          </Typography>
          {side('insert', 'merge-mine')}
        </Box>
        <Box>
          <Typography variant="caption" sx={{ fontWeight: 700 }}>
            {t('collab.merge.theirs')}
          </Typography>
          {side('delete', 'merge-theirs')}
        </Box>
      </Box>
      <TextField
        label={t('collab.merge.merged')}
        value={merged}
        onChange={(e) => setMerged(e.target.value)}
        multiline
        fullWidth
        minRows={4}
        slotProps={{ htmlInput: { lang: language, 'data-testid': 'merge-result', maxLength: 20_000 } }}
        sx={{ bgcolor: 'background.paper' }}
      />
      <Button variant="contained" size="small" sx={{ mt: 1 }} onClick={() => onSave(merged)} data-testid="merge-save">
        {t('collab.merge.save')}
      </Button>
    </Alert>
  );
}

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../state/ui-store.js';

/** Shown while rows are selected (X): the bulk actions, one mutation per selected item. */
export function BulkBar() {
  const { t } = useTranslation();
  const selection = useUiStore((s) => s.selection);
  const openDialog = useUiStore((s) => s.openDialog);
  const clear = useUiStore((s) => s.clearSelection);
  if (selection.length === 0) return null;
  return (
    <Box role="toolbar" aria-label={t('bulk.selected', { count: selection.length })} data-testid="bulk-bar" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5, px: 1.5, py: 0.5, bgcolor: 'action.focus', borderBottom: 1, borderColor: 'divider' }}>
      <Typography variant="body2" sx={{ fontWeight: 700, mr: 1 }}>
        {t('bulk.selected', { count: selection.length })}
      </Typography>
      <Button size="small" onClick={() => openDialog('kind', selection)}>
        {t('bulk.classify')} (T)
      </Button>
      <Button size="small" onClick={() => openDialog('forward', selection)}>
        {t('bulk.forward')} (F)
      </Button>
      <Button size="small" onClick={() => openDialog('assign', selection)}>
        {t('bulk.assign')} (A)
      </Button>
      <Button size="small" onClick={() => openDialog('spam', selection)}>
        {t('bulk.spam')}
      </Button>
      <Button size="small" color="inherit" onClick={clear}>
        {t('bulk.clear')}
      </Button>
    </Box>
  );
}

import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../state/ui-store.js';

/** Every key of the desk (ui.md "Keyboard"). */
export const KEY_MAP = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['Esc'], action: 'back' },
  { keys: ['/', 'Ctrl+K'], action: 'search' },
  { keys: ['N'], action: 'walkIn' },
  { keys: ['T'], action: 'kind' },
  { keys: ['S'], action: 'service' },
  { keys: ['F'], action: 'forward' },
  { keys: ['A'], action: 'assign' },
  { keys: ['L'], action: 'restrict' },
  { keys: ['C'], action: 'comment' },
  { keys: ['R'], action: 'reply' },
  { keys: ['X'], action: 'select' },
  { keys: ['1', '…', '9'], action: 'suggestion' },
  { keys: ['Ctrl+Enter'], action: 'submit' },
  { keys: ['?'], action: 'help' },
] as const;

export function KeyMapDialog() {
  const { t } = useTranslation();
  const open = useUiStore((s) => s.keyMapOpen);
  const setOpen = useUiStore((s) => s.setKeyMapOpen);
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="keymap-title" maxWidth="xs" fullWidth>
      <DialogTitle id="keymap-title">{t('keys.title')}</DialogTitle>
      <DialogContent>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
          {KEY_MAP.map(({ keys, action }) => (
            <Box key={action} sx={{ display: 'contents' }}>
              <Box component="dt">
                {keys.map((k) => (
                  <Box
                    key={k}
                    component="kbd"
                    sx={{ fontFamily: 'monospace', px: 0.75, py: 0.25, mr: 0.5, border: 1, borderColor: 'grey.500', borderBottomWidth: 2, bgcolor: 'grey.50' }}
                  >
                    {k}
                  </Box>
                ))}
              </Box>
              <Box component="dd" sx={{ m: 0 }}>
                {t(`keys.${action}`)}
              </Box>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setOpen(false)} variant="contained" autoFocus>
          {t('keys.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

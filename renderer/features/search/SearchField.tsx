import HelpOutline from '@mui/icons-material/HelpOutlined';
import Search from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputBase from '@mui/material/InputBase';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../state/ui-store.js';

export const SEARCH_FIELD_ID = 'search-field';

/** Field terms as the help popover lists them: the Finnish name, then what it takes. */
const FIELD_HELP = [
  ['osasto:', 'search.helpDepartment'],
  ['tila:', 'search.helpStatus'],
  ['laji:', 'search.helpKind'],
  ['kanava:', 'search.helpChannel'],
  ['kieli:', 'search.helpLanguage'],
  ['palvelu:', 'search.helpService'],
] as const;

export function SearchHelp() {
  const { t } = useTranslation();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip title={t('search.help')}>
        <IconButton ref={anchor} color="inherit" size="small" aria-label={t('search.help')} onClick={() => setOpen(true)} data-testid="search-help-button">
          <HelpOutline fontSize="small" />
        </IconButton>
      </Tooltip>
      <Popover open={open} anchorEl={anchor.current} onClose={() => setOpen(false)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Box sx={{ p: 2, maxWidth: 480 }} role="dialog" aria-labelledby="search-help-title" data-testid="search-help">
          <Typography id="search-help-title" variant="h3" sx={{ mb: 1 }}>
            {t('search.helpTitle')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('search.helpIntro')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 0.5, fontWeight: 700 }}>
            {t('search.helpFields')}
          </Typography>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
            {FIELD_HELP.map(([term, key]) => (
              <Box key={term} sx={{ display: 'contents' }}>
                <Box component="dt" sx={{ fontFamily: 'monospace', fontWeight: 700 }}>
                  {term}
                </Box>
                <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                  {t(key)}
                </Typography>
              </Box>
            ))}
          </Box>
          <Typography variant="body2" sx={{ mt: 1, fontFamily: 'monospace' }}>
            {t('search.helpExample')}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {t('search.helpOtherLanguages')}
          </Typography>
        </Box>
      </Popover>
    </>
  );
}

/** The top bar's search (Ctrl+K or /): results as you type, Enter moves to them, Esc leaves. */
export function SearchField() {
  const { t } = useTranslation();
  const query = useUiStore((s) => s.searchQuery);
  const mode = useUiStore((s) => s.mode);
  const setSearchQuery = useUiStore((s) => s.setSearchQuery);
  const setMode = useUiStore((s) => s.setMode);
  const [value, setValue] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (mode !== 'search') setValue('');
  }, [mode]);

  const submit = (v: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (v.trim()) setSearchQuery(v.trim());
  };

  return (
    <Box role="search" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, pl: 1, bgcolor: 'rgba(255,255,255,0.14)', width: 380, maxWidth: '34vw', height: 34 }}>
      <Search fontSize="small" aria-hidden />
      <InputBase
        id={SEARCH_FIELD_ID}
        value={value}
        placeholder={t('search.placeholder')}
        onChange={(e) => {
          const v = e.target.value;
          setValue(v);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => v.trim().length >= 2 && setSearchQuery(v.trim()), 300);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit(value);
            requestAnimationFrame(() => document.getElementById('inbox-list')?.focus());
          } else if (e.key === 'Escape') {
            e.preventDefault();
            if (!value) setMode('inbox');
            setValue('');
            document.getElementById('inbox-list')?.focus();
          }
        }}
        inputProps={{ 'aria-label': t('search.label'), 'data-testid': 'search-input' }}
        sx={{ color: 'inherit', flex: 1, fontSize: '0.875rem', '& input::placeholder': { color: 'common.white', opacity: 0.85 } }}
      />
      <SearchHelp />
    </Box>
  );
}

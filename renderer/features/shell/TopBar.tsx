import AccountCircle from '@mui/icons-material/AccountCircle';
import Check from '@mui/icons-material/Check';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import Logout from '@mui/icons-material/Logout';
import PostAdd from '@mui/icons-material/PostAdd';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/api/desk-api.js';
import { catalogs, UI_LANGUAGES } from '../../../shared/i18n/index.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';
import { useUiStore } from '../../state/ui-store.js';
import { useActor } from '../../state/use-actor.js';
import { may } from '../../../shared/workflow/permissions.js';
import { SignOutDialog } from './SignOutDialog.js';
import { SearchField } from '../search/SearchField.js';
import { NotificationsButton } from '../notifications/NotificationsButton.js';

function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  return (
    <ButtonGroup size="small" color="inherit" variant="text" aria-label={t('topBar.language')} role="group">
      {UI_LANGUAGES.map((lang) => (
        <Button
          key={lang}
          lang={lang}
          aria-pressed={language === lang}
          aria-label={catalogs[lang].topBar.languageName}
          onClick={() => setLanguage(lang)}
          sx={{
            minWidth: 36,
            fontWeight: 700,
            borderColor: 'rgba(255,255,255,0.4) !important',
            ...(language === lang ? { bgcolor: 'common.white', color: 'primary.main', '&:hover': { bgcolor: 'common.white' } } : {}),
          }}
        >
          {lang.toUpperCase()}
        </Button>
      ))}
    </ButtonGroup>
  );
}

function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const contrast = useUiStore((s) => s.contrast);
  const setContrast = useUiStore((s) => s.setContrast);
  const { staff } = session;
  return (
    <>
      <Button
        ref={anchor}
        color="inherit"
        startIcon={<AccountCircle />}
        onClick={() => setOpen(true)}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`${t('topBar.userMenu')}: ${staff.displayName}`}
        data-testid="user-menu"
        sx={{ textAlign: 'left', lineHeight: 1.1 }}
      >
        <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
          <span>{staff.displayName}</span>
          <Box component="span" sx={{ fontSize: '0.7rem', fontWeight: 400, opacity: 0.85 }}>
            {t(`topBar.roles.${staff.role}`)}
          </Box>
        </Box>
      </Button>
      <Menu anchorEl={anchor.current} open={open} onClose={() => setOpen(false)}>
        <MenuItem
          role="menuitemcheckbox"
          aria-checked={contrast === 'high'}
          onClick={() => setContrast(contrast === 'high' ? 'normal' : 'high')}
        >
          <ListItemIcon>{contrast === 'high' ? <Check fontSize="small" /> : null}</ListItemIcon>
          <ListItemText>{t('topBar.highContrast')}</ListItemText>
        </MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            setOpen(false);
            setSigningOut(true);
          }}
        >
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('topBar.signOut')}</ListItemText>
        </MenuItem>
      </Menu>
      {signingOut ? <SignOutDialog onDone={() => setSigningOut(false)} /> : null}
    </>
  );
}

export function TopBar({ session }: { session: Session | null | undefined }) {
  const actor = useActor();
  const { t } = useTranslation();
  const setKeyMapOpen = useUiStore((s) => s.setKeyMapOpen);
  return (
    <AppBar position="relative" color="primary">
      <Toolbar variant="dense" sx={{ gap: 2, minHeight: 52 }}>
        {session ? (
          <Box
            component="a"
            href="#inbox-list"
            onClick={(e: React.MouseEvent) => {
              e.preventDefault();
              document.getElementById('inbox-list')?.focus();
            }}
            sx={{
              position: 'absolute',
              left: 8,
              top: -48,
              zIndex: 2,
              px: 1.5,
              py: 0.75,
              bgcolor: 'common.white',
              color: 'primary.main',
              fontWeight: 700,
              '&:focus': { top: 8 },
            }}
          >
            {t('app.skipToList')}
          </Box>
        ) : null}
        <Box sx={{ display: 'flex', flexDirection: 'column', lineHeight: 1.1, mr: 1 }}>
          <Typography component="span" sx={{ fontWeight: 700, fontSize: '1.05rem' }} data-testid="product-name">
            {t('app.name')}
          </Typography>
          <Typography component="span" sx={{ fontSize: '0.7rem', opacity: 0.85 }}>
            {t('app.owner')}
          </Typography>
        </Box>
        {session ? <SearchField /> : null}
        {actor && may(actor, 'record_walk_in', null) ? (
          <Button color="inherit" variant="outlined" startIcon={<PostAdd />} onClick={() => useUiStore.getState().setWalkInOpen(true)} data-testid="walk-in-button" sx={{ borderColor: 'rgba(255,255,255,0.6)', whiteSpace: 'nowrap' }}>
            {t('topBar.walkIn')}
          </Button>
        ) : null}
        <Box sx={{ flex: 1 }} />
        <SyncIndicator />
        <LanguageSwitch />
        {session ? (
          <>
            <NotificationsButton />
            <Tooltip title={t('topBar.keyboardHelp')}>
              <IconButton color="inherit" onClick={() => setKeyMapOpen(true)} aria-label={t('topBar.keyboardHelp')}>
                <KeyboardOutlined />
              </IconButton>
            </Tooltip>
            <UserMenu session={session} />
          </>
        ) : null}
      </Toolbar>
    </AppBar>
  );
}

import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Popover from '@mui/material/Popover';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskNotification } from '../../../shared/api/desk-api.js';
import { formatDateTime } from '../../lib/format.js';
import { notificationListeners, useMarkNotificationsRead, useNotifications } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';

type Translate = (key: string, options: { name: string }) => string;

function line(n: DeskNotification, t: Translate): string {
  return t(`collab.notifications.kind.${n.kind}`, { name: n.actorName });
}

/**
 * Desktop notifications through the Notification API: in Electron they are the OS's own (the
 * shell allows the permission for the app's page only), in browser mode the browser's. The body
 * names what happened and the item's public id, never its text, since it shows on a lock screen.
 */
function useDesktopNotifications(enabled: boolean, onOpen: (itemId: string) => void) {
  const { t } = useTranslation();
  const open = useRef(onOpen);
  open.current = onOpen;
  useEffect(() => {
    if (!enabled || typeof Notification === 'undefined') return;
    const listener = (added: DeskNotification[]) => {
      if (Notification.permission !== 'granted') return;
      for (const n of added.slice(0, 3)) {
        const shown = new Notification(t('collab.notifications.desktopTitle'), { body: `${line(n, t as Translate)}${n.serviceRequestId ? ` (${n.serviceRequestId})` : ''}`, tag: n.id });
        shown.onclick = () => {
          window.focus();
          open.current(n.itemId);
          shown.close();
        };
      }
    };
    notificationListeners.add(listener);
    return () => {
      notificationListeners.delete(listener);
    };
  }, [enabled, t]);
}

/** The top bar's bell: what colleagues did that concerns this person, newest first; a click opens the item. */
export function NotificationsButton() {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const desktop = useUiStore((s) => s.desktopNotifications);
  const setDesktop = useUiStore((s) => s.setDesktopNotifications);
  const openItem = useUiStore((s) => s.openItem);
  const setMode = useUiStore((s) => s.setMode);
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [denied, setDenied] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];
  // The item view marks the item's news read once it has been open for a moment.
  const show = (itemId: string) => {
    setOpen(false);
    setMode('inbox');
    openItem(itemId);
  };
  useDesktopNotifications(desktop, show);

  const toggleDesktop = async (on: boolean) => {
    setDenied(false);
    if (!on) return setDesktop(false);
    if (typeof Notification === 'undefined') return setDenied(true);
    const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    if (permission !== 'granted') return setDenied(true);
    setDesktop(true);
  };

  return (
    <>
      <Tooltip title={t('collab.notifications.open', { count: unread })}>
        <IconButton ref={anchor} color="inherit" onClick={() => setOpen(true)} aria-label={t('collab.notifications.open', { count: unread })} aria-haspopup="dialog" data-testid="notifications-button">
          <Badge badgeContent={unread} color="error" max={99} data-testid="notifications-badge">
            <NotificationsOutlined />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={open}
        anchorEl={anchor.current}
        onClose={() => setOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 380, maxHeight: 480, display: 'flex', flexDirection: 'column' }, role: 'dialog', 'aria-label': t('collab.notifications.title') } as object }}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, pt: 1.5, pb: 1 }}>
          <Typography variant="h3" component="h2" sx={{ flex: 1 }}>
            {t('collab.notifications.title')}
          </Typography>
          <Button size="small" disabled={unread === 0} onClick={() => markRead.mutate({ all: true })}>
            {t('collab.notifications.markAll')}
          </Button>
        </Box>
        <Divider />
        {items.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {t('collab.notifications.none')}
          </Typography>
        ) : (
          <List dense sx={{ overflow: 'auto', flex: 1 }} data-testid="notifications-list">
            {items.map((n) => (
              <ListItemButton key={n.id} onClick={() => show(n.itemId)} sx={{ alignItems: 'flex-start', bgcolor: n.read ? undefined : 'action.hover' }} data-testid="notification" data-read={n.read}>
                <ListItemText
                  primary={line(n, t as Translate)}
                  secondary={`${formatDateTime(n.at, lang)}${n.title ? ` · ${n.title}` : ''}`}
                  slotProps={{ primary: { sx: { fontWeight: n.read ? 400 : 700 } }, secondary: { noWrap: true } }}
                />
              </ListItemButton>
            ))}
          </List>
        )}
        <Divider />
        <Box sx={{ px: 2, py: 1 }}>
          <FormControlLabel control={<Checkbox size="small" checked={desktop} onChange={(e) => void toggleDesktop(e.target.checked)} />} label={t('collab.notifications.enableDesktop')} />
          {denied ? (
            <Typography variant="caption" color="error.main" component="p">
              {t('collab.notifications.desktopDenied')}
            </Typography>
          ) : null}
        </Box>
      </Popover>
    </>
  );
}

import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import BarChart from '@mui/icons-material/BarChart';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import { useTranslation } from 'react-i18next';
import { InboxView } from '../../../shared/api/desk-api.js';
import { useSession, useViewCount } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';

const VIEW_ORDER: InboxView[] = ['all', 'new', 'in_triage', 'mine', 'my_department', 'due_soon', 'overdue', 'restricted', 'redirected', 'publication_queue'];
/** Working with colleagues (P12): what is asked of me, what I asked, what waits for my approval. */
const COLLAB_VIEWS: InboxView[] = ['requested_from_me', 'my_requests', 'requests_overdue', 'to_approve', 'shared_with_me'];
/** Views only some roles work from: the publication queue is the moderators' work list. */
const VIEW_ROLES: Partial<Record<InboxView, readonly string[]>> = {
  publication_queue: ['moderator', 'admin'],
  my_requests: ['clerk', 'responder', 'admin'],
  requests_overdue: ['clerk', 'responder', 'admin'],
  to_approve: ['responder', 'admin'],
};

function ViewLink({ view }: { view: InboxView }) {
  const { t, i18n } = useTranslation();
  const selected = useUiStore((s) => s.view === view && s.mode === 'inbox');
  const setView = useUiStore((s) => s.setView);
  const openItem = useUiStore((s) => s.openItem);
  const count = useViewCount(view);
  const n = count.data;
  const highlight = n ? (view === 'overdue' || view === 'requests_overdue' ? 'error' : view === 'due_soon' || view === 'requested_from_me' || view === 'to_approve' ? 'warning' : null) : null;
  return (
    <ListItemButton
      selected={selected}
      aria-current={selected ? 'page' : undefined}
      onClick={() => {
        setView(view);
        openItem(null);
      }}
      data-testid={`view-${view}`}
      sx={{ py: 0.5, borderLeft: 4, borderColor: selected ? 'primary.main' : 'transparent' }}
    >
      <ListItemText primary={t(`views.${view}`)} slotProps={{ primary: { sx: { fontWeight: selected ? 700 : 400 } } }} />
      <Box
        component="span"
        aria-label={n === undefined ? undefined : t('views.countLabel', { view: t(`views.${view}`), count: n })}
        sx={{
          ml: 1,
          px: 0.75,
          minWidth: 28,
          textAlign: 'right',
          fontVariantNumeric: 'tabular-nums',
          fontSize: '0.8rem',
          fontWeight: 700,
          ...(highlight === 'error' && { bgcolor: 'error.main', color: 'error.contrastText' }),
          ...(highlight === 'warning' && { bgcolor: 'warning.main', color: 'warning.contrastText' }),
          ...(!highlight && { color: 'text.secondary' }),
        }}
      >
        {n === undefined ? '…' : n.toLocaleString(i18n.language)}
      </Box>
    </ListItemButton>
  );
}

function DashboardLink() {
  const { t } = useTranslation();
  const selected = useUiStore((s) => s.mode === 'dashboard');
  const setMode = useUiStore((s) => s.setMode);
  return (
    <ListItemButton
      selected={selected}
      aria-current={selected ? 'page' : undefined}
      onClick={() => setMode('dashboard')}
      data-testid="view-dashboard"
      sx={{ py: 0.5, borderLeft: 4, borderColor: selected ? 'primary.main' : 'transparent' }}
    >
      <ListItemIcon sx={{ minWidth: 32 }}>
        <BarChart fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={t('dashboard.open')} slotProps={{ primary: { sx: { fontWeight: selected ? 700 : 400 } } }} />
    </ListItemButton>
  );
}

/** Administrators keep the text modules and department settings here. */
function AdminLink() {
  const { t } = useTranslation();
  const selected = useUiStore((s) => s.mode === 'admin');
  const setMode = useUiStore((s) => s.setMode);
  return (
    <ListItemButton
      selected={selected}
      aria-current={selected ? 'page' : undefined}
      onClick={() => setMode('admin')}
      data-testid="view-admin"
      sx={{ py: 0.5, borderLeft: 4, borderColor: selected ? 'primary.main' : 'transparent' }}
    >
      <ListItemIcon sx={{ minWidth: 32 }}>
        <SettingsOutlined fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={t('admin.open')} slotProps={{ primary: { sx: { fontWeight: selected ? 700 : 400 } } }} />
    </ListItemButton>
  );
}

/** Left pane: the inbox views, each with its live count (a small dashboard of its own). */
export function ViewsPane() {
  const { t } = useTranslation();
  const role = useSession().data?.staff?.role;
  const forRole = (v: InboxView) => !VIEW_ROLES[v] || (role !== undefined && VIEW_ROLES[v].includes(role));
  const views = VIEW_ORDER.filter(forRole);
  const collabViews = COLLAB_VIEWS.filter(forRole);
  return (
    <Box component="nav" aria-labelledby="views-title" sx={{ overflow: 'auto', bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }}>
      <Typography id="views-title" variant="h4" component="h2" sx={{ px: 2, pt: 2, pb: 1, color: 'text.secondary' }}>
        {t('views.title')}
      </Typography>
      <List dense disablePadding>
        {views.map((view) => (
          <ViewLink key={view} view={view} />
        ))}
      </List>
      <Typography id="collab-views-title" variant="h4" component="h2" sx={{ px: 2, pt: 2, pb: 1, color: 'text.secondary' }}>
        {t('collab.viewsGroup')}
      </Typography>
      <List dense disablePadding aria-labelledby="collab-views-title">
        {collabViews.map((view) => (
          <ViewLink key={view} view={view} />
        ))}
      </List>
      <Divider sx={{ my: 1 }} />
      <List dense disablePadding>
        <DashboardLink />
        {role === 'admin' ? <AdminLink /> : null}
      </List>
    </Box>
  );
}

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorText.js';
import { useReference, useSession, useSyncStatus } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';
import { useAdminStore, type AdminSection } from './admin-store.js';
import { DepartmentSettings } from './DepartmentSettings.js';
import { TemplatesAdmin } from './TemplatesAdmin.js';

const SECTIONS: readonly AdminSection[] = ['templates', 'departments'];

/** The administrators' screen: text modules and department settings (spans the list and item panes). */
export function AdminPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const reference = useReference(Boolean(session.data));
  const sync = useSyncStatus();
  const setMode = useUiStore((s) => s.setMode);
  const section = useAdminStore((s) => s.section);
  const setSection = useAdminStore((s) => s.setSection);
  const claim = useAdminStore((s) => s.claim);
  const owner = useAdminStore((s) => s.owner);
  const staffId = session.data?.staff.id;
  useEffect(() => {
    if (staffId) claim(staffId);
  }, [staffId, claim]);
  const offline = sync.data ? !sync.data.online && sync.data.phase !== 'signed_out' : false;

  return (
    <Box
      component="main"
      aria-labelledby="admin-title"
      data-testid="admin-panel"
      sx={{ gridColumn: 'span 2', overflow: 'auto', minHeight: 0, bgcolor: 'background.default', p: 3 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography id="admin-title" variant="h1" component="h2" sx={{ flex: 1 }}>
          {t('admin.title')}
        </Typography>
        <Button variant="outlined" onClick={() => setMode('inbox')}>
          {t('admin.back')}
        </Button>
      </Box>
      {offline ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="admin-offline">
          {t('admin.offline')}
        </Alert>
      ) : null}
      <Tabs
        value={section}
        onChange={(_e, v: AdminSection) => setSection(v)}
        aria-label={t('admin.tabs.label')}
        sx={{ mb: 2, minHeight: 40, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minHeight: 40, py: 1 } }}
      >
        {SECTIONS.map((s) => (
          <Tab key={s} value={s} label={t(`admin.tabs.${s}`)} id={`admin-tab-${s}`} aria-controls={`admin-section-${s}`} data-testid={`admin-tab-${s}`} />
        ))}
      </Tabs>
      {reference.error ? <ErrorAlert error={reference.error} onRetry={() => void reference.refetch()} /> : null}
      {!reference.data || owner !== staffId ? (
        reference.isPending ? <CircularProgress aria-label={t('app.loading')} /> : null
      ) : (
        SECTIONS.map((s) => (
          // Both stay mounted: switching sections loses nothing typed into the form.
          <Box key={s} role="tabpanel" id={`admin-section-${s}`} aria-labelledby={`admin-tab-${s}`} hidden={section !== s}>
            {s === 'templates' ? <TemplatesAdmin reference={reference.data} /> : <DepartmentSettings reference={reference.data} />}
          </Box>
        ))
      )}
    </Box>
  );
}

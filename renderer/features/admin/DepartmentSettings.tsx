import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, Reference } from '../../../shared/domain/reference.js';
import { useErrorText } from '../../components/ErrorText.js';
import { useUiStore } from '../../state/ui-store.js';
import { useSetDepartmentSettings } from './admin-queries.js';

function DepartmentRow({ department, templateCount }: { department: Department; templateCount: number }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const notify = useUiStore((s) => s.notify);
  const errorText = useErrorText();
  const change = useSetDepartmentSettings();
  const [error, setError] = useState<string | null>(null);
  const name = department.name[lang] || department.name.fi;
  const saved = department.requiresApproval ?? false;
  // While it is being saved the switch shows where it is going; a refusal puts it back.
  const checked = change.isPending && change.variables ? change.variables.requiresApproval : saved;
  const ids = { name: `dept-${department.id}-name`, label: `dept-${department.id}-approval`, meta: `dept-${department.id}-meta` };

  const toggle = (requiresApproval: boolean) => {
    // Not disabled while saving (that would drop the keyboard focus); a second press waits.
    if (change.isPending) return;
    setError(null);
    change.mutate(
      { departmentId: department.id, requiresApproval },
      {
        onSuccess: (d) => notify({ text: t(d.requiresApproval ? 'admin.departments.savedOn' : 'admin.departments.savedOff', { department: name }), severity: 'success' }),
        onError: (err) => setError(t('admin.departments.notSaved', { department: name, reason: errorText(err) })),
      },
    );
  };

  return (
    <Box
      component="li"
      data-testid={`department-${department.id}`}
      sx={{ listStyle: 'none', px: 2, py: 1.25, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0 } }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: '1 1 260px', minWidth: 0 }}>
          <Typography id={ids.name} component="h3" variant="body1" sx={{ fontWeight: 700 }}>
            {name}
          </Typography>
          <Typography id={ids.meta} variant="caption" color="text.secondary">
            {department.code} · {t('admin.departments.templates', { n: templateCount })}
          </Typography>
        </Box>
        <Box component="label" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, cursor: 'pointer' }}>
          <Switch
            checked={checked}
            onChange={(e) => toggle(e.target.checked)}
            slotProps={{ input: { 'aria-labelledby': `${ids.label} ${ids.name}`, 'aria-busy': change.isPending || undefined } as object }}
          />
          <Typography id={ids.label} component="span" variant="body2">
            {t('admin.departments.requiresApproval')}
          </Typography>
          <Box sx={{ width: 20, display: 'flex', justifyContent: 'center' }} aria-hidden>
            {change.isPending ? <CircularProgress size={14} /> : null}
          </Box>
        </Box>
      </Box>
      {error ? (
        <Alert severity="error" role="alert" sx={{ mt: 1 }} data-testid={`department-${department.id}-error`}>
          {error}
        </Alert>
      ) : null}
    </Box>
  );
}

/** Each department's answering settings: whether answers need another person's approval (P11). */
export function DepartmentSettings({ reference }: { reference: Reference }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const departments = useMemo(() => [...reference.departments].sort((a, b) => (a.name[lang] || a.name.fi).localeCompare(b.name[lang] || b.name.fi, lang)), [reference.departments, lang]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const tpl of reference.templates) if (tpl.departmentId) m.set(tpl.departmentId, (m.get(tpl.departmentId) ?? 0) + 1);
    return m;
  }, [reference.templates]);
  return (
    <Paper variant="outlined" sx={{ maxWidth: 900 }}>
      <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="body2" color="text.secondary" component="p">
          {t('admin.departments.intro')}
        </Typography>
      </Box>
      <Box component="ul" aria-label={t('admin.departments.listLabel')} sx={{ m: 0, p: 0 }} data-testid="department-list">
        {departments.map((d) => (
          <DepartmentRow key={d.id} department={d} templateCount={counts.get(d.id) ?? 0} />
        ))}
      </Box>
    </Paper>
  );
}

import Refresh from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorText.js';
import { formatDateTime } from '../../lib/format.js';
import { useDashboard } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';
import { useLookup } from '../../state/use-lookup.js';
import { hds } from '../../app/hds-tokens.js';
import { Bars, PercentLine, StackedBars } from './charts.js';

const AGE_KEYS = ['under_2d', 'from_2_to_7d', 'from_7_to_14d', 'over_14d'] as const;

function Card({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: 2 }}>
      <Typography variant="h3" component="h3" sx={{ mb: hint ? 0.5 : 1.5 }}>
        {title}
      </Typography>
      {hint ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1.5 }}>
          {hint}
        </Typography>
      ) : null}
      {children}
    </Paper>
  );
}

/** The dashboard: what people would rather look at than read (ui.md). */
export function Dashboard() {
  const { t } = useTranslation();
  const theme = useTheme();
  const lang = useUiStore((s) => s.language);
  const setMode = useUiStore((s) => s.setMode);
  const lookup = useLookup();
  const data = useDashboard();
  // Age colours grow more urgent: calm blue, then info, alert (due soon) and error (overdue).
  const ageColors = [hds('color-bus-medium-light'), theme.palette.info.main, theme.palette.warning.main, theme.palette.error.main];
  const d = data.data;
  const pct = (v: number) => t('dashboard.percent', { value: Math.round(v * 100) });
  const week = (iso: string) => {
    const [, m, day] = iso.split('-');
    return t('dashboard.weekOf', { date: `${Number(day)}.${Number(m)}.` });
  };

  return (
    <Box component="section" aria-labelledby="dashboard-title" data-testid="dashboard" sx={{ gridColumn: '2 / 4', overflow: 'auto', minHeight: 0, bgcolor: 'background.default', p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
        <Typography id="dashboard-title" variant="h1" component="h2" sx={{ flex: 1 }}>
          {t('dashboard.title')}
        </Typography>
        {d ? (
          <Typography variant="body2" color="text.secondary">
            {t('dashboard.generated', { time: formatDateTime(d.generatedAt, lang) })}
          </Typography>
        ) : null}
        <Button startIcon={<Refresh />} onClick={() => void data.refetch()} disabled={data.isFetching}>
          {t('dashboard.refresh')}
        </Button>
        <Button variant="outlined" onClick={() => setMode('inbox')}>
          {t('dashboard.back')}
        </Button>
      </Box>
      {data.error ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
      {!d ? (
        data.isPending ? <CircularProgress aria-label={t('app.loading')} /> : null
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(440px, 1fr))', gap: 2, maxWidth: 1400 }}>
          <Card title={t('dashboard.openByDepartment')}>
            {d.openByDepartment.length === 0 ? (
              <Typography color="text.secondary">{t('dashboard.noOpen')}</Typography>
            ) : (
              <StackedBars
                caption={t('dashboard.openByDepartment')}
                rows={d.openByDepartment.map((r) => ({ label: lookup.department(r.departmentId) ?? t('dashboard.noDepartment'), values: r.buckets }))}
                series={AGE_KEYS.map((k) => t(`dashboard.age.${k}`))}
                colors={ageColors}
              />
            )}
          </Card>
          <Card title={t('dashboard.answeredWithinWeek')} hint={t('dashboard.answeredHint')}>
            <PercentLine
              caption={t('dashboard.answeredWithinWeek')}
              points={d.answeredWithinWeek.map((w) => ({ label: week(w.weekStart), value: w.share }))}
              color={theme.palette.primary.main}
              noData={t('dashboard.noData')}
              format={pct}
            />
          </Card>
          <Card title={t('dashboard.incomingByChannel', { days: d.incomingDays })}>
            <Bars
              caption={t('dashboard.incomingByChannel', { days: d.incomingDays })}
              bars={d.incomingByChannel.map((c) => ({ label: t(`channel.${c.channel}`), value: c.count }))}
              color={theme.palette.primary.main}
            />
          </Card>
        </Box>
      )}
    </Box>
  );
}

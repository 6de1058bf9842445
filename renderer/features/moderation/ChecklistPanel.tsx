import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import HelpOutline from '@mui/icons-material/HelpOutlined';
import HighlightOff from '@mui/icons-material/HighlightOff';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ModerationScan } from '../../../shared/api/desk-api.js';
import type { EditorTexts } from './use-moderation.js';

type Checklist = ModerationScan['checklist'];

const STATE_ICON = {
  ok: <CheckCircleOutline fontSize="small" color="success" />,
  problem: <HighlightOff fontSize="small" color="error" />,
  ask_moderator: <HelpOutline fontSize="small" color="warning" />,
} as const;

/**
 * Every P19 a-f and P17 check with its state and evidence, then the P18 advice. Evidence quotes the
 * text it points at (never the shared module's English message) so the moderator sees what to fix.
 */
export function ChecklistPanel({ checklist, texts }: { checklist: Checklist; texts: EditorTexts }) {
  const { t } = useTranslation();
  const quote = (field: 'title' | 'text' | 'answer', start: number, end: number) => (texts[field] ?? '').slice(start, end);
  return (
    <Box data-testid="publication-checklist">
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.75 }}>
        {checklist.checks.map((c) => (
          <Box component="li" key={c.code} data-testid={`check-${c.code}`} data-state={c.state} sx={{ display: 'grid', gridTemplateColumns: '24px 1fr auto', gap: 1, alignItems: 'start' }}>
            <Box sx={{ pt: 0.25 }} aria-hidden>
              {STATE_ICON[c.state]}
            </Box>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: c.state === 'ok' ? 400 : 700 }}>
                {t(`moderation.checklist.check.${c.code}`)}{' '}
                <Typography component="span" variant="caption" color="text.secondary">
                  {c.rule}
                </Typography>
              </Typography>
              {c.evidence.length > 0 ? (
                <Box component="ul" sx={{ m: 0, pl: 2, color: 'text.secondary', fontSize: '0.8rem' }}>
                  {c.evidence.slice(0, 6).map((e, i) => (
                    <li key={i}>
                      {e.field === 'item'
                        ? t(`moderation.checklist.fact.${c.code}`)
                        : e.finding
                          ? `${t(`moderation.fields.${e.field}`)}: ${t(`moderation.kind.${e.finding.kind}`)} “${quote(e.field, e.finding.start, e.finding.end)}”`
                          : e.span
                            ? `${t(`moderation.fields.${e.field}`)}: ${t('moderation.checklist.negativeWord', { word: quote(e.field, e.span.start, e.span.end) })}`
                            : e.message}
                    </li>
                  ))}
                  {c.evidence.length > 6 ? <li>{t('moderation.checklist.more', { count: c.evidence.length - 6 })}</li> : null}
                </Box>
              ) : null}
            </Box>
            <Typography variant="caption" sx={{ color: c.state === 'ok' ? 'success.dark' : c.state === 'problem' ? 'error.main' : 'warning.dark', fontWeight: 700, pt: 0.25 }}>
              {t(`moderation.checklist.state.${c.state}`)}
            </Typography>
          </Box>
        ))}
      </Box>
      <Typography variant="subtitle2" component="h4" sx={{ mt: 1.5, mb: 0.5 }}>
        {t('moderation.checklist.advice')}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {checklist.advice.map((a) => (
          <Box component="li" key={a.code} sx={{ display: 'flex', gap: 0.5, alignItems: 'center', fontSize: '0.85rem' }} data-testid={`advice-${a.code}`}>
            {a.met ? <CheckCircleOutline fontSize="small" color="success" aria-hidden /> : <HelpOutline fontSize="small" color="disabled" aria-hidden />}
            {t(`moderation.checklist.adviceCodes.${a.code}`)}
            {a.code === 'concise' ? ` (${t('moderation.checklist.chars', { count: (texts.title?.length ?? 0) + texts.text.length })})` : ''}
            <Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
              {a.met ? t('moderation.checklist.met') : t('moderation.checklist.notMet')}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

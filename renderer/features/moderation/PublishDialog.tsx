import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationFinding } from '../../../shared/api/desk-api.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { GuardHit, PublicationField } from '../../../shared/workflow/publication.js';
import { useErrorText } from '../../components/ErrorText.js';
import { storedPhotoName } from '../../../shared/domain/attachments.js';
import { PhotoStrip } from '../item/Attachments.js';

const OVERRIDE_MIN = 10;

/** The rule-based refusals of the publication mutations (P19a, guard, conflict) carry their own reason. */
export function useRefusalText() {
  const { t } = useTranslation();
  return (err: unknown): string | null =>
    err instanceof Error && 'code' in err && (err.code === 'invalid_state' || err.code === 'conflict' || err.code === 'invalid_args')
      ? t('moderation.errors.refused', { reason: err.message })
      : null;
}

/**
 * The last look before publishing (ui.md): the exact public text beside the original, every personal-data
 * finding still in it, and, when the central guard would refuse (hetu, email, phone, IBAN), a written
 * override reason that the mutation keeps in the item's history.
 */
export function PublishDialog(props: {
  open: boolean;
  item: FeedbackItem;
  publicTexts: Record<PublicationField, string | null>;
  guardHits: GuardHit[];
  remaining: Array<{ field: PublicationField; finding: ModerationFinding }>;
  kindLabel: (kind: string) => string;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onPublish: (args: { note?: string; overrideReason?: string }) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refusal = useRefusalText();
  const [override, setOverride] = useState('');
  const [note, setNote] = useState('');
  const needsOverride = props.guardHits.length > 0;
  const overrideOk = override.trim().length >= OVERRIDE_MIN;
  const { item, publicTexts } = props;
  const quote = (field: PublicationField, f: { start: number; end: number }) => (publicTexts[field] ?? '').slice(f.start, f.end);

  const column = (heading: string, title: string | null, text: string | null, answer: string | null, tone: 'original' | 'public', testId: string) => (
    <Paper
      variant="outlined"
      data-testid={testId}
      sx={(theme) => ({
        p: 1.5,
        minWidth: 0,
        ...(tone === 'public' && { borderColor: theme.palette.public.border, borderWidth: 2, bgcolor: theme.palette.public.background }),
      })}
    >
      <Typography variant="overline" component="h3" sx={{ lineHeight: 1.5 }}>
        {heading}
      </Typography>
      <Typography sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>{title || t('inbox.noTitle')}</Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.5 }}>
        {text}
      </Typography>
      {answer ? (
        <>
          <Typography variant="caption" component="p" sx={{ mt: 1.5, fontWeight: 700 }}>
            {t('moderation.fields.answer')}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {answer}
          </Typography>
        </>
      ) : null}
    </Paper>
  );

  return (
    <Dialog open={props.open} onClose={props.busy ? undefined : props.onCancel} maxWidth="lg" fullWidth aria-labelledby="publish-dialog-title">
      <DialogTitle id="publish-dialog-title">{t('moderation.confirm.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 1.5 }}>
          {t('moderation.confirm.intro')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          {column(t('moderation.confirm.original'), item.original.title, item.original.description, item.answer.sent?.text ?? null, 'original', 'publish-original')}
          {column(t('moderation.confirm.public'), publicTexts.title, publicTexts.text, publicTexts.answer, 'public', 'publish-public')}
        </Box>
        {item.attachments.some((a) => storedPhotoName(a.url)) ? (
          <Box sx={{ mt: 2 }} data-testid="publish-photos">
            <Typography variant="body2" sx={{ fontWeight: 700, mb: 0.5 }}>
              {t('moderation.confirm.photos')}
            </Typography>
            <PhotoStrip item={item} />
          </Box>
        ) : null}
        {props.remaining.length > 0 ? (
          <Alert severity={needsOverride ? 'error' : 'warning'} sx={{ mt: 2 }} data-testid="publish-remaining">
            <Typography variant="body2" sx={{ fontWeight: 700 }}>
              {needsOverride ? t('moderation.confirm.remainingGuarded') : t('moderation.confirm.remaining')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {props.remaining.map((r, i) => (
                <li key={i}>
                  {t(`moderation.fields.${r.field}`)}: {props.kindLabel(r.finding.kind)} “{quote(r.field, r.finding)}”
                  {r.finding.guarded ? ` · ${t('moderation.findings.guarded')}` : ''}
                </li>
              ))}
            </Box>
          </Alert>
        ) : (
          <Alert severity="success" sx={{ mt: 2 }}>
            {t('moderation.confirm.clean')}
          </Alert>
        )}
        {needsOverride ? (
          <TextField
            label={t('moderation.confirm.overrideReason')}
            helperText={t('moderation.confirm.overrideHelp', { count: OVERRIDE_MIN })}
            value={override}
            onChange={(e) => setOverride(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            required
            sx={{ mt: 2 }}
            slotProps={{ htmlInput: { 'data-testid': 'override-reason', maxLength: 2000 } }}
          />
        ) : null}
        <TextField
          label={t('moderation.decision.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          fullWidth
          size="small"
          sx={{ mt: 2 }}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
        {props.error ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {refusal(props.error) ?? errorText(props.error)}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} disabled={props.busy}>
          {t('moderation.confirm.cancel')}
        </Button>
        <Button
          variant="contained"
          data-testid="publish-confirm"
          disabled={props.busy || (needsOverride && !overrideOk)}
          onClick={() => props.onPublish({ note: note.trim() || undefined, overrideReason: needsOverride ? override.trim() : undefined })}
        >
          {t('moderation.confirm.publish')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

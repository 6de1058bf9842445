import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { forwardRef, useImperativeHandle, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/enums.js';
import type { Reference } from '../../../shared/domain/reference.js';
import { fillTemplate, type Placeholder } from '../../../shared/workflow/templates.js';
import { useUiStore } from '../../state/ui-store.js';
import {
  exampleContext,
  insertAt,
  PLACEHOLDER_KEYS,
  PLACEHOLDERS,
  placeholderToken,
  TEMPLATE_LANGUAGES,
  TEXT_MAX,
  TITLE_MAX,
  type DraftProblems,
  type FormProblem,
  type TemplateDraft,
} from './template-form-model.js';

/** Select values for the department field: '' would leave the field looking empty. */
const CITY = 'city';
const deptValue = (id: string | null) => (id === null ? CITY : `d:${id}`);
const deptOf = (value: string) => (value === CITY ? null : value.slice(2));

export interface TemplateFormHandle {
  focus(field: 'title' | 'text'): void;
}

/** The text of a form problem, placeholders named as typed (passed as values: i18next must not read them). */
export function useProblemText() {
  const { t } = useTranslation();
  return (p: FormProblem | undefined): string | undefined => {
    if (!p) return undefined;
    switch (p.key) {
      case 'titleRequired':
      case 'textRequired':
        return t(`admin.form.errors.${p.key}`);
      case 'titleTooLong':
      case 'textTooLong':
        return t(`admin.form.errors.${p.key}`, { max: p.max });
      case 'unknownInTitle':
        return t('admin.form.errors.unknownInTitle', { names: p.names.map(placeholderToken).join(', ') });
      case 'unknownPlaceholders':
        return t('admin.form.errors.unknownPlaceholders', { names: p.names.map(placeholderToken).join(', '), allowed: PLACEHOLDERS.map(placeholderToken).join(', ') });
    }
  };
}

/** The preview text with what is still a placeholder after filling (a typo) marked. */
function PreviewText({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts = text.split(/(\{\{[^{}]*\}\})/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Box
            component="mark"
            key={i}
            title={t('admin.form.unknownMark')}
            sx={{ bgcolor: 'transparent', color: 'error.main', fontWeight: 700, textDecoration: 'underline wavy', textDecorationColor: 'currentColor' }}
          >
            {part}
          </Box>
        ) : (
          part
        ),
      )}
    </>
  );
}

export const TemplateForm = forwardRef<TemplateFormHandle, {
  draft: TemplateDraft;
  onChange(draft: TemplateDraft): void;
  reference: Reference;
  /** Problems to show now (the form shows missing fields only once saving was tried). */
  problems: DraftProblems;
  dirty: boolean;
  busy: boolean;
  error: string | null;
  onSave(): void;
  onRevert(): void;
  onDelete(): void;
}>(function TemplateForm({ draft, onChange, reference, problems, dirty, busy, error, onSave, onRevert, onDelete }, ref) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const titleRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const problemText = useProblemText();
  useImperativeHandle(ref, () => ({ focus: (field) => (field === 'title' ? titleRef.current : textRef.current)?.focus() }), []);

  const departments = useMemo(() => [...reference.departments].sort((a, b) => (a.name[lang] || a.name.fi).localeCompare(b.name[lang] || b.name.fi, lang)), [reference.departments, lang]);
  // Example names in the template's language: the preview reads as the citizen would read it.
  const names = { sender: t('admin.example.senderName', { lng: draft.language }), responder: t('admin.example.responderName', { lng: draft.language }) };
  const preview = fillTemplate(draft.text, exampleContext(reference, draft, names));

  const insert = (name: Placeholder) => {
    const el = textRef.current;
    const start = el?.selectionStart ?? draft.text.length;
    const end = el?.selectionEnd ?? start;
    const next = insertAt(draft.text, start, end, placeholderToken(name));
    onChange({ ...draft, text: next.text });
    requestAnimationFrame(() => {
      textRef.current?.focus();
      textRef.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!busy) onSave();
    }
  };

  const titleError = problemText(problems.title);
  const textError = problemText(problems.text);

  return (
    <Paper
      variant="outlined"
      component="form"
      aria-labelledby="template-form-title"
      data-testid="template-form"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSave();
      }}
      sx={{ p: 2, display: 'grid', gap: 2 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
        <Typography id="template-form-title" variant="h3" component="h3" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          {draft.id ? t('admin.form.editTitle') : t('admin.form.newTitle')}
        </Typography>
        {dirty ? (
          <Typography variant="caption" data-testid="template-unsaved" sx={{ px: 1, py: 0.25, fontWeight: 700, border: 1, borderColor: 'warning.dark', color: 'text.primary', bgcolor: 'warning.light' }}>
            {t('admin.form.unsaved')}
          </Typography>
        ) : null}
      </Box>

      <TextField
        inputRef={titleRef}
        label={t('admin.form.title')}
        required
        value={draft.title}
        onChange={(e) => onChange({ ...draft, title: e.target.value })}
        error={titleError !== undefined}
        helperText={titleError ?? t('admin.form.length', { n: draft.title.length, max: TITLE_MAX })}
        slotProps={{ htmlInput: { maxLength: TITLE_MAX, 'data-testid': 'template-title' } }}
      />

      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, 160px) minmax(0, 1fr)', gap: 2 }}>
        <TextField
          select
          label={t('admin.form.language')}
          value={draft.language}
          onChange={(e) => onChange({ ...draft, language: e.target.value as Language })}
         
        >
          {TEMPLATE_LANGUAGES.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`language.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('admin.form.department')}
          value={deptValue(draft.departmentId)}
          onChange={(e) => onChange({ ...draft, departmentId: deptOf(e.target.value) })}
         
        >
          <MenuItem value={CITY}>{t('admin.form.cityWide')}</MenuItem>
          {departments.map((d) => (
            <MenuItem key={d.id} value={deptValue(d.id)}>
              {d.name[lang] || d.name.fi}
            </MenuItem>
          ))}
        </TextField>
      </Box>

      <TextField
        inputRef={textRef}
        label={t('admin.form.text')}
        required
        multiline
        minRows={8}
        maxRows={22}
        value={draft.text}
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
        error={textError !== undefined}
        helperText={textError ?? t('admin.form.length', { n: draft.text.length, max: TEXT_MAX })}
        slotProps={{ htmlInput: { maxLength: TEXT_MAX, lang: draft.language, spellCheck: true, 'data-testid': 'template-text', 'aria-describedby': 'template-placeholders-hint' } }}
      />

      <Box component="section" aria-labelledby="template-placeholders-title">
        <Typography id="template-placeholders-title" variant="h4" component="h4" sx={{ mb: 0.5 }}>
          {t('admin.form.placeholders')}
        </Typography>
        <Typography id="template-placeholders-hint" variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {t('admin.form.placeholdersHint')}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} data-testid="template-placeholders">
          {PLACEHOLDERS.map((p) => (
            <Button
              key={p}
              variant="outlined"
              // Keep the caret where it was in the text until the insert puts it back there.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insert(p)}
              aria-label={t('admin.form.insert', { placeholder: placeholderToken(p), description: t(`admin.placeholder.${PLACEHOLDER_KEYS[p]}`) })}
              sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', py: 0.25, px: 1, lineHeight: 1.3 }}
            >
              <Box component="code" sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.8rem' }}>
                {placeholderToken(p)}
              </Box>
              <Box component="span" sx={{ fontSize: '0.72rem', fontWeight: 400, color: 'text.secondary' }}>
                {t(`admin.placeholder.${PLACEHOLDER_KEYS[p]}`)}
              </Box>
            </Button>
          ))}
        </Box>
      </Box>

      {error ? (
        <Alert severity="error" role="alert" data-testid="template-error">
          {error}
        </Alert>
      ) : null}

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" disabled={busy} data-testid="template-save">
          {busy ? t('admin.form.saving') : t('admin.form.save')}
        </Button>
        <Button onClick={onRevert} disabled={busy || !dirty}>
          {draft.id ? t('admin.form.revert') : t('admin.form.reset')}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {t('admin.form.submitHint')}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {draft.id ? (
          <Button color="error" variant="outlined" startIcon={<DeleteOutlined />} onClick={onDelete} disabled={busy} data-testid="template-delete">
            {t('admin.form.delete')}
          </Button>
        ) : null}
      </Box>
      <Box
        component="section"
        aria-labelledby="template-preview-title"
        data-testid="template-preview"
        sx={(theme) => ({ p: 1.5, border: 2, borderColor: theme.palette.public.border, bgcolor: theme.palette.public.background })}
      >
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
          <Typography id="template-preview-title" variant="h4" component="h4" sx={{ flex: 1 }}>
            {t('admin.form.preview')}
          </Typography>
          <Box component="span" sx={(theme) => ({ px: 1, py: 0.25, fontSize: '0.75rem', fontWeight: 700, color: theme.palette.success.contrastText, bgcolor: theme.palette.success.main })}>
            {t('admin.form.publicLabel')}
          </Box>
        </Box>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {t('admin.form.previewHint', { responder: names.responder })}
        </Typography>
        {draft.text.trim() === '' ? (
          <Typography variant="body2" color="text.secondary">
            {t('admin.form.previewEmpty')}
          </Typography>
        ) : (
          <Box lang={draft.language} data-testid="template-preview-text" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.55, fontSize: '0.875rem' }}>
            <PreviewText text={preview} />
          </Box>
        )}
      </Box>

    </Paper>
  );
});

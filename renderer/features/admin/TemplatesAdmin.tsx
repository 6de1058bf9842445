import Add from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../shared/api/desk-api.js';
import type { Language } from '../../../shared/domain/enums.js';
import type { AnswerTemplate, Reference } from '../../../shared/domain/reference.js';
import { unknownPlaceholders } from '../../../shared/workflow/templates.js';
import { useErrorText } from '../../components/ErrorText.js';
import { formatDateTime } from '../../lib/format.js';
import { useUiStore } from '../../state/ui-store.js';
import { useLookup } from '../../state/use-lookup.js';
import { useDeleteTemplate, useSaveTemplate } from './admin-queries.js';
import { useAdminStore } from './admin-store.js';
import { TemplateForm, useProblemText, type TemplateFormHandle } from './TemplateForm.js';
import {
  checkDraft,
  draftOf,
  filterTemplates,
  hasProblems,
  newDraft,
  sameDraft,
  TEMPLATE_LANGUAGES,
  toSaveArgs,
  type DepartmentFilter,
  type DraftProblems,
  type TemplateDraft,
} from './template-form-model.js';

const filterValue = (f: DepartmentFilter) => (f.kind === 'department' ? `d:${f.id}` : f.kind);
const filterOf = (v: string): DepartmentFilter => (v === 'all' || v === 'city' ? { kind: v } : { kind: 'department', id: v.slice(2) });

function ConfirmDialog({ open, title, body, confirm, cancel, danger, busy, onConfirm, onClose, testId }: {
  open: boolean;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onClose(): void;
  testId: string;
}) {
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={`${testId}-title`} aria-describedby={`${testId}-body`} maxWidth="xs" fullWidth data-testid={testId}>
      <DialogTitle id={`${testId}-title`}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${testId}-body`}>{body}</DialogContentText>
      </DialogContent>
      <DialogActions>
        {/* The safe choice has the focus: Enter right after opening loses nothing. */}
        <Button onClick={onClose} autoFocus>
          {cancel}
        </Button>
        <Button variant="contained" color={danger ? 'error' : 'primary'} onClick={onConfirm} disabled={busy} data-testid={`${testId}-confirm`}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Text modules: the list with its filters beside the form that creates or changes one. */
export function TemplatesAdmin({ reference }: { reference: Reference }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const notify = useUiStore((s) => s.notify);
  const lookup = useLookup();
  const errorText = useErrorText();
  const problemText = useProblemText();
  const save = useSaveTemplate();
  const remove = useDeleteTemplate();
  const form = useRef<TemplateFormHandle>(null);

  const { department, language, baseline, draft, attempted, setFilter, setDraft, setBaseline, setAttempted, load: loadDraft } = useAdminStore();
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  /** What to do once the admin agrees to drop unsaved changes (open another template, start a new one). */
  const [pendingSwitch, setPendingSwitch] = useState<TemplateDraft | null>(null);

  const departmentName = (id: string) => lookup.department(id) ?? id;
  const shown = useMemo(
    () => filterTemplates(reference.templates, { department, language }, (id) => lookup.department(id) ?? id),
    [reference.templates, department, language, lookup],
  );
  const departments = useMemo(() => [...reference.departments].sort((a, b) => (a.name[lang] || a.name.fi).localeCompare(b.name[lang] || b.name.fi, lang)), [reference.departments, lang]);
  const dirty = !sameDraft(draft, baseline);

  const all = checkDraft(draft);
  // Unknown placeholders are named as soon as they are typed; missing fields once saving was tried.
  const live: DraftProblems = attempted
    ? all
    : {
        title: all.title?.key === 'unknownInTitle' ? all.title : undefined,
        text: all.text?.key === 'unknownPlaceholders' ? all.text : undefined,
      };

  const load = (next: TemplateDraft) => {
    loadDraft(next);
    setError(null);
    save.reset();
  };
  const open = (next: TemplateDraft) => {
    if (dirty) setPendingSwitch(next);
    else load(next);
  };
  /** A new template starts in the department and language the list is filtered to. */
  const fresh = () => newDraft({ language: language === 'all' ? 'fi' : language, departmentId: department.kind === 'department' ? department.id : null });

  const onSave = () => {
    setAttempted(true);
    const problems = checkDraft(draft);
    if (hasProblems(problems)) {
      setError(t('admin.form.errors.fix'));
      form.current?.focus(problems.title ? 'title' : 'text');
      return;
    }
    setError(null);
    const sent = draft;
    save.mutate(toSaveArgs(sent), {
      onSuccess: (saved: AnswerTemplate) => {
        const next = draftOf(saved);
        setBaseline(next);
        // Typed on while it was saving: keep that, now as changes to the saved template.
        setDraft((current) => (sameDraft(current, sent) ? next : { ...current, id: saved.id }));
        setAttempted(false);
        notify({ text: t('admin.form.saved', { title: saved.title }), severity: 'success' });
      },
      onError: (err) => {
        // The form keeps every text; only the reason is added.
        let reason = errorText(err);
        const names = unknownPlaceholders(`${sent.title}\n${sent.text}`);
        if (err instanceof DeskError && err.code === 'unknown_placeholder' && names.length > 0) {
          reason = problemText({ key: 'unknownPlaceholders', names }) ?? reason;
        }
        setError(t('admin.form.notSaved', { reason }));
      },
    });
  };

  const onDelete = () => {
    const id = draft.id;
    if (!id) return;
    const title = baseline.title;
    remove.mutate(
      { id },
      {
        onSuccess: () => {
          setConfirmDelete(false);
          load(fresh());
          notify({ text: t('admin.form.deleted', { title }), severity: 'success' });
        },
        onError: (err) => {
          setConfirmDelete(false);
          setError(t('admin.form.notSaved', { reason: errorText(err) }));
        },
      },
    );
  };

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(440px, 1fr)' }, gap: 2, alignItems: 'start' }}>
      <Paper variant="outlined" component="section" aria-labelledby="template-list-title" sx={{ p: 2, minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <Typography id="template-list-title" variant="h3" component="h3" sx={{ flex: 1 }}>
            {t('admin.templates.listLabel')}
          </Typography>
          <Button variant="outlined" startIcon={<Add />} onClick={() => open(fresh())} data-testid="template-new">
            {t('admin.templates.new')}
          </Button>
        </Box>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1.5 }}>
          {t('admin.templates.intro')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
          <TextField
            select
            label={t('admin.templates.filterDepartment')}
            value={filterValue(department)}
            onChange={(e) => setFilter({ department: filterOf(e.target.value) })}
            sx={{ minWidth: 220, flex: '1 1 220px' }}
          >
            <MenuItem value="all">{t('admin.templates.allDepartments')}</MenuItem>
            <MenuItem value="city">{t('admin.form.cityWide')}</MenuItem>
            {departments.map((d) => (
              <MenuItem key={d.id} value={`d:${d.id}`}>
                {d.name[lang] || d.name.fi}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('admin.templates.filterLanguage')}
            value={language}
            onChange={(e) => setFilter({ language: e.target.value as Language | 'all' })}
            sx={{ minWidth: 150 }}
          >
            <MenuItem value="all">{t('admin.templates.allLanguages')}</MenuItem>
            {TEMPLATE_LANGUAGES.map((l) => (
              <MenuItem key={l} value={l}>
                {t(`language.${l}`)}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2" color="text.secondary" role="status" sx={{ ml: 'auto' }}>
            {t('admin.templates.shown', { shown: shown.length, total: reference.templates.length })}
          </Typography>
        </Box>
        {shown.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 2 }}>
            {t('admin.templates.none')}
          </Typography>
        ) : (
          <Table size="small" aria-labelledby="template-list-title" data-testid="template-list">
            <TableHead>
              <TableRow>
                <TableCell>{t('admin.templates.columns.title')}</TableCell>
                <TableCell>{t('admin.templates.columns.department')}</TableCell>
                <TableCell>{t('admin.templates.columns.language')}</TableCell>
                <TableCell>{t('admin.templates.columns.updated')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((tpl) => {
                const editing = tpl.id === draft.id;
                const by = lookup.staff(tpl.updatedBy);
                const time = formatDateTime(tpl.updatedAt, lang);
                return (
                  <TableRow
                    key={tpl.id}
                    hover
                    selected={editing}
                    data-testid="template-row"
                    data-template-id={tpl.id}
                    onClick={() => !editing && open(draftOf(tpl))}
                    sx={{ cursor: 'pointer', '& td': { verticalAlign: 'top' }, ...(editing && { boxShadow: (theme) => `inset 4px 0 0 ${theme.palette.primary.main}` }) }}
                  >
                    <TableCell sx={{ overflowWrap: 'break-word', minWidth: 140 }}>
                      <Link
                        component="button"
                        type="button"
                        underline="hover"
                        aria-current={editing ? 'true' : undefined}
                        onClick={(e) => {
                          e.stopPropagation();
                          if (!editing) open(draftOf(tpl));
                        }}
                        sx={{ textAlign: 'left', fontWeight: editing ? 700 : 600, font: 'inherit' }}
                      >
                        {tpl.title}
                      </Link>
                      {editing ? (
                        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          {t('admin.templates.editing')}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell sx={{ color: tpl.departmentId === null ? 'text.secondary' : undefined }}>
                      {tpl.departmentId === null ? t('admin.templates.cityWide') : departmentName(tpl.departmentId)}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`language.${tpl.language}`)}</TableCell>
                    <TableCell sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{time}</Box>
                      {by ? (
                        <Box component="span" sx={{ display: 'block', fontSize: '0.75rem' }}>
                          {by}
                        </Box>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Paper>

      <Box sx={{ minWidth: 0 }}>
        <TemplateForm
          ref={form}
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            if (error && !save.isPending) setError(null);
          }}
          reference={reference}
          problems={live}
          dirty={dirty}
          busy={save.isPending || remove.isPending}
          error={error}
          onSave={onSave}
          onRevert={() => load(draft.id ? baseline : fresh())}
          onDelete={() => setConfirmDelete(true)}
        />
      </Box>

      <ConfirmDialog
        open={confirmDelete}
        testId="template-delete-dialog"
        title={t('admin.deleteDialog.title')}
        body={t('admin.deleteDialog.body', { title: baseline.title })}
        confirm={t('admin.deleteDialog.confirm')}
        cancel={t('admin.deleteDialog.cancel')}
        danger
        busy={remove.isPending}
        onConfirm={onDelete}
        onClose={() => setConfirmDelete(false)}
      />
      <ConfirmDialog
        open={pendingSwitch !== null}
        testId="template-discard-dialog"
        title={t('admin.discardDialog.title')}
        body={t('admin.discardDialog.body')}
        confirm={t('admin.discardDialog.confirm')}
        cancel={t('admin.discardDialog.cancel')}
        onConfirm={() => {
          if (pendingSwitch) load(pendingSwitch);
          setPendingSwitch(null);
        }}
        onClose={() => setPendingSwitch(null)}
      />
    </Box>
  );
}


import PublicOutlined from '@mui/icons-material/PublicOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import { useTheme } from '@mui/material/styles';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationFinding } from '../../../shared/api/desk-api.js';
import { PublicationReason, type FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { placeholderFor, type FindingKind } from '../../../shared/moderation/index.js';
import { may } from '../../../shared/workflow/permissions.js';
import {
  PUBLICATION_FIELDS,
  publicationChecklist,
  publicationGuard,
  publishableText,
  type PublicationField,
} from '../../../shared/workflow/publication.js';
import { useErrorText } from '../../components/ErrorText.js';
import { formatDateTime } from '../../lib/format.js';
import { useRejected } from '../../state/queries.js';
import { useActor } from '../../state/use-actor.js';
import { useLookup } from '../../state/use-lookup.js';
import { useUiStore } from '../../state/ui-store.js';
import { ChecklistPanel } from './ChecklistPanel.js';
import { DiffView } from './DiffView.js';
import { applyReplacements, dismissKey, redactFindings } from './editor-model.js';
import { findingTone, MarkedTextArea, type SpellMark } from './MarkedTextArea.js';
import { PublishDialog, useRefusalText } from './PublishDialog.js';
import { RejectedPublicationChanges } from './RejectedPublicationChanges.js';
import { useDebounced, useModerationScan, usePublicationMutation, useSpellcheck, type EditorTexts } from './use-moderation.js';

const ALL_REASONS = PublicationReason.options;
// The item pane's width, not the window's, decides whether original and editor fit side by side.
const WIDE = '@container publication (min-width: 700px)';
const PUBLICATION_MUTATIONS = ['editPublication', 'decidePublication', 'publish'];
// Below this the engine's findings are "maybe" hints: shown in the editor, not counted by the checklist.
const HINT_SCORE = 0.4;

function savedTexts(item: FeedbackItem): EditorTexts {
  const p = publishableText(item);
  return { title: p.title ?? '', text: p.text ?? '', answer: p.answer ?? '' };
}
const same = (a: EditorTexts, b: EditorTexts) => a.title === b.title && a.text === b.text && a.answer === b.answer;

type Local = Partial<Record<PublicationField, { forText: string; findings: ModerationFinding[]; spelling: SpellMark[] }>>;

/** The item's "Julkaisu / Publicering / Publication" section: moderation editor, checklist and decision (P14-P24). */
export function PublicationSection({ item }: { item: FeedbackItem }) {
  const actor = useActor();
  const canModerate = actor !== null && may(actor, 'moderate', item);
  if (!canModerate) return <PublicationSummary item={item} />;
  return <PublicationEditor key={item.id} item={item} />;
}

function SectionFrame({ children, badge }: { children: ReactNode; badge?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="publication-title"
      data-testid="section-publication"
      sx={(theme) => ({ p: 2, bgcolor: theme.palette.public.background, borderColor: theme.palette.public.border, borderWidth: 2, containerType: 'inline-size', containerName: 'publication' })}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
        <Box sx={{ display: 'flex', color: 'text.secondary' }} aria-hidden>
          <PublicOutlined fontSize="small" />
        </Box>
        <Typography id="publication-title" variant="h3" component="h3" sx={{ flex: 1 }}>
          {t('moderation.section')}
        </Typography>
        {badge}
        <Box
          component="span"
          sx={(theme) => ({ px: 1, py: 0.25, fontSize: '0.75rem', fontWeight: 700, color: theme.palette.success.contrastText, bgcolor: theme.palette.success.main })}
        >
          {t('moderation.publicLabel')}
        </Box>
      </Box>
      {children}
    </Paper>
  );
}

function StateLine({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const lookup = useLookup();
  const p = item.publication;
  const d = p.decision;
  const who = d?.by ? (lookup.staff(d.by) ?? d.by) : '';
  return (
    <Typography variant="body2" data-testid="publication-state" data-state={p.state} sx={{ mb: 1 }}>
      <strong>{t(`moderation.state.${p.state}`)}</strong>
      {p.state === 'published' && p.publishedAt ? ` · ${formatDateTime(p.publishedAt, lang)}${who ? ` · ${who}` : ''}` : ''}
      {p.state === 'withheld' && d ? ` · ${d.reasons.map((r) => t(`moderation.reasons.${r}`)).join(', ')}${who ? ` · ${who}` : ''}` : ''}
      {d?.note ? ` · “${d.note}”` : ''}
      {p.override ? ` · ${t('moderation.decision.overridden', { reason: p.override.reason })}` : ''}
    </Typography>
  );
}

/** For staff who may not moderate: the state and the public text, read-only. */
function PublicationSummary({ item }: { item: FeedbackItem }) {
  const p = publishableText(item);
  return (
    <SectionFrame>
      <StateLine item={item} />
      {item.publication.state === 'published' ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {p.text}
        </Typography>
      ) : null}
    </SectionFrame>
  );
}

function PublicationEditor({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const lang = useUiStore((s) => s.language);
  const errorText = useErrorText();
  const refusal = useRefusalText();
  const mutation = usePublicationMutation();
  const language = item.language;
  const version = item.publication.version ?? 0;
  const published = item.publication.state === 'published';

  const saved = useMemo(() => savedTexts(item), [item]);
  const [loaded, setLoaded] = useState(saved);
  const [draft, setDraft] = useState(saved);
  const [base, setBase] = useState(version);
  const [local, setLocal] = useState<Local>({});
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [ignored, setIgnored] = useState<Set<string>>(new Set());
  const [tab, setTab] = useState<'edit' | 'diff' | 'edits'>('edit');
  const [conflict, setConflict] = useState<EditorTexts | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  const [reasons, setReasons] = useState<Set<PublicationReason>>(new Set());
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const dirty = !same(draft, loaded);
  const rejected = useRejected();

  // Someone (this desk after a save, or a pull) changed the saved version: follow it unless the moderator is mid-edit.
  useEffect(() => {
    if (!dirty && !same(saved, loaded)) {
      setDraft(saved);
      setLoaded(saved);
      setBase(version);
    } else if (!dirty) setBase(version);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved, version]);

  const debounced = useDebounced(draft, 400);
  const scan = useModerationScan(item, debounced);
  const spell = {
    title: useSpellcheck(debounced.title ?? '', language),
    text: useSpellcheck(debounced.text, language),
    answer: useSpellcheck(debounced.answer ?? '', language),
  };

  const textOf = (field: PublicationField, texts: EditorTexts = draft) => texts[field] ?? '';
  const marksFor = (field: PublicationField) => {
    const text = textOf(field);
    const sc = scan.data && (scan.data.texts[field] ?? '') === text ? scan.data.findings[field] : null;
    const q = spell[field];
    const sp = q.data && !q.isPlaceholderData && textOf(field, debounced) === text ? q.data.issues : null;
    const l = local[field]?.forText === text ? local[field] : undefined;
    return {
      findings: (sc ?? l?.findings ?? []).filter((f) => !dismissed.has(dismissKey(field, f.kind, text, f))),
      spelling: text ? (sp ?? l?.spelling ?? []).filter((s) => !ignored.has(s.word.toLowerCase())) : [],
    };
  };
  const marks = Object.fromEntries(PUBLICATION_FIELDS.map((f) => [f, marksFor(f)])) as Record<PublicationField, ReturnType<typeof marksFor>>;

  const setField = (field: PublicationField, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const replaceIn = (field: PublicationField, next: { text: string; findings: ModerationFinding[]; spelling: SpellMark[] }) => {
    setDraft((d) => ({ ...d, [field]: next.text }));
    setLocal((l) => ({ ...l, [field]: { forText: next.text, findings: next.findings, spelling: next.spelling } }));
  };
  const redact = (field: PublicationField, targets: ModerationFinding[]) => {
    const m = marks[field];
    const text = textOf(field);
    const rest = m.findings.filter((f) => !targets.includes(f));
    const a = redactFindings(text, targets, language, rest);
    const b = redactFindings(text, targets, language, m.spelling);
    replaceIn(field, { text: a.text, findings: a.marks, spelling: b.marks });
  };
  const replaceWord = (field: PublicationField, s: SpellMark, replacement: string) => {
    const m = marks[field];
    const text = textOf(field);
    const r = [{ start: s.start, end: s.end, text: replacement }];
    const a = applyReplacements(text, r, m.findings);
    const b = applyReplacements(text, r, m.spelling.filter((x) => x !== s));
    replaceIn(field, { text: a.text, findings: a.marks, spelling: b.marks });
  };
  const dismiss = (field: PublicationField, f: ModerationFinding) => setDismissed((d) => new Set(d).add(dismissKey(field, f.kind, textOf(field), f)));

  const kindLabel = (kind: string) => t(`moderation.kind.${kind as FindingKind}`);

  // The checklist the moderator sees follows the editor: dismissed findings and "maybe" hints do not count.
  const checklist = useMemo(
    () =>
      publicationChecklist({
        item,
        texts: draft,
        findings: Object.fromEntries(PUBLICATION_FIELDS.map((f) => [f, marks[f].findings.filter((x) => x.score >= HINT_SCORE || x.guarded)])),
        duplicateOfState: item.duplicateOf ? (scan.data?.duplicateOfState ?? undefined) : null,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [item, draft, scan.data, dismissed, local],
  );
  const automatic = checklist.automaticWithhold;
  const publicTexts = publishableText(item);
  const guardHits = publicationGuard(publicTexts);
  const remaining = dirty
    ? []
    : PUBLICATION_FIELDS.flatMap((field) => marks[field].findings.filter((f) => f.score >= HINT_SCORE || f.guarded).map((finding) => ({ field, finding })));
  // guarded identifiers the moderator dismissed still block: list them too
  for (const h of guardHits)
    if (!remaining.some((r) => r.field === h.field && r.finding.start === h.finding.start))
      remaining.push({ field: h.field, finding: { ...h.finding, guarded: true } });

  const save = (texts: EditorTexts, baseVersion: number) => {
    setStatus(null);
    mutation.mutate(
      {
        name: 'editPublication',
        args: {
          itemId: item.id,
          title: texts.title?.trim() ? texts.title : null,
          text: texts.text,
          // keep the answer untouched unless the moderator edited it ('' = publish without an answer)
          ...(texts.answer !== saved.answer && { answer: texts.answer ?? '' }),
          baseVersion,
        },
      },
      {
        onSuccess: ({ item: next }) => {
          const nextSaved = savedTexts(next);
          setLoaded(nextSaved);
          setDraft(nextSaved);
          setBase(next.publication.version ?? 0);
          setStatus({ kind: 'saved', text: t('moderation.saved', { version: next.publication.version ?? 0 }) });
        },
        onError: (err) => {
          if (err instanceof Error && 'code' in err && err.code === 'conflict') setConflict(savedTexts(item));
          else setStatus({ kind: 'error', text: refusal(err) ?? errorText(err) });
        },
      },
    );
  };

  const decide = (decision: 'publish' | 'withhold', extra: { note?: string; overrideReason?: string; reasons?: PublicationReason[] }) =>
    mutation.mutate(
      { name: 'decidePublication', args: { itemId: item.id, decision, reasons: extra.reasons ?? [], ...(extra.note && { note: extra.note }), ...(extra.overrideReason && { overrideReason: extra.overrideReason }) } },
      {
        onSuccess: () => {
          setPublishOpen(false);
          setNote('');
          setReasons(new Set());
          setStatus({ kind: 'saved', text: decision === 'publish' ? t('moderation.decision.publishedNow') : t('moderation.decision.withheldNow') });
        },
        onError: (err) => {
          if (decision === 'withhold') setStatus({ kind: 'error', text: refusal(err) ?? errorText(err) });
        },
      },
    );

  const publishBlocked: string | null =
    automatic.length > 0
      ? t('moderation.decision.blockedAutomatic')
      : item.restricted
        ? t('moderation.decision.blockedRestricted')
        : item.inappropriate
          ? t('moderation.decision.blockedInappropriate')
          : published
            ? t('moderation.decision.alreadyPublished')
            : dirty
              ? t('moderation.decision.saveFirst')
              : !draft.text.trim()
                ? t('moderation.decision.emptyText')
                : null;

  const spellUnavailable = (() => {
    const a = spell.text.data?.available[language] ?? spell.title.data?.available[language];
    if (a === undefined || a === true) return null;
    return language === 'fi' ? t('moderation.spelling.unavailableFi', { reason: a }) : t('moderation.spelling.unavailable', { language: t(`language.${language}`), reason: a });
  })();

  const allFindings = PUBLICATION_FIELDS.flatMap((field) => marks[field].findings.map((f) => ({ field, f })));
  const sureFindings = allFindings.filter(({ f }) => f.score >= HINT_SCORE || f.guarded);

  const original = (
    <Paper variant="outlined" sx={{ p: 1.5, minWidth: 0, bgcolor: 'background.default' }} data-testid="publication-original">
      <Typography variant="overline" component="h4" sx={{ lineHeight: 1.5 }}>
        {t('moderation.original')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t('moderation.fields.title')}
      </Typography>
      <Typography sx={{ fontWeight: 700, mb: 1, overflowWrap: 'anywhere' }}>{item.original.title || '–'}</Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t('moderation.fields.text')}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.6 }}>
        {item.original.description}
      </Typography>
      {item.answer.sent ? (
        <>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {t('moderation.fields.answer')}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.6 }}>
            {item.answer.sent.text}
          </Typography>
        </>
      ) : null}
    </Paper>
  );

  const editorField = (field: PublicationField) => (
    <Box key={field} sx={{ mb: 1.25 }}>
      <Typography component="label" htmlFor={`publication-${field}`} variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.25 }}>
        {t(`moderation.fields.${field}`)}
        {field === 'answer' && !draft.answer ? ` · ${t('moderation.noAnswer')}` : ''}
      </Typography>
      <MarkedTextArea
        id={`publication-${field}`}
        label={t(`moderation.fields.${field}`)}
        value={textOf(field)}
        onChange={(v) => setField(field, v)}
        findings={marks[field].findings}
        spelling={marks[field].spelling}
        placeholderFor={(f) => placeholderFor(f.kind, language)}
        onRedact={(f) => redact(field, [f])}
        onDismiss={(f) => dismiss(field, f)}
        onReplaceWord={(s, r) => replaceWord(field, s, r)}
        onIgnoreWord={(s) => setIgnored((i) => new Set(i).add(s.word.toLowerCase()))}
        singleLine={field === 'title'}
        minRows={field === 'title' ? 1 : field === 'text' ? 5 : 3}
        readOnly={published}
        kindLabel={(f) => `${kindLabel(f.kind)}: ${f.explanation}`}
      />
    </Box>
  );

  return (
    <SectionFrame badge={dirty ? <Chip size="small" color="warning" label={t('moderation.unsaved')} data-testid="publication-dirty" /> : undefined}>
      <StateLine item={item} />
      <RejectedPublicationChanges
        rejected={(rejected.data ?? []).filter((r) => r.itemId === item.id && PUBLICATION_MUTATIONS.includes(r.name))}
        onKeepMine={(mine) => {
          const texts = { title: mine.title ?? '', text: mine.text ?? '', answer: mine.answer ?? saved.answer };
          setDraft(texts);
          save(texts, version);
        }}
      />
      {automatic.length > 0 ? (
        <Alert severity="info" sx={{ mb: 1.5 }} data-testid="publication-automatic">
          {t('moderation.checklist.automatic', { reasons: automatic.map((r) => t(`moderation.reasons.${r}`)).join(', ') })}
        </Alert>
      ) : null}
      {published ? (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          {t('moderation.publishedLocked')}
        </Alert>
      ) : null}

      <Tabs value={tab} onChange={(_, v) => setTab(v)} variant="scrollable" scrollButtons="auto" sx={{ minHeight: 36, mb: 1.5, '& .MuiTab-root': { minHeight: 36, py: 0.5 } }}>
        <Tab value="edit" label={t('moderation.tabs.edit')} data-testid="publication-tab-edit" />
        <Tab value="diff" label={t('moderation.tabs.diff')} data-testid="publication-tab-diff" />
        <Tab value="edits" label={t('moderation.tabs.edits', { count: item.publication.edits?.length ?? 0 })} data-testid="publication-tab-edits" />
      </Tabs>

      {tab === 'edit' ? (
        <>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr', [WIDE]: { gridTemplateColumns: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
            {original}
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="overline" component="h4" sx={{ lineHeight: 1.5 }}>
                {t('moderation.publishable')}
              </Typography>
              {PUBLICATION_FIELDS.map(editorField)}
            </Box>
          </Box>

          {spellUnavailable ? (
            <Alert severity="warning" sx={{ mt: 1 }} data-testid="spelling-unavailable">
              {spellUnavailable}
            </Alert>
          ) : null}
          {scan.data && !scan.data.lexiconLoaded ? (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {t('moderation.lexiconMissing')}
            </Alert>
          ) : null}
          {scan.error ? (
            <Alert severity="error" sx={{ mt: 1 }}>
              {errorText(scan.error)}
            </Alert>
          ) : null}

          <Box sx={{ mt: 1.5 }} data-testid="publication-findings">
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
              <Typography variant="subtitle2" component="h4" sx={{ flex: 1 }}>
                {t('moderation.findings.title')}
                {scan.isFetching ? ` · ${t('moderation.findings.checking')}` : ''}
              </Typography>
              {sureFindings.length > 1 && !published ? (
                <Button
                  size="small"
                  data-testid="redact-all"
                  onClick={() => {
                    for (const field of PUBLICATION_FIELDS) {
                      const targets = marks[field].findings.filter((f) => f.score >= HINT_SCORE || f.guarded);
                      if (targets.length > 0) redact(field, targets);
                    }
                  }}
                >
                  {t('moderation.findings.redactAll', { count: sureFindings.length })}
                </Button>
              ) : null}
              {dismissed.size > 0 ? (
                <Button size="small" onClick={() => setDismissed(new Set())}>
                  {t('moderation.findings.restore', { count: dismissed.size })}
                </Button>
              ) : null}
            </Box>
            {allFindings.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {scan.isPending ? t('moderation.findings.checking') : t('moderation.findings.none')}
              </Typography>
            ) : (
              <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.5 }}>
                {allFindings.map(({ field, f }) => (
                  <Box
                    component="li"
                    key={`${field}-${f.start}-${f.kind}`}
                    data-testid="finding"
                    data-kind={f.kind}
                    sx={{ display: 'flex', alignItems: 'center', gap: 1, fontSize: '0.85rem', borderLeft: `4px solid ${findingTone(theme, f)}`, pl: 1 }}
                  >
                    <Box sx={{ flex: 1, minWidth: 0 }}>
                      <strong>{kindLabel(f.kind)}</strong> “{textOf(field).slice(f.start, f.end)}”
                      <Typography component="span" variant="caption" color="text.secondary">
                        {' '}
                        · {t(`moderation.fields.${field}`)}
                        {f.guarded ? ` · ${t('moderation.findings.guarded')}` : ''}
                        {f.score < HINT_SCORE ? ` · ${t('moderation.findings.hint')}` : ''}
                      </Typography>
                    </Box>
                    {!published ? (
                      <>
                        <Button size="small" variant="outlined" data-testid="finding-redact" onClick={() => redact(field, [f])} aria-label={`${t('moderation.findings.redact')}: ${kindLabel(f.kind)}`}>
                          {t('moderation.findings.redact')}
                        </Button>
                        <Button size="small" onClick={() => dismiss(field, f)}>
                          {t('moderation.findings.dismiss')}
                        </Button>
                      </>
                    ) : null}
                  </Box>
                ))}
              </Box>
            )}
            {PUBLICATION_FIELDS.some((f) => marks[f].spelling.length > 0) ? (
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.75 }} data-testid="spelling-count">
                {t('moderation.spelling.issues', { count: PUBLICATION_FIELDS.reduce((n, f) => n + marks[f].spelling.length, 0) })}
              </Typography>
            ) : null}
          </Box>

          {!published ? (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1.5 }}>
              <Button variant="contained" disabled={!dirty || mutation.isPending} onClick={() => save(draft, base)} data-testid="publication-save">
                {t('moderation.save')}
              </Button>
              <Button disabled={!dirty || mutation.isPending} onClick={() => setDraft(loaded)}>
                {t('moderation.reset')}
              </Button>
              {status ? (
                <Typography variant="body2" role="status" color={status.kind === 'error' ? 'error' : 'success.dark'} data-testid="publication-status">
                  {status.text}
                </Typography>
              ) : null}
            </Box>
          ) : null}
        </>
      ) : tab === 'diff' ? (
        <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="publication-diff">
          {(
            [
              ['title', item.original.title ?? '', draft.title ?? ''],
              ['text', item.original.description, draft.text],
              ['answer', item.answer.sent?.text ?? '', draft.answer ?? ''],
            ] as const
          ).map(([field, before, after]) =>
            before || after ? (
              <Box key={field}>
                <Typography variant="caption" color="text.secondary" component="p">
                  {t(`moderation.fields.${field}`)}
                </Typography>
                <DiffView before={before} after={after} testId={`diff-${field}`} />
              </Box>
            ) : null,
          )}
        </Box>
      ) : (
        <Box data-testid="publication-edits">
          {(item.publication.edits ?? []).length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('moderation.edits.none')}
            </Typography>
          ) : (
            <Box component="ol" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 1 }}>
              {[...(item.publication.edits ?? [])].reverse().map((e, i, arr) => {
                const prev = arr[i + 1];
                return (
                  <li key={e.version}>
                    <Typography variant="body2" sx={{ fontWeight: 700 }}>
                      {t('moderation.edits.entry', { version: e.version, by: e.byName, time: formatDateTime(e.at, lang) })}
                    </Typography>
                    <DiffView before={prev ? (prev.text ?? '') : item.original.description} after={e.text ?? ''} />
                  </li>
                );
              })}
            </Box>
          )}
        </Box>
      )}

      <Box sx={{ mt: 2, pt: 1.5, borderTop: 1, borderColor: 'divider', display: 'grid', gridTemplateColumns: '1fr', [WIDE]: { gridTemplateColumns: '3fr 2fr' }, gap: 2 }}>
        <Box>
          <Typography variant="subtitle2" component="h4" sx={{ mb: 0.75 }}>
            {t('moderation.checklist.title')}
          </Typography>
          <ChecklistPanel checklist={checklist} texts={draft} />
        </Box>
        <Box>
          <Typography variant="subtitle2" component="h4" sx={{ mb: 0.75 }}>
            {t('moderation.decision.title')}
          </Typography>
          <Button variant="contained" fullWidth disabled={publishBlocked !== null || mutation.isPending} onClick={() => { mutation.reset(); setPublishOpen(true); }} data-testid="publish-open">
            {t('moderation.decision.publish')}
          </Button>
          {publishBlocked ? (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }} data-testid="publish-blocked">
              {publishBlocked}
            </Typography>
          ) : null}
          <Typography variant="caption" component="p" sx={{ mt: 1.5, fontWeight: 700 }}>
            {t('moderation.decision.reasons')}
          </Typography>
          <Box sx={{ display: 'grid' }}>
            {ALL_REASONS.map((r) => {
              const auto = automatic.includes(r);
              const problem = checklist.checks.find((c) => c.code === r)?.state === 'problem';
              return (
                <FormControlLabel
                  key={r}
                  sx={{ alignItems: 'flex-start', mr: 0, '& .MuiCheckbox-root': { py: 0.25 } }}
                  control={
                    <Checkbox
                      size="small"
                      checked={auto || reasons.has(r)}
                      disabled={auto}
                      onChange={(e) =>
                        setReasons((s) => {
                          const n = new Set(s);
                          if (e.target.checked) n.add(r);
                          else n.delete(r);
                          return n;
                        })
                      }
                    />
                  }
                  label={
                    <Typography variant="body2" sx={{ fontWeight: problem ? 700 : 400, pt: 0.4 }}>
                      {t(`moderation.reasons.${r}`)}
                    </Typography>
                  }
                />
              );
            })}
          </Box>
          <TextField label={t('moderation.decision.note')} value={note} onChange={(e) => setNote(e.target.value)} size="small" fullWidth sx={{ mt: 1 }} slotProps={{ htmlInput: { maxLength: 2000 } }} />
          <Button
            variant="outlined"
            color="error"
            fullWidth
            sx={{ mt: 1 }}
            data-testid="withhold"
            disabled={mutation.isPending || (automatic.length === 0 && reasons.size === 0)}
            onClick={() => decide('withhold', { reasons: [...reasons], note: note.trim() || undefined })}
          >
            {t('moderation.decision.withhold')}
          </Button>
        </Box>
      </Box>

      {publishOpen ? (
        <PublishDialog
          open
          item={item}
          publicTexts={publicTexts}
          guardHits={guardHits}
          remaining={remaining}
          kindLabel={kindLabel}
          busy={mutation.isPending}
          error={mutation.error}
          onCancel={() => setPublishOpen(false)}
          onPublish={(args) => decide('publish', args)}
        />
      ) : null}

      <Dialog open={conflict !== null} onClose={() => setConflict(null)} maxWidth="md" fullWidth aria-labelledby="conflict-title">
        <DialogTitle id="conflict-title">{t('moderation.conflict.title')}</DialogTitle>
        <DialogContent dividers>
          <Typography variant="body2" sx={{ mb: 1.5 }}>
            {t('moderation.conflict.body', { version })}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
            {([['mine', draft], ['theirs', conflict ?? saved]] as const).map(([who, texts]) => (
              <Paper key={who} variant="outlined" sx={{ p: 1.5, minWidth: 0 }} data-testid={`conflict-${who}`}>
                <Typography variant="overline" component="h3">
                  {t(`moderation.conflict.${who}`)}
                </Typography>
                <Typography sx={{ fontWeight: 700 }}>{texts.title}</Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {texts.text}
                </Typography>
              </Paper>
            ))}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => {
              const theirs = savedTexts(item);
              setDraft(theirs);
              setLoaded(theirs);
              setBase(version);
              setConflict(null);
            }}
          >
            {t('moderation.conflict.takeTheirs')}
          </Button>
          <Button
            variant="contained"
            onClick={() => {
              setConflict(null);
              setLoaded(savedTexts(item));
              save(draft, version);
            }}
          >
            {t('moderation.conflict.keepMine')}
          </Button>
        </DialogActions>
      </Dialog>
    </SectionFrame>
  );
}

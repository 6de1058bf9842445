import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department, Staff } from '../../../shared/domain/reference.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { Shell, useRun } from '../../components/ActionDialog.js';
import { formatDateTime, helsinkiDay, helsinkiInstant } from '../../lib/format.js';
import { useItem, useReference, useSession } from '../../state/queries.js';
import { useActor } from '../../state/use-actor.js';
import { useLookup } from '../../state/use-lookup.js';
import { isCollabDialog, useUiStore, type CollabDialogKind } from '../../state/ui-store.js';
import { AnswerDialog } from '../answer/AnswerDialogs.js';
import { askTargets, colleagues, targetKey, type AskTarget } from './people-options.js';

const DAY_MS = 24 * 3_600_000;

function useStaffLabel() {
  const lookup = useLookup();
  return (s: Staff) => `${s.displayName}${s.departmentId ? ` – ${lookup.department(s.departmentId)}` : ''}`;
}

function AskDialog({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const { run, error, busy } = useRun();
  const actor = useActor();
  const reference = useReference(Boolean(useSession().data));
  const lookup = useLookup();
  const staffLabel = useStaffLabel();
  const [to, setTo] = useState<AskTarget[]>([]);
  const [question, setQuestion] = useState('');
  // Two days is the usual turnaround the issue names; the asker can pick any later day.
  const [day, setDay] = useState(helsinkiDay(new Date(Date.now() + 2 * DAY_MS)));
  const [problems, setProblems] = useState<string[]>([]);
  const options = askTargets(reference.data, actor?.id ?? null, item.departmentId, item.restricted !== null);
  const submit = () => {
    const dueAt = day ? helsinkiInstant(day) : '';
    const found = [
      ...(to.length === 0 ? [t('collab.askDialog.errors.to')] : []),
      ...(question.trim() === '' ? [t('collab.askDialog.errors.question')] : []),
      ...(!dueAt || Date.parse(dueAt) <= Date.now() ? [t('collab.askDialog.errors.due')] : []),
    ];
    setProblems(found);
    if (found.length > 0) return;
    run(
      [{ name: 'requestComment', args: { itemId: item.id, to: to.map((x) => (x.kind === 'staff' ? { staffId: x.staff.id } : { departmentId: x.department.id })), question: question.trim(), dueAt } }],
      t('collab.askDialog.submit'),
    );
  };
  return (
    <Shell title={t('collab.askDialog.title')} busy={busy} error={error} testId="dialog-ask" onSubmit={submit} submitLabel={t('collab.askDialog.submit')}>
      <Typography variant="body2">{t('collab.askDialog.intro')}</Typography>
      {item.restricted ? <Alert severity="info">{t('collab.askDialog.restrictedHint')}</Alert> : null}
      <Autocomplete<AskTarget, true>
        multiple
        options={options}
        value={to}
        isOptionEqualToValue={(a, b) => targetKey(a) === targetKey(b)}
        getOptionLabel={(o) => (o.kind === 'staff' ? staffLabel(o.staff) : t('collab.requests.departmentTarget', { name: lookup.department(o.department.id) ?? '' }))}
        groupBy={(o) => (o.kind === 'staff' ? t('collab.comments.colleagues') : t('triage.department'))}
        openOnFocus
        autoHighlight
        filterSelectedOptions
        onChange={(_e, v) => setTo(v)}
        renderInput={(params) => <TextField {...params} autoFocus label={t('collab.askDialog.to')} required />}
      />
      <TextField label={t('collab.askDialog.question')} value={question} onChange={(e) => setQuestion(e.target.value)} multiline minRows={3} required slotProps={{ htmlInput: { maxLength: 2000 } }} />
      <TextField
        type="date"
        label={t('collab.askDialog.due')}
        value={day}
        onChange={(e) => setDay(e.target.value)}
        required
        // The field's own format follows the workstation; this says the day and hour in Helsinki.
        helperText={day ? t('collab.askDialog.dueHelper', { time: formatDateTime(helsinkiInstant(day), lang) }) : undefined}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'ask-due', min: helsinkiDay(new Date()) } }}
      />
      {problems.length > 0 ? (
        <Alert severity="error" role="alert" data-testid="ask-problems">
          {problems.join(' ')}
        </Alert>
      ) : null}
    </Shell>
  );
}

function ShareDialog({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun();
  const actor = useActor();
  const reference = useReference(Boolean(useSession().data));
  const staffLabel = useStaffLabel();
  const [to, setTo] = useState<Staff[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const already = new Set((item.shares ?? []).map((s) => s.staffId));
  const options = colleagues(reference.data, actor?.id ?? null, item.departmentId).filter((s) => !already.has(s.id));
  const submit = () => {
    if (to.length === 0) return setProblem(t('collab.shareDialog.errors.to'));
    run([{ name: 'shareForInformation', args: { itemId: item.id, staffIds: to.map((s) => s.id), ...(note.trim() ? { note: note.trim() } : {}) } }], t('collab.shareDialog.submit'));
  };
  return (
    <Shell title={t('collab.shareDialog.title')} busy={busy} error={error ?? problem} testId="dialog-share" onSubmit={submit} submitLabel={t('collab.shareDialog.submit')}>
      <Typography variant="body2">{t('collab.shareDialog.intro')}</Typography>
      <Autocomplete<Staff, true>
        multiple
        options={options}
        value={to}
        getOptionLabel={staffLabel}
        openOnFocus
        autoHighlight
        filterSelectedOptions
        onChange={(_e, v) => setTo(v)}
        renderInput={(params) => <TextField {...params} autoFocus label={t('collab.shareDialog.to')} required />}
      />
      <TextField label={t('collab.shareDialog.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000 } }} />
    </Shell>
  );
}

function TransferDialog({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun();
  const actor = useActor();
  const reference = useReference(Boolean(useSession().data));
  const lookup = useLookup();
  const staffLabel = useStaffLabel();
  const [mode, setMode] = useState<'person' | 'department'>('person');
  const [person, setPerson] = useState<Staff | null>(null);
  const [department, setDepartment] = useState<Department | null>(null);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const people = colleagues(reference.data, actor?.id ?? null, item.departmentId).filter((s) => s.role === 'responder' || s.role === 'admin');
  const submit = () => {
    const target = mode === 'person' ? person : department;
    const found = [...(!target ? [t('collab.transferDialog.errors.target')] : []), ...(note.trim() === '' ? [t('collab.transferDialog.errors.note')] : [])];
    setProblems(found);
    if (found.length > 0) return;
    const to = mode === 'person' ? { toStaffId: person!.id } : { toDepartmentId: department!.id };
    run([{ name: 'transfer', args: { itemId: item.id, ...to, note: note.trim() } }], t('collab.transferDialog.submit'));
  };
  const leaves = mode === 'person' ? person !== null && person.departmentId !== actor?.departmentId : department !== null && department.id !== actor?.departmentId;
  return (
    <Shell title={t('collab.transferDialog.title')} busy={busy} error={error} testId="dialog-transfer" onSubmit={submit} submitLabel={t('collab.transferDialog.submit')}>
      <Typography variant="body2">{t('collab.transferDialog.intro')}</Typography>
      <RadioGroup row value={mode} onChange={(e) => setMode(e.target.value as 'person' | 'department')}>
        <FormControlLabel value="person" control={<Radio />} label={t('collab.transferDialog.toPerson')} />
        <FormControlLabel value="department" control={<Radio />} label={t('collab.transferDialog.toDepartment')} />
      </RadioGroup>
      {mode === 'person' ? (
        <Autocomplete<Staff>
          key="person"
          options={people}
          value={person}
          getOptionLabel={staffLabel}
          openOnFocus
          autoHighlight
          onChange={(_e, v) => setPerson(v)}
          renderInput={(params) => <TextField {...params} autoFocus label={t('collab.transferDialog.person')} required />}
        />
      ) : (
        <Autocomplete<Department>
          key="department"
          options={reference.data?.departments ?? []}
          value={department}
          getOptionLabel={(d) => lookup.department(d.id) ?? d.id}
          openOnFocus
          autoHighlight
          onChange={(_e, v) => setDepartment(v)}
          renderInput={(params) => <TextField {...params} autoFocus label={t('collab.transferDialog.department')} required />}
        />
      )}
      <TextField label={t('collab.transferDialog.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={3} required slotProps={{ htmlInput: { maxLength: 2000 } }} />
      {leaves ? <Alert severity="info">{t('collab.transferDialog.loseAccess')}</Alert> : null}
      {problems.length > 0 ? (
        <Alert severity="error" role="alert">
          {problems.join(' ')}
        </Alert>
      ) : null}
    </Shell>
  );
}

function Body({ kind, itemId }: { kind: CollabDialogKind; itemId: string }) {
  const item = useItem(itemId).data;
  if (!item) return null;
  switch (kind) {
    case 'ask':
      return <AskDialog item={item} />;
    case 'share':
      return <ShareDialog item={item} />;
    case 'transfer':
      return <TransferDialog item={item} />;
    default:
      return <AnswerDialog kind={kind} item={item} />;
  }
}

/** The open collaboration or answering dialog, if any. */
export function CollabDialogs() {
  const dialog = useUiStore((s) => s.dialog);
  if (!dialog || !isCollabDialog(dialog.kind) || dialog.itemIds.length !== 1) return null;
  return <Body key={`${dialog.kind}:${dialog.itemIds[0]}`} kind={dialog.kind} itemId={dialog.itemIds[0]} />;
}

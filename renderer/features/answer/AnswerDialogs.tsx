import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerChannel } from '../../../shared/domain/collaboration.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { Staff } from '../../../shared/domain/reference.js';
import { draftRevision, emailRefusal, interimRefusals, isEligibleApprover, sendRefusals } from '../../../shared/workflow/answering.js';
import { Shell, useRun } from '../../components/ActionDialog.js';
import { useReference, useSession } from '../../state/queries.js';
import { useActor } from '../../state/use-actor.js';
import { useLookup } from '../../state/use-lookup.js';
import type { CollabDialogKind } from '../../state/ui-store.js';

const textBox = { m: 0, p: 1.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', bgcolor: 'background.paper', border: 2, borderColor: 'success.main', maxHeight: 280, overflow: 'auto' } as const;

function useDepartment(item: FeedbackItem) {
  const reference = useReference(Boolean(useSession().data));
  return reference.data?.departments.find((d) => d.id === item.departmentId) ?? null;
}

/** Email, phone, visit or letter; email is offered only where it may be used (P3, P7), with the reason where not. */
function ChannelChoice({ item, channel, onChange }: { item: FeedbackItem; channel: AnswerChannel; onChange: (c: AnswerChannel) => void }) {
  const { t } = useTranslation();
  const refusal = emailRefusal(item);
  return (
    <Box>
      <Typography variant="subtitle2" component="p">
        {t('collab.answer.sendDialog.channel')}
      </Typography>
      <RadioGroup row value={channel} onChange={(e) => onChange(e.target.value as AnswerChannel)}>
        {AnswerChannel.options.map((c) => (
          <FormControlLabel key={c} value={c} disabled={c === 'email' && refusal !== null} control={<Radio />} label={t(`collab.answer.sendDialog.channels.${c}`)} data-testid={`channel-${c}`} />
        ))}
      </RadioGroup>
      {refusal ? (
        <Alert severity="warning" data-testid="email-refusal">
          {t(`collab.answer.refusal.${refusal}`)}
        </Alert>
      ) : null}
    </Box>
  );
}

/** How an answer not sent by email was given (P7, P13): required, with an example. */
function HowGivenField({ value, onChange, autoFocus = false }: { value: string; onChange: (v: string) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('collab.answer.sendDialog.note')}
      helperText={t('collab.answer.sendDialog.noteExample')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      multiline
      minRows={2}
      autoFocus={autoFocus}
      slotProps={{ htmlInput: { maxLength: 2000 } }}
    />
  );
}

/**
 * Sending the final answer (P3, P7, ui.md): the recipient and the exact text before anything goes,
 * refused by email when the item is sensitive or has no address, with the other ways to answer.
 */
function SendDialog({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun();
  const department = useDepartment(item);
  const [channel, setChannel] = useState<AnswerChannel>(emailRefusal(item) ? 'phone' : 'email');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The text confirmed is the text sent: the send names this revision, and a later edit is refused.
  const [draft] = useState(item.answer.draft);
  const reasons = sendRefusals(item, channel, department).filter((r) => r !== 'no_email' && r !== 'restricted_sensitive');
  const submit = () => {
    if (channel !== 'email' && note.trim() === '') return setProblem(t('collab.answer.sendDialog.errors.note'));
    run(
      [{ name: 'sendAnswer', args: { itemId: item.id, channel, draftRevision: draftRevision(draft), ...(note.trim() ? { note: note.trim() } : {}) } }],
      t(channel === 'email' ? 'collab.answer.sent' : 'collab.answer.recorded'),
    );
  };
  return (
    <Shell
      title={t('collab.answer.sendDialog.title')}
      busy={busy || reasons.length > 0}
      error={error ?? problem}
      testId="dialog-send"
      onSubmit={submit}
      submitLabel={t(channel === 'email' ? 'collab.answer.sendDialog.submitEmail' : 'collab.answer.sendDialog.submitOther')}
    >
      <ChannelChoice item={item} channel={channel} onChange={setChannel} />
      {reasons.map((r) => (
        <Alert key={r} severity="error" data-testid="send-refusal">
          {t(`collab.answer.refusal.${r}`)}
        </Alert>
      ))}
      {channel === 'email' ? (
        <Box>
          <Typography variant="body2">
            <strong>{t('collab.answer.sendDialog.recipient')}:</strong> <span data-testid="send-recipient">{item.contact.email}</span>
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t('collab.answer.sendDialog.language', { language: t(`language.${item.language}`) })}
          </Typography>
        </Box>
      ) : (
        <HowGivenField
          value={note}
          autoFocus
          onChange={(v) => {
            setNote(v);
            setProblem(null);
          }}
        />
      )}
      <Box>
        <Typography variant="subtitle2" component="p">
          {t('collab.answer.sendDialog.text')}
        </Typography>
        <Box component="pre" lang={item.language} sx={textBox} data-testid="send-text">
          {draft?.text ?? ''}
        </Box>
        <Typography variant="caption" color="text.secondary">
          {t('collab.answer.sendDialog.published')}
        </Typography>
      </Box>
    </Shell>
  );
}

function InterimDialog({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun();
  const [channel, setChannel] = useState<AnswerChannel>(emailRefusal(item) ? 'phone' : 'email');
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reasons = interimRefusals(item, channel).filter((r) => r !== 'no_email' && r !== 'restricted_sensitive');
  const submit = () => {
    if (text.trim() === '') return setProblem(t('collab.answer.interimDialog.errors.text'));
    if (channel !== 'email' && note.trim() === '') return setProblem(t('collab.answer.sendDialog.errors.note'));
    run(
      [{ name: 'sendInterimAnswer', args: { itemId: item.id, channel, text: text.trim(), ...(note.trim() ? { note: note.trim() } : {}) } }],
      t('collab.answer.interimSent'),
    );
  };
  return (
    <Shell
      title={t('collab.answer.interimDialog.title')}
      busy={busy || reasons.length > 0}
      error={error ?? problem}
      testId="dialog-interim"
      onSubmit={submit}
      submitLabel={t(channel === 'email' ? 'collab.answer.interimDialog.submitEmail' : 'collab.answer.interimDialog.submitOther')}
    >
      <Typography variant="body2">{t('collab.answer.interimDialog.intro')}</Typography>
      <ChannelChoice item={item} channel={channel} onChange={setChannel} />
      {reasons.map((r) => (
        <Alert key={r} severity="error">
          {t(`collab.answer.refusal.${r}`)}
        </Alert>
      ))}
      {channel === 'email' ? (
        <Typography variant="body2">
          <strong>{t('collab.answer.sendDialog.recipient')}:</strong> {item.contact.email}
        </Typography>
      ) : null}
      <TextField
        lang={item.language}
        label={t('collab.answer.interimDialog.text')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        required
        multiline
        minRows={4}
        autoFocus
        slotProps={{ htmlInput: { maxLength: 5000 } }}
      />
      {channel !== 'email' ? (
        <HowGivenField
          value={note}
          onChange={(v) => {
            setNote(v);
            setProblem(null);
          }}
        />
      ) : null}
    </Shell>
  );
}

function ApprovalDialog({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun();
  const actor = useActor();
  const lookup = useLookup();
  const reference = useReference(Boolean(useSession().data));
  const [approver, setApprover] = useState<Staff | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const options = (reference.data?.staff ?? []).filter((s) => actor !== null && isEligibleApprover(s, item, actor.id));
  const submit = () => {
    if (!approver) return setProblem(t('collab.answer.approvalDialog.errors.approver'));
    run(
      [{ name: 'submitAnswerForApproval', args: { itemId: item.id, approverId: approver.id, draftRevision: draftRevision(item.answer.draft), ...(note.trim() ? { note: note.trim() } : {}) } }],
      t('collab.answer.submitted'),
    );
  };
  return (
    <Shell title={t('collab.answer.approvalDialog.title')} busy={busy} error={error ?? problem} testId="dialog-approval" onSubmit={submit} submitLabel={t('collab.answer.approvalDialog.submit')}>
      {options.length === 0 ? <Alert severity="info">{t('collab.answer.approvalDialog.none')}</Alert> : null}
      <Autocomplete<Staff>
        options={options}
        value={approver}
        getOptionLabel={(s) => `${s.displayName}${s.departmentId ? ` – ${lookup.department(s.departmentId)}` : ''}`}
        openOnFocus
        autoHighlight
        onChange={(_e, v) => setApprover(v)}
        renderInput={(params) => <TextField {...params} autoFocus label={t('collab.answer.approvalDialog.approver')} required />}
      />
      <TextField label={t('collab.answer.approvalDialog.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000 } }} />
    </Shell>
  );
}

function ReturnDialog({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (comment.trim() === '') return setProblem(t('collab.answer.returnDialog.errors.comment'));
    run([{ name: 'returnAnswer', args: { itemId: item.id, comment: comment.trim() } }], t('collab.answer.returnedDone'));
  };
  return (
    <Shell title={t('collab.answer.returnDialog.title')} busy={busy} error={error ?? problem} testId="dialog-return" onSubmit={submit} submitLabel={t('collab.answer.returnDialog.submit')}>
      <TextField autoFocus label={t('collab.answer.returnDialog.comment')} value={comment} onChange={(e) => setComment(e.target.value)} required multiline minRows={3} slotProps={{ htmlInput: { maxLength: 2000 } }} />
    </Shell>
  );
}

export function AnswerDialog({ kind, item }: { kind: Exclude<CollabDialogKind, 'ask' | 'share' | 'transfer'>; item: FeedbackItem }) {
  switch (kind) {
    case 'send':
      return <SendDialog item={item} />;
    case 'interim':
      return <InterimDialog item={item} />;
    case 'approval':
      return <ApprovalDialog item={item} />;
    case 'return':
      return <ReturnDialog item={item} />;
  }
}

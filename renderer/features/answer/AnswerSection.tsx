import ReplyOutlined from '@mui/icons-material/ReplyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { approvalRequired, approvalStatus, draftRevision } from '../../../shared/workflow/answering.js';
import { fillTemplate, templatesFor } from '../../../shared/workflow/templates.js';
import { may } from '../../../shared/workflow/permissions.js';
import { templateTrigger } from '../../lib/caret-trigger.js';
import { formatDateTime } from '../../lib/format.js';
import { useMutate, usePresence, useReference, useRejected, useResolveRejected, useSession } from '../../state/queries.js';
import { useErrorText } from '../../components/ErrorText.js';
import { useActor } from '../../state/use-actor.js';
import { useLookup } from '../../state/use-lookup.js';
import { useUiStore } from '../../state/ui-store.js';
import { PublicLabel, Section, textBlock } from '../item/Section.js';
import { PickerTextArea, type PickerOption } from '../collab/PickerTextArea.js';
import { MergePanel } from './MergePanel.js';
import { useFocusRequest } from '../collab/ItemBands.js';
import { useDraftEditor } from './use-draft-editor.js';

export const ANSWER_EDITOR_ID = 'answer-editor';

function InterimList({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const interim = item.answer.interim ?? [];
  if (interim.length === 0) return null;
  return (
    <Box sx={{ mb: 1.5 }} data-testid="interim-answers">
      <Typography variant="subtitle2" component="h4">
        {t('collab.answer.interimList')}
      </Typography>
      {interim.map((i) => (
        <Box key={i.id} sx={{ borderLeft: 3, borderColor: 'success.main', pl: 1.5, mt: 0.75 }}>
          <Typography variant="caption" color="text.secondary">
            {t('collab.answer.interimItem', { time: formatDateTime(i.sentAt, lang), by: i.sentBy, channel: t(`collab.answer.channel.${i.channel}`) })}
          </Typography>
          <Typography variant="body2" sx={textBlock} lang={item.language}>
            {i.text}
          </Typography>
          {i.note ? (
            <Typography variant="caption" color="text.secondary">
              {t('collab.answer.howGiven', { note: i.note })}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}

function ApprovalBand({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const reference = useReference(Boolean(useSession().data));
  const a = item.answer.approval;
  const status = approvalStatus(item.answer);
  const department = reference.data?.departments.find((d) => d.id === item.departmentId) ?? null;
  if (!a || status === 'none') {
    return approvalRequired(department) ? <Alert severity="info" sx={{ py: 0 }}>{t('collab.answer.approval.required')}</Alert> : null;
  }
  const text =
    status === 'pending'
      ? t('collab.answer.approval.pending', { name: a.approverName, by: a.requestedByName, time: formatDateTime(a.requestedAt, lang) })
      : status === 'approved'
        ? t('collab.answer.approval.approved', { name: a.approverName, time: formatDateTime(a.decidedAt ?? a.requestedAt, lang) })
        : status === 'returned'
          ? t('collab.answer.approval.returned', { name: a.approverName, comment: a.comment ?? '' })
          : t('collab.answer.approval.outdated');
  const severity = status === 'approved' ? 'success' : status === 'pending' ? 'info' : 'warning';
  return (
    <Alert severity={severity} data-testid="approval-band" data-status={status} sx={{ py: 0 }}>
      {text}
      {status === 'pending' && a.note ? (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {t('collab.answer.approval.note', { note: a.note })}
        </Typography>
      ) : null}
    </Alert>
  );
}

/** The shared draft being written: saved continuously, templates with ::, crossed edits merged. */
function DraftEditor({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const actor = useActor();
  const lookup = useLookup();
  const reference = useReference(Boolean(useSession().data));
  const presence = usePresence(item.id);
  const rejected = useRejected();
  const openDialog = useUiStore((s) => s.openDialog);
  const setEditing = useUiStore((s) => s.setEditingAnswerOf);
  const editor = useDraftEditor(item);
  useFocusRequest('reply', ANSWER_EDITOR_ID, true);
  const mutate = useMutate();
  const resolve = useResolveRejected();
  const notify = useUiStore((s) => s.notify);
  const errorText = useErrorText();
  const draft = item.answer.draft;
  const status = approvalStatus(item.answer);
  const conflicts = (rejected.data ?? []).filter((r) => r.itemId === item.id && r.name === 'saveAnswerDraft' && r.code === 'conflict');
  const othersEditing = (presence.data?.people ?? []).filter((p) => p.editing);
  const canSend = actor !== null && may(actor, 'send_answer', item);
  const isApprover = actor !== null && status === 'pending' && item.answer.approval?.approverId === actor.id && may(actor, 'approve_answer', item);
  const hasText = editor.text.trim() !== '' && draft !== null;
  const settled = !editor.dirty && !editor.saving && !editor.crossed && conflicts.length === 0;

  const templateOptions = (query: string): PickerOption[] =>
    templatesFor(reference.data?.templates ?? [], { language: item.language, departmentId: item.departmentId, query })
      .slice(0, 8)
      .map((tpl) => {
        const insert = fillTemplate(tpl.text, {
          item,
          responder: { displayName: actor?.displayName ?? '', departmentId: actor?.departmentId ?? item.departmentId },
          reference: { services: reference.data?.services ?? [], departments: reference.data?.departments ?? [] },
        });
        // A template leaves an empty line where the answer itself goes: the caret starts there.
        const gap = insert.indexOf('\n\n\n');
        return {
          key: tpl.id,
          label: tpl.title,
          secondary: `${tpl.language.toUpperCase()} · ${tpl.departmentId ? lookup.department(tpl.departmentId) : t('collab.answer.templates.cityWide')}`,
          insert,
          caretAt: gap >= 0 ? gap + 2 : undefined,
        };
      });

  // The approver approves the revision they see: a later edit is refused and needs a new approval.
  const approve = () =>
    mutate.mutate([{ name: 'approveAnswer', args: { itemId: item.id, draftRevision: draftRevision(draft) } }], {
      onSuccess: ({ failed }) => notify(failed.length > 0 ? { text: errorText(failed[0].error), severity: 'error' } : { text: t('collab.answer.approved'), severity: 'success' }),
    });

  const latestConflict = conflicts.at(-1);
  const mergeMine = editor.crossed ? editor.text : editor.dirty ? editor.text : typeof latestConflict?.args.text === 'string' ? latestConflict.args.text : editor.text;
  const mergeTheirs = editor.crossed?.theirs ?? draft?.text ?? '';
  const theirsBy = editor.crossed?.by ?? (latestConflict ? (draft?.updatedBy ?? null) : null);
  const theirsAt = editor.crossed?.at ?? (latestConflict ? (draft?.updatedAt ?? null) : null);

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <ApprovalBand item={item} />
      {editor.crossed || latestConflict ? (
        <MergePanel
          key={`${draft?.revision ?? draft?.version ?? 0}:${latestConflict?.mutationId ?? 'x'}`}
          mine={mergeMine}
          theirs={mergeTheirs}
          theirsBy={lookup.staff(theirsBy) ?? null}
          theirsAt={theirsAt}
          language={item.language}
          onSave={(merged) =>
            editor.saveMerged(merged, () => {
              // The merged text holds what the refused saves held: they are done with.
              for (const c of conflicts) resolve.mutate({ mutationId: c.mutationId, action: 'discard' });
            })
          }
        />
      ) : null}
      {othersEditing.length > 0 ? (
        <Alert severity="warning" sx={{ py: 0 }} data-testid="others-editing">
          {t('collab.answer.othersEditing', { names: othersEditing.map((p) => p.displayName).join(', ') })}
        </Alert>
      ) : null}
      <PickerTextArea
        id={ANSWER_EDITOR_ID}
        testId="answer-editor"
        label={t('collab.answer.editorLabel')}
        value={editor.text}
        onChange={editor.setText}
        onFocus={() => setEditing(item.id)}
        onBlur={() => {
          setEditing(null);
          editor.flush();
        }}
        minRows={6}
        maxLength={20_000}
        lang={item.language}
        trigger={templateTrigger}
        options={templateOptions}
        pickerTitle={t('collab.answer.templates.title')}
        emptyText={null}
        hint={t('collab.answer.templates.hint')}
        helperText={t('collab.answer.hint')}
      />
      <Typography variant="caption" color={editor.error ? 'error.main' : 'text.secondary'} role="status" data-testid="draft-status">
        {editor.error ??
          (editor.saving
            ? t('collab.answer.saving')
            : editor.dirty
              ? t('collab.answer.unsaved')
              : draft?.updatedAt
                ? t('collab.answer.savedBy', { time: formatDateTime(draft.updatedAt, lang), name: lookup.staff(draft.updatedBy) ?? '' })
                : t('collab.answer.notSaved'))}
      </Typography>
      {canSend || isApprover ? (
        <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }} role="toolbar" aria-label={t('item.sections.answer')}>
          {isApprover ? (
            <>
              <Button size="small" variant="contained" color="success" disabled={!settled} onClick={approve} data-testid="approve">
                {t('collab.answer.approve')}
              </Button>
              <Button size="small" variant="outlined" onClick={() => openDialog('return', [item.id])} data-testid="return">
                {t('collab.answer.return')}
              </Button>
            </>
          ) : null}
          {canSend ? (
            <>
              <Button
                size="small"
                variant="outlined"
                disabled={!settled || !hasText || status === 'pending' || status === 'approved'}
                onClick={() => openDialog('approval', [item.id])}
                data-testid="submit-for-approval"
              >
                {t('collab.answer.submitForApproval')}
              </Button>
              <Button size="small" variant="contained" disabled={!settled || !hasText} onClick={() => openDialog('send', [item.id])} data-testid="send-answer">
                {t('collab.answer.send')}
              </Button>
              <Button size="small" variant="text" onClick={() => openDialog('interim', [item.id])} data-testid="interim-answer">
                {t('collab.answer.interim')}
              </Button>
            </>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}

/** The answer (P3, P10, P11): interim answers, the shared draft with its approval, or what was sent. */
export function AnswerSection({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const actor = useActor();
  const { sent, draft } = item.answer;
  const canDraft = actor !== null && may(actor, 'draft_answer', item);
  let body;
  if (sent) {
    body = (
      <>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
          {t('item.answer.sent', { time: formatDateTime(sent.sentAt, lang), by: sent.sentBy })} · {t(`item.answer.sentChannel.${sent.channel}`)}
        </Typography>
        <Typography variant="body1" sx={textBlock} data-testid="answer-sent" lang={item.language}>
          {sent.text}
        </Typography>
        {sent.note ? (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
            {t('collab.answer.howGiven', { note: sent.note })}
          </Typography>
        ) : null}
      </>
    );
  } else if (canDraft) {
    body = <DraftEditor key={item.id} item={item} />;
  } else if (draft) {
    body = (
      <>
        <Typography variant="caption" sx={{ fontWeight: 700 }} component="p">
          {t('item.answer.draft')}
        </Typography>
        <Typography variant="body1" sx={{ ...textBlock, borderLeft: 3, borderColor: 'divider', pl: 1.5, mt: 0.5 }} data-testid="answer-draft" lang={item.language}>
          {draft.text}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {t('collab.answer.readOnly')}
        </Typography>
      </>
    );
  } else {
    body = (
      <Typography variant="body2" color="text.secondary">
        {t('item.answer.none')}
      </Typography>
    );
  }
  return (
    <Section id="answer" icon={<ReplyOutlined fontSize="small" />} title={t('item.sections.answer')} badge={<PublicLabel />} tone="public">
      <InterimList item={item} />
      {body}
    </Section>
  );
}

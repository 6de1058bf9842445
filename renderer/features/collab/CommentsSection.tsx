import ChatBubbleOutlined from '@mui/icons-material/ChatBubbleOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { Staff } from '../../../shared/domain/reference.js';
import { requestsAnsweredBy } from '../../../shared/workflow/collaboration.js';
import { canSee, may } from '../../../shared/workflow/permissions.js';
import { useErrorText } from '../../components/ErrorText.js';
import { mentionedUsernames, mentionTrigger } from '../../lib/caret-trigger.js';
import { formatDateTime } from '../../lib/format.js';
import { useMutate, useReference, useSession } from '../../state/queries.js';
import { useActor } from '../../state/use-actor.js';
import { useUiStore } from '../../state/ui-store.js';
import { InternalLabel, Section, textBlock } from '../item/Section.js';
import { COMMENT_COMPOSER_ID, useFocusRequest } from './ItemBands.js';
import { PickerTextArea, type PickerOption } from './PickerTextArea.js';

/** Internal comments (P12, P25) with the field to write one, @mentions and the answer to a comment request. */
export function CommentsSection({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const actor = useActor();
  const reference = useReference(Boolean(useSession().data));
  const mutate = useMutate();
  const errorText = useErrorText();
  const notify = useUiStore((s) => s.notify);
  const [text, setText] = useState('');
  const [answers, setAnswers] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const staff = useMemo(() => reference.data?.staff ?? [], [reference.data]);
  const byUsername = useMemo(() => new Map(staff.map((s) => [s.username, s])), [staff]);
  const requestsToMe = actor ? requestsAnsweredBy(actor, item) : [];
  const canComment = actor !== null && may(actor, 'comment', item);
  useFocusRequest('comment', COMMENT_COMPOSER_ID, canComment);
  const mentioned = mentionedUsernames(text, new Set(byUsername.keys())).map((u) => byUsername.get(u)!);
  const blind = mentioned.filter((s) => !canSee({ id: s.id, role: s.role, departmentId: s.departmentId, displayName: s.displayName }, item));

  const submit = () => {
    const trimmed = text.trim();
    if (trimmed === '') return setError(t('collab.comments.empty'));
    setError(null);
    const args = {
      itemId: item.id,
      text: trimmed,
      ...(mentioned.length > 0 ? { mentions: mentioned.map((s) => s.id) } : {}),
      ...(requestsToMe.length > 0 ? { answersRequests: answers } : {}),
    };
    mutate.mutate([{ name: 'addComment', args }], {
      onSuccess: ({ failed }) => {
        if (failed.length > 0) return setError(errorText(failed[0].error));
        setText('');
        notify({ text: t('collab.comments.added'), severity: 'success' });
      },
      onError: (err) => setError(errorText(err)),
    });
  };

  const mentionOptions = (query: string): PickerOption[] =>
    staff
      .filter((s) => s.id !== actor?.id)
      .filter((s) => query === '' || s.username.toLowerCase().includes(query.toLowerCase()) || s.displayName.toLowerCase().includes(query.toLowerCase()))
      .slice(0, 8)
      .map((s: Staff) => ({ key: s.id, label: s.displayName, secondary: `@${s.username}`, insert: `@${s.username} ` }));

  return (
    <Section id="comments" icon={<ChatBubbleOutlined fontSize="small" />} title={t('item.sections.comments')} badge={<InternalLabel />} tone="internal">
      {item.comments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('item.comments.none')}
        </Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
          {item.comments.map((c) => (
            <li key={c.id} data-testid="comment">
              <Typography variant="caption" color="text.secondary">
                {c.authorName} · {formatDateTime(c.at, lang)}
              </Typography>
              {(c.answers ?? []).length > 0 ? <Chip size="small" label={t('collab.comments.answered')} sx={{ ml: 1, height: 18 }} color="info" variant="outlined" /> : null}
              <Typography variant="body2" sx={textBlock} data-testid="comment-text">
                {c.text}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      {canComment ? (
        <Box sx={{ mt: 2, display: 'grid', gap: 1 }}>
          <PickerTextArea
            id={COMMENT_COMPOSER_ID}
            label={t('collab.comments.label')}
            placeholder={t('collab.comments.placeholder')}
            value={text}
            onChange={(v) => {
              setText(v);
              if (error) setError(null);
            }}
            onSubmit={submit}
            minRows={2}
            maxLength={10_000}
            trigger={mentionTrigger}
            options={mentionOptions}
            pickerTitle={t('collab.comments.colleagues')}
            emptyText={null}
            hint={t('collab.answer.templates.hint')}
          />
          {blind.length > 0 ? <Alert severity="info">{t('collab.comments.mentionCannotSee', { names: blind.map((s) => s.displayName).join(', ') })}</Alert> : null}
          {requestsToMe.length > 0 ? (
            <FormControlLabel control={<Checkbox checked={answers} onChange={(e) => setAnswers(e.target.checked)} />} label={t('collab.comments.answersRequest')} />
          ) : null}
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : null}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
              {t('collab.comments.hint')}
            </Typography>
            <Button variant="contained" size="small" onClick={submit} disabled={mutate.isPending} data-testid="comment-submit">
              {t('collab.comments.add')}
            </Button>
          </Box>
        </Box>
      ) : null}
    </Section>
  );
}

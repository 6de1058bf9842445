import ChatBubbleOutlined from '@mui/icons-material/ChatBubbleOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import ReplyOutlined from '@mui/icons-material/ReplyOutlined';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { DefinitionField } from '../../components/DefinitionField.js';
import { Attachments } from './Attachments.js';
import { formatDateTime } from '../../lib/format.js';
import { detailText } from '../../lib/history-text.js';
import { useLookup } from '../../state/use-lookup.js';
import { useUiStore } from '../../state/ui-store.js';

function Section({ id, icon, title, badge, children, tone = 'plain' }: {
  id: string;
  icon: ReactNode;
  title: string;
  badge?: ReactNode;
  children: ReactNode;
  tone?: 'plain' | 'internal' | 'public';
}) {
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={`${id}-title`}
      data-testid={`section-${id}`}
      sx={(theme) => ({
        p: 2,
        ...(tone === 'internal' && { bgcolor: theme.palette.internal.background, borderColor: theme.palette.internal.border }),
        ...(tone === 'public' && { bgcolor: theme.palette.public.background, borderColor: theme.palette.public.border, borderWidth: 2 }),
      })}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
        <Box sx={{ display: 'flex', color: 'text.secondary' }} aria-hidden>
          {icon}
        </Box>
        <Typography id={`${id}-title`} variant="h3" component="h3" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {badge}
      </Box>
      {children}
    </Paper>
  );
}

/** The fixed label of everything that never reaches the citizen. */
function InternalLabel() {
  const { t } = useTranslation();
  return (
    <Box
      component="span"
      title={t('item.comments.internalHint')}
      sx={(theme) => ({ px: 1, py: 0.25, fontSize: '0.75rem', fontWeight: 700, color: theme.palette.common.white, bgcolor: theme.palette.internal.text })}
    >
      {t('item.comments.internal')}
    </Box>
  );
}

function PublicLabel() {
  const { t } = useTranslation();
  return (
    <Box
      component="span"
      sx={(theme) => ({ px: 1, py: 0.25, fontSize: '0.75rem', fontWeight: 700, color: theme.palette.success.contrastText, bgcolor: theme.palette.success.main })}
    >
      {t('item.answer.publicLabel')}
    </Box>
  );
}

const textBlock = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.55 } as const;

export function OriginalSection({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { original, author, contact, location } = item;
  const hasContact = Boolean(contact.email || contact.phone);
  return (
    <Section id="original" icon={<DescriptionOutlined fontSize="small" />} title={t('item.sections.original')}>
      <Box lang={item.language}>
        {original.title ? (
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 700, mb: 0.5 }} data-testid="original-title">
            {original.title}
          </Typography>
        ) : null}
        <Typography component="div" variant="body1" sx={textBlock} data-testid="original-description">
          {original.description}
        </Typography>
      </Box>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {t('item.original.neverEditable')}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, mt: 1.5, mb: 0 }}>
        <DefinitionField label={t('item.original.author')}>
          <span data-testid="original-author">{author.anonymous || !author.displayName ? t('item.original.anonymous') : author.displayName}</span>
        </DefinitionField>
        <DefinitionField label={t('item.original.contact')}>
          {hasContact ? (
            <Box data-testid="original-contact">
              {contact.email ? (
                <div>
                  {t('item.original.email')}: {contact.email}
                </div>
              ) : null}
              {contact.phone ? (
                <div>
                  {t('item.original.phone')}: {contact.phone}
                </div>
              ) : null}
              <Typography variant="caption" color="text.secondary">
                {t('item.original.contactStaffOnly')}
              </Typography>
            </Box>
          ) : (
            t('item.original.noContact')
          )}
        </DefinitionField>
        <DefinitionField label={t('item.original.location')}>
          {location && (location.address || location.lat !== null) ? (
            <>
              {location.address ? <div>{location.address}</div> : null}
              {location.lat !== null && location.long !== null ? (
                <Box component="span" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                  {t('item.original.coordinates', { lat: location.lat.toFixed(5), long: location.long.toFixed(5) })}
                </Box>
              ) : null}
            </>
          ) : (
            t('item.original.noLocation')
          )}
        </DefinitionField>
        <DefinitionField label={t('item.original.attachments')}>
          <Attachments item={item} />
        </DefinitionField>
        <DefinitionField label={t('item.original.publicationPermission')}>{item.publicationPermission ? t('item.original.yes') : t('item.original.no')}</DefinitionField>
      </Box>
    </Section>
  );
}

export function CommentsSection({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  return (
    <Section id="comments" icon={<ChatBubbleOutlined fontSize="small" />} title={t('item.sections.comments')} badge={<InternalLabel />} tone="internal">
      {item.comments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('item.comments.none')}
        </Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
          {item.comments.map((c) => (
            <li key={c.id}>
              <Typography variant="caption" color="text.secondary">
                {c.authorName} · {formatDateTime(c.at, lang)}
              </Typography>
              <Typography variant="body2" sx={textBlock}>
                {c.text}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Section>
  );
}

export function AnswerSection({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const { sent, draft } = item.answer;
  return (
    <Section id="answer" icon={<ReplyOutlined fontSize="small" />} title={t('item.sections.answer')} badge={<PublicLabel />} tone="public">
      {sent ? (
        <>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
            {t('item.answer.sent', { time: formatDateTime(sent.sentAt, lang), by: sent.sentBy })} · {t(`item.answer.sentChannel.${sent.channel}`)}
          </Typography>
          <Typography variant="body1" sx={textBlock} data-testid="answer-sent">
            {sent.text}
          </Typography>
        </>
      ) : draft ? (
        <>
          <Typography variant="caption" sx={{ fontWeight: 700 }} component="p">
            {t('item.answer.draft')}
          </Typography>
          <Typography variant="body1" sx={{ ...textBlock, borderLeft: 3, borderColor: 'divider', pl: 1.5, mt: 0.5 }} data-testid="answer-draft">
            {draft.text}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t('item.answer.none')}
        </Typography>
      )}
    </Section>
  );
}

export function HistorySection({ item }: { item: FeedbackItem }) {
  const { t, i18n } = useTranslation();
  const lang = useUiStore((s) => s.language);
  const lookup = useLookup();
  const events = [...item.history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Section id="history" icon={<HistoryOutlined fontSize="small" />} title={t('item.sections.history')}>
      {events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('item.history.none')}
        </Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {events.map((e) => {
            const key = `item.history.event.${e.type}`;
            const label = i18n.exists(key) ? t(key as 'item.history.event.received') : e.type;
            const detail = detailText(e, lookup, t);
            return (
              <Box
                component="li"
                key={e.id}
                sx={{ display: 'grid', gridTemplateColumns: '150px 1fr', gap: 2, py: 0.75, borderTop: 1, borderColor: 'divider', '&:first-of-type': { borderTop: 0 } }}
              >
                <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatDateTime(e.at, lang)}
                </Typography>
                <Box sx={{ minWidth: 0 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {label}{' '}
                    <Box component="span" sx={{ fontWeight: 400, color: 'text.secondary' }}>
                      · {e.actorName || t('item.history.system')}
                    </Box>
                  </Typography>
                  {detail ? (
                    <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                      {detail}
                    </Typography>
                  ) : null}
                </Box>
              </Box>
            );
          })}
        </Box>
      )}
    </Section>
  );
}

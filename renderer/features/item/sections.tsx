import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { DefinitionField } from '../../components/DefinitionField.js';
import { Attachments } from './Attachments.js';
import { formatDateTime } from '../../lib/format.js';
import { detailText } from '../../lib/history-text.js';
import { useLookup } from '../../state/use-lookup.js';
import { useUiStore } from '../../state/ui-store.js';
import { Section, textBlock } from './Section.js';


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

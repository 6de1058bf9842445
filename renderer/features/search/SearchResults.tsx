import Close from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorText.js';
import { useSearch } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';
import { useLookup } from '../../state/use-lookup.js';
import type { InboxListHandle } from '../inbox/InboxList.js';
import { InboxRowStyles } from '../inbox/inbox-row-styles.js';
import { InboxRowView } from '../inbox/InboxRowView.js';
import { HighlightedText } from './Highlight.js';

const HIT_HEIGHT = 56;

/** The middle pane while searching: hits newest first, matches highlighted, j/k/Enter as in the inbox. */
export const SearchResults = forwardRef<InboxListHandle>(function SearchResults(_props, ref) {
  const { t } = useTranslation();
  const query = useUiStore((s) => s.searchQuery);
  const cursor = useUiStore((s) => s.cursor);
  const setCursor = useUiStore((s) => s.setCursor);
  const openItemId = useUiStore((s) => s.openItemId);
  const openItem = useUiStore((s) => s.openItem);
  const setMode = useUiStore((s) => s.setMode);
  const selection = useUiStore((s) => s.selection);
  const lang = useUiStore((s) => s.language);
  const lookup = useLookup();
  const result = useSearch(query, true);
  const listRef = useRef<HTMLDivElement>(null);
  const hits = result.data?.hits ?? [];
  const hitsRef = useRef(hits);
  hitsRef.current = hits;

  useImperativeHandle(ref, () => ({
    focus: () => listRef.current?.focus(),
    idAt: (i) => hitsRef.current[i]?.row.id,
    total: () => hitsRef.current.length,
  }));

  useEffect(() => {
    document.getElementById(`search-hit-${cursor}`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const data = result.data;
  const summary = !data ? '' : data.totalCapped ? t('search.totalCapped', { count: data.total }) : t('search.total', { count: data.total });
  return (
    <Box component="section" aria-label={t('search.results', { query })} data-testid="search-results" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }}>
      <InboxRowStyles />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h1" component="h2" sx={{ fontSize: '1rem', flex: 1, overflowWrap: 'anywhere' }}>
          {t('search.results', { query })}{' '}
          <Box component="span" sx={{ fontWeight: 400, color: 'text.secondary', fontSize: '0.875rem' }} data-testid="search-total">
            {summary}
          </Box>
        </Typography>
        <Tooltip title={t('search.close')}>
          <IconButton aria-label={t('search.close')} onClick={() => setMode('inbox')}>
            <Close fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
      {data?.unknownTerms.length ? (
        <Alert severity="warning" sx={{ m: 1 }}>
          {t('search.unknown', { terms: data.unknownTerms.join(', ') })}
        </Alert>
      ) : null}
      {data?.indexingPending ? (
        <Alert severity="info" sx={{ m: 1 }}>
          {t('search.indexing', { count: data.indexingPending })}
        </Alert>
      ) : null}
      {result.error ? (
        <Box sx={{ p: 1 }}>
          <ErrorAlert error={result.error} />
        </Box>
      ) : null}
      {data && hits.length === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          {t('search.none')}
        </Typography>
      ) : null}
      <Box
        ref={listRef}
        id="inbox-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('search.results', { query })}
        aria-activedescendant={hits.length ? `search-hit-${Math.min(cursor, hits.length - 1)}` : undefined}
        sx={{ flex: 1, overflow: 'auto', '&:focus-visible': { outlineOffset: -3 } }}
      >
        {hits.map((hit, i) => {
          const open = hit.row.id === openItemId;
          const selected = selection.includes(hit.row.id);
          return (
            <Box
              key={hit.row.id}
              id={`search-hit-${i}`}
              role="option"
              aria-selected={i === cursor}
              data-testid="search-hit"
              data-item-id={hit.row.id}
              className={`ir-row${hit.row.restricted ? ' ir-row--restricted' : ''}${open ? ' ir-row--open' : ''}${i === cursor ? ' ir-row--active' : ''}${selected ? ' ir-row--selected' : ''}`}
              style={{ position: 'relative', height: 'auto', minHeight: HIT_HEIGHT }}
              onClick={() => {
                setCursor(i);
                openItem(hit.row.id);
                listRef.current?.focus();
              }}
            >
              <Box sx={{ height: HIT_HEIGHT }}>
                <InboxRowView row={hit.row} lookup={lookup} lang={lang} selected={selected} title={<HighlightedText value={hit.title} />} />
              </Box>
              {hit.snippet ? (
                <Typography variant="body2" color="text.secondary" sx={{ px: 1.5, pb: 1, mt: -0.5, overflowWrap: 'anywhere' }} data-testid="search-snippet">
                  {hit.field ? (
                    <Box component="span" sx={{ fontWeight: 700, mr: 0.75 }}>
                      {t(`search.field.${hit.field}`)}:
                    </Box>
                  ) : null}
                  <HighlightedText value={hit.snippet} />
                </Typography>
              ) : null}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
});

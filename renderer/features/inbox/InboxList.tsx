import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorText.js';
import { PAGE_SIZE, useFilteredCount, useInboxPages } from '../../state/queries.js';
import { SORTS, useUiStore, type SortKey } from '../../state/ui-store.js';
import { useLookup } from '../../state/use-lookup.js';
import { InboxRowStyles } from './inbox-row-styles.js';
import { InboxRowSkeleton, InboxRowView, ROW_HEIGHT } from './InboxRowView.js';
import { BulkBar } from './BulkBar.js';
import { FilterBar } from './FilterBar.js';

export interface InboxListHandle {
  focus(): void;
  /** The id of the row under the cursor, if that row is loaded. */
  idAt(index: number): string | undefined;
  total(): number;
}

export const rowDomId = (index: number) => `inbox-row-${index}`;

/**
 * The middle pane: a virtualised listbox over listInbox pages. Only the rows on screen exist in
 * the DOM and only their pages are fetched, so 200,000 cached items scroll like 200.
 */
export const InboxList = forwardRef<InboxListHandle>(function InboxList(_props, ref) {
  const { t } = useTranslation();
  const view = useUiStore((s) => s.view);
  const sort = useUiStore((s) => s.sort);
  const filter = useUiStore((s) => s.filter);
  const selection = useUiStore((s) => s.selection);
  const setSort = useUiStore((s) => s.setSort);
  const cursor = useUiStore((s) => s.cursor);
  const setCursor = useUiStore((s) => s.setCursor);
  const openItemId = useUiStore((s) => s.openItemId);
  const openItem = useUiStore((s) => s.openItem);
  const lang = useUiStore((s) => s.language);
  const lookup = useLookup();
  const scrollRef = useRef<HTMLDivElement>(null);
  const totalRef = useRef(0);

  // Which pages the visible rows fall on; page 0 first, which also tells the total.
  const [span, setSpan] = useState({ first: 0, last: 0 });
  const data = useInboxPages(view, filter, sort, span.first, span.last);
  // While newly visible pages load, the view's count keeps the list its full height (a list that
  // shrank for a frame would throw the reader back to the top).
  const count = useFilteredCount(view, filter);
  const total = data.total ?? count.data ?? 0;
  totalRef.current = total;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    onChange: (instance) => {
      const items = instance.getVirtualItems();
      if (items.length === 0) return;
      const first = Math.floor(items[0].index / PAGE_SIZE);
      const last = Math.floor(items[items.length - 1].index / PAGE_SIZE);
      setSpan((prev) => (prev.first === first && prev.last === last ? prev : { first, last }));
    },
  });
  const virtualItems = virtualizer.getVirtualItems();

  // A new view or order starts at the top. Rows have a fixed height, so scrolling is set directly
  // on the element: the virtualizer's own scroll commands stay pending and fight the user's scrolling.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [view, sort, filter]);

  const rowAt = (index: number) => data.pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE];

  useImperativeHandle(ref, () => ({
    focus: () => scrollRef.current?.focus(),
    idAt: (index) => rowAt(index)?.id,
    total: () => totalRef.current,
  }));

  // Keep the cursor in range when the view shrinks, and on screen when it moves.
  useEffect(() => {
    if (total > 0 && cursor >= total) setCursor(total - 1);
  }, [total, cursor, setCursor]);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || cursor >= total) return;
    const top = cursor * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [cursor, total]);

  const viewName = t(`views.${view}`);

  return (
    <Box component="section" aria-label={t('inbox.label', { view: viewName })} sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, bgcolor: 'background.paper', borderRight: 1, borderColor: 'divider' }}>
      <InboxRowStyles />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h1" component="h2" sx={{ fontSize: '1rem', flex: 1 }}>
          {viewName}{' '}
          <Box component="span" sx={{ fontWeight: 400, color: 'text.secondary', fontSize: '0.875rem' }} data-testid="inbox-total">
            {data.total === undefined && count.data === undefined ? '' : t('inbox.total', { count: total })}
          </Box>
        </Typography>
        <TextField
          select
          label={t('inbox.sortLabel')}
          value={sort}
          onChange={(e) => setSort(e.target.value as SortKey)}
          sx={{ minWidth: 170 }}
        >
          {(Object.keys(SORTS) as SortKey[]).map((key) => (
            <MenuItem key={key} value={key}>
              {t(`inbox.sort.${key}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <FilterBar />
      <BulkBar />
      {data.error ? (
        <Box sx={{ p: 1 }}>
          <ErrorAlert error={data.error} />
        </Box>
      ) : null}
      {!data.isPending && data.total === 0 && !data.error ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          {t('inbox.empty')}
        </Typography>
      ) : null}
      <Box
        ref={scrollRef}
        id="inbox-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('inbox.label', { view: viewName })}
        aria-activedescendant={total > 0 ? rowDomId(Math.min(cursor, total - 1)) : undefined}
        data-testid="inbox-list"
        sx={{ flex: 1, overflow: 'auto', position: 'relative', contain: 'strict', '&:focus-visible': { outlineOffset: -3 } }}
      >
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {virtualItems.map((item) => {
            const row = rowAt(item.index);
            const active = item.index === cursor;
            const open = row !== undefined && row.id === openItemId;
            const selected = row !== undefined && selection.includes(row.id);
            return (
              <div
                key={item.key}
                id={rowDomId(item.index)}
                role="option"
                aria-selected={active}
                aria-current={open ? 'true' : undefined}
                aria-posinset={item.index + 1}
                aria-setsize={total}
                data-testid="inbox-row"
                data-item-id={row?.id}
                data-selected={selected ? 'true' : undefined}
                className={`ir-row${row?.restricted ? ' ir-row--restricted' : ''}${open ? ' ir-row--open' : ''}${active ? ' ir-row--active' : ''}${selected ? ' ir-row--selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  setCursor(item.index);
                  if (row) openItem(row.id);
                  scrollRef.current?.focus();
                }}
              >
                {row ? <InboxRowView row={row} lookup={lookup} lang={lang} selected={selected} /> : <InboxRowSkeleton />}
              </div>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
});

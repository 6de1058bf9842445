import FilterList from '@mui/icons-material/FilterList';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Popover from '@mui/material/Popover';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Channel, Kind, Language, Status } from '../../../shared/domain/enums.js';
import { useReference, useSession } from '../../state/queries.js';
import { useUiStore, type ListFilter } from '../../state/ui-store.js';
import { useLookup } from '../../state/use-lookup.js';

type ArrayKey = 'kind' | 'channel' | 'status' | 'language' | 'departmentId' | 'serviceCode';
type BoolKey = 'hasContact' | 'publicationPermission';

const LABEL: Record<ArrayKey | BoolKey, string> = {
  kind: 'filters.kind',
  channel: 'filters.channel',
  status: 'filters.status',
  language: 'filters.language',
  departmentId: 'filters.department',
  serviceCode: 'filters.service',
  hasContact: 'filters.hasContact',
  publicationPermission: 'filters.permission',
};

/** Filters over the current view (kind, channel, status, language, department, service, contact, permission). */
export function FilterBar() {
  const { t } = useTranslation();
  const filter = useUiStore((s) => s.filter);
  const setFilter = useUiStore((s) => s.setFilter);
  const session = useSession();
  const reference = useReference(Boolean(session.data));
  const lookup = useLookup();
  const lang = useUiStore((s) => s.language);
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  const options: Record<ArrayKey, Array<{ value: string; label: string }>> = {
    kind: Kind.options.map((v) => ({ value: v, label: t(`kind.${v}`) })),
    channel: Channel.options.map((v) => ({ value: v, label: t(`channel.${v}`) })),
    status: Status.options.map((v) => ({ value: v, label: t(`status.${v}`) })),
    language: Language.options.map((v) => ({ value: v, label: t(`language.${v}`) })),
    departmentId: (reference.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name[lang] || d.name.fi })),
    serviceCode: (reference.data?.services ?? []).map((s) => ({ value: s.code, label: s.name[lang] || s.name.fi })),
  };
  const labelOf = (key: ArrayKey, value: string) =>
    key === 'departmentId' ? (lookup.department(value) ?? value) : key === 'serviceCode' ? (lookup.service(value) ?? value) : (options[key].find((o) => o.value === value)?.label ?? value);

  const set = (patch: Partial<ListFilter>) => setFilter({ ...filter, ...patch });
  const chips: Array<{ key: string; label: string; remove: () => void }> = [];
  for (const key of Object.keys(options) as ArrayKey[]) {
    for (const value of (filter[key] as string[] | undefined) ?? []) {
      chips.push({
        key: `${key}:${value}`,
        label: `${t(LABEL[key] as 'filters.kind')}: ${labelOf(key, value)}`,
        remove: () => set({ [key]: ((filter[key] as string[]) ?? []).filter((v) => v !== value) } as Partial<ListFilter>),
      });
    }
  }
  for (const key of ['hasContact', 'publicationPermission'] as BoolKey[]) {
    const v = filter[key];
    if (v !== undefined) chips.push({ key, label: `${t(LABEL[key] as 'filters.kind')}: ${v ? t('filters.yes') : t('filters.no')}`, remove: () => set({ [key]: undefined }) });
  }

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5, px: 1.5, py: 0.5, borderBottom: 1, borderColor: 'divider' }}>
      <Button ref={anchor} size="small" startIcon={<FilterList />} onClick={() => setOpen(true)} aria-haspopup="dialog" aria-expanded={open} data-testid="filter-button">
        {chips.length ? t('filters.active', { count: chips.length }) : t('filters.button')}
      </Button>
      {chips.map((c) => (
        <Chip key={c.key} size="small" label={c.label} onDelete={c.remove} />
      ))}
      <Popover open={open} anchorEl={anchor.current} onClose={() => setOpen(false)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Box role="dialog" aria-labelledby="filters-title" sx={{ p: 2, width: 360, display: 'grid', gap: 1.5 }}>
          <Typography id="filters-title" variant="h3">
            {t('filters.title')}
          </Typography>
          {(Object.keys(options) as ArrayKey[]).map((key) => (
            <TextField
              key={key}
              select
              size="small"
              label={t(LABEL[key] as 'filters.kind')}
              value={(filter[key] as string[] | undefined) ?? []}
              onChange={(e) => {
                const v = e.target.value as unknown as string[];
                set({ [key]: v.length ? v : undefined } as Partial<ListFilter>);
              }}
              slotProps={{ select: { multiple: true, renderValue: (v) => (v as string[]).map((x) => labelOf(key, x)).join(', ') } }}
            >
              {options[key].map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
          ))}
          {(['hasContact', 'publicationPermission'] as BoolKey[]).map((key) => (
            <TextField
              key={key}
              select
              size="small"
              label={t(LABEL[key] as 'filters.kind')}
              value={filter[key] === undefined ? 'any' : filter[key] ? 'yes' : 'no'}
              onChange={(e) => set({ [key]: e.target.value === 'any' ? undefined : e.target.value === 'yes' })}
            >
              <MenuItem value="any">{t('filters.any')}</MenuItem>
              <MenuItem value="yes">{t('filters.yes')}</MenuItem>
              <MenuItem value="no">{t('filters.no')}</MenuItem>
            </TextField>
          ))}
          <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
            <Button onClick={() => setFilter({})} disabled={chips.length === 0}>
              {t('filters.clear')}
            </Button>
            <Button variant="contained" onClick={() => setOpen(false)}>
              {t('filters.close')}
            </Button>
          </Box>
        </Box>
      </Popover>
    </Box>
  );
}

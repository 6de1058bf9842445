import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Kind, Language } from '../../../shared/domain/enums.js';
import type { Department, Service, Staff } from '../../../shared/domain/reference.js';
import { registryRedirectReply } from '../../../shared/workflow/registry-redirect.js';
import { useDesk } from '../../app/desk-context.js';
import { Shell, useRun } from '../../components/ActionDialog.js';
import { useItem, useReference, useSession } from '../../state/queries.js';
import { isTriageDialog, useUiStore, type TriageDialogKind } from '../../state/ui-store.js';

/** A short list picked with arrows + Enter or with its number key. */
function Choice<T extends string>({ title, values, label, onPick, busy, error, testId }: {
  title: string;
  values: readonly T[];
  label: (v: T) => string;
  onPick: (v: T) => void;
  busy: boolean;
  error: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Shell title={title} busy={busy} error={error} testId={testId}>
      <MenuList
        autoFocusItem
        aria-label={title}
        onKeyDown={(e) => {
          const n = Number(e.key);
          if (Number.isInteger(n) && n >= 1 && n <= values.length) {
            e.preventDefault();
            onPick(values[n - 1]);
          }
        }}
      >
        {values.map((v, i) => (
          <MenuItem key={v} onClick={() => onPick(v)} disabled={busy}>
            {t('triage.option', { n: i + 1, label: label(v) })}
          </MenuItem>
        ))}
      </MenuList>
    </Shell>
  );
}

function useLocalized() {
  const lang = useUiStore((s) => s.language);
  return (text: { fi: string; sv: string; en: string }) => text[lang] || text.fi;
}

function DialogBody({ kind, itemIds, preset }: { kind: TriageDialogKind; itemIds: string[]; preset: Record<string, unknown> }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun();
  const session = useSession();
  const reference = useReference(Boolean(session.data));
  const single = itemIds.length === 1 ? itemIds[0] : null;
  const item = useItem(single);
  const loc = useLocalized();
  const desk = useDesk();
  const each = (name: string, args: Record<string, unknown>) => run(itemIds.map((itemId) => ({ name, args: { itemId, ...args } })));
  const [text, setText] = useState(typeof preset.reason === 'string' ? preset.reason : '');
  const [note, setNote] = useState('');
  const [department, setDepartment] = useState<Department | null>(null);
  const [spamReason, setSpamReason] = useState<'spam' | 'inappropriate' | 'unlawful'>('spam');
  const [localError, setLocalError] = useState<string | null>(null);
  const scope = itemIds.length > 1 ? ` – ${t('bulk.selected', { count: itemIds.length })}` : '';
  const services = [...(reference.data?.services ?? [])].sort((a, b) => loc(a.name).localeCompare(loc(b.name)));
  const departments = reference.data?.departments ?? [];

  switch (kind) {
    case 'kind':
      return <Choice testId="dialog-kind" title={t('triage.chooseKind') + scope} values={Kind.options} label={(v) => t(`kind.${v}`)} onPick={(v) => each('setKind', { kind: v })} busy={busy} error={error} />;
    case 'language':
      return <Choice testId="dialog-language" title={t('triage.chooseLanguage') + scope} values={Language.options} label={(v) => t(`language.${v}`)} onPick={(v) => each('setLanguage', { language: v })} busy={busy} error={error} />;
    case 'service':
      return (
        <Shell title={t('triage.chooseService') + scope} busy={busy} error={error} testId="dialog-service">
          <Autocomplete<Service>
            options={services}
            getOptionLabel={(s) => `${loc(s.name)} (${s.code})`}
            groupBy={(s) => (s.departmentId ? (departments.find((d) => d.id === s.departmentId)?.name ? loc(departments.find((d) => d.id === s.departmentId)!.name) : s.departmentId) : '')}
            openOnFocus
            autoHighlight
            onChange={(_e, s) => s && each('setService', { serviceCode: s.code })}
            renderInput={(params) => <TextField {...params} autoFocus label={t('triage.setService')} />}
          />
        </Shell>
      );
    case 'forward':
      return (
        <Shell
          title={t('triage.forward') + scope}
          busy={busy}
          error={error ?? localError}
          testId="dialog-forward"
          onSubmit={() => {
            if (!department) return setLocalError(t('triage.department'));
            each('forwardToDepartment', { departmentId: department.id, ...(note.trim() ? { note: note.trim() } : {}) });
          }}
        >
          <Autocomplete<Department>
            options={departments}
            getOptionLabel={(d) => loc(d.name)}
            value={department}
            openOnFocus
            autoHighlight
            onChange={(_e, d) => setDepartment(d)}
            renderInput={(params) => <TextField {...params} autoFocus label={t('triage.department')} required />}
          />
          <TextField label={t('triage.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000 } }} />
        </Shell>
      );
    case 'assign': {
      const dept = item.data?.departmentId ?? null;
      const staff = [...(reference.data?.staff ?? [])]
        .filter((s) => s.role !== 'moderator')
        .sort((a, b) => Number(b.departmentId === dept) - Number(a.departmentId === dept) || a.displayName.localeCompare(b.displayName));
      return (
        <Shell title={t('triage.assign') + scope} busy={busy} error={error} testId="dialog-assign">
          <Autocomplete<Staff>
            options={staff}
            getOptionLabel={(s) => `${s.displayName} – ${t(`topBar.roles.${s.role}`)}${s.departmentId ? ` (${s.departmentId})` : ''}`}
            openOnFocus
            autoHighlight
            onChange={(_e, s) => s && each('assign', { staffId: s.id })}
            renderInput={(params) => <TextField {...params} autoFocus label={t('triage.staff')} />}
          />
        </Shell>
      );
    }
    case 'restrict':
    case 'lift':
      return (
        <Shell
          title={t(kind === 'restrict' ? 'triage.restrict' : 'triage.lift') + scope}
          busy={busy}
          error={error}
          testId={`dialog-${kind}`}
          onSubmit={() => each(kind === 'restrict' ? 'restrictVisibility' : 'liftRestriction', { reason: text.trim() })}
        >
          <Typography variant="body2">{t(kind === 'restrict' ? 'triage.restrictHint' : 'triage.liftHint')}</Typography>
          <TextField
            autoFocus
            required
            label={t('triage.reason')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey) {
                e.preventDefault();
                each(kind === 'restrict' ? 'restrictVisibility' : 'liftRestriction', { reason: text.trim() });
              }
            }}
            slotProps={{ htmlInput: { minLength: 3, maxLength: 500 } }}
          />
        </Shell>
      );
    case 'spam':
      return (
        <Shell title={t('triage.spam') + scope} busy={busy} error={error} testId="dialog-spam" onSubmit={() => each('markInappropriate', { reason: spamReason, ...(note.trim() ? { note: note.trim() } : {}) })}>
          <Typography variant="body2">{t('triage.spamHint')}</Typography>
          <TextField select autoFocus label={t('triage.reason')} value={spamReason} onChange={(e) => setSpamReason(e.target.value as typeof spamReason)}>
            {(['spam', 'inappropriate', 'unlawful'] as const).map((r) => (
              <MenuItem key={r} value={r}>
                {t(`triage.spamReason.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField label={t('triage.spamNote')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} />
        </Shell>
      );
    case 'redirect': {
      const language = item.data?.language ?? 'fi';
      return (
        <Shell title={t('triage.redirect')} busy={busy} error={error} testId="dialog-redirect" onSubmit={() => each('redirectToRegistry', {})} submitLabel={t('triage.redirect')} focusSubmit>
          <Typography variant="body2">{t('triage.redirectIntro', { language: t(`language.${language}`) })}</Typography>
          <Box component="pre" lang={language} data-testid="redirect-reply" sx={{ m: 0, p: 1.5, whiteSpace: 'pre-wrap', fontFamily: 'inherit', bgcolor: 'background.default', border: 1, borderColor: 'divider' }}>
            {registryRedirectReply(language)}
          </Box>
          {item.data && !item.data.contact.email ? <Alert severity="info">{t('triage.redirectNoEmail')}</Alert> : null}
        </Shell>
      );
    }
    case 'duplicate': {
      const presetId = typeof preset.duplicateOfId === 'string' ? preset.duplicateOfId : null;
      const submit = async () => {
        setLocalError(null);
        if (presetId) return each('linkDuplicate', { duplicateOfId: presetId });
        const id = text.trim().toLowerCase();
        const found = (await desk.search({ query: id, page: { offset: 0, limit: 5 } })).hits.find((h) => h.row.serviceRequestId === id);
        if (!found) return setLocalError(t('triage.duplicateNotFound'));
        each('linkDuplicate', { duplicateOfId: found.row.id });
      };
      return (
        <Shell title={t('triage.duplicate')} busy={busy} error={error ?? localError} testId="dialog-duplicate" onSubmit={() => void submit()}>
          {presetId ? (
            <Typography>{String(preset.label ?? presetId)}</Typography>
          ) : (
            <TextField autoFocus label={t('triage.duplicateOf')} value={text} onChange={(e) => setText(e.target.value)} />
          )}
          {item.data?.duplicateOf ? (
            <Button onClick={() => each('linkDuplicate', { duplicateOfId: null })} sx={{ justifySelf: 'start' }}>
              {t('triage.unlinkDuplicate')}
            </Button>
          ) : null}
        </Shell>
      );
    }
    case 'outside':
      return (
        <Shell title={t('triage.outside')} busy={busy} error={error} testId="dialog-outside" onSubmit={() => each('markContinuesOutside', { how: text.trim() })}>
          <TextField autoFocus required label={t('triage.outsideHow')} value={text} onChange={(e) => setText(e.target.value)} multiline minRows={2} />
        </Shell>
      );
  }
}

/** The open triage dialog, if any (T, S, F, A, L and the item's action buttons open them). */
export function TriageDialogs() {
  const dialog = useUiStore((s) => s.dialog);
  if (!dialog || !isTriageDialog(dialog.kind)) return null;
  // Keyed so each opening starts with fresh fields.
  return <DialogBody key={`${dialog.kind}:${dialog.itemIds.join(',')}`} kind={dialog.kind} itemIds={dialog.itemIds} preset={dialog.preset ?? {}} />;
}

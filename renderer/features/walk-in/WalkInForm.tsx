import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Kind, Language } from '../../../shared/domain/enums.js';
import type { Service } from '../../../shared/domain/reference.js';
import { useErrorText } from '../../components/ErrorText.js';
import { useMutate, useReference, useSession } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';
import { newServiceRequestId, validateWalkIn, walkInArgs, type WalkInErrors, type WalkInValues } from './walk-in-form.js';

function Form() {
  const { t } = useTranslation();
  const uiLanguage = useUiStore((s) => s.language);
  const close = () => useUiStore.getState().setWalkInOpen(false);
  const notify = useUiStore((s) => s.notify);
  const openItem = useUiStore((s) => s.openItem);
  const session = useSession();
  const reference = useReference(Boolean(session.data));
  const mutate = useMutate();
  const errorText = useErrorText();
  const [v, setV] = useState<WalkInValues>({
    kind: '',
    language: uiLanguage,
    title: '',
    text: '',
    serviceCode: null,
    address: '',
    identity: 'anonymous',
    displayName: '',
    email: '',
    phone: '',
    permission: '',
  });
  const [errors, setErrors] = useState<WalkInErrors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const set = (patch: Partial<WalkInValues>) => setV((old) => ({ ...old, ...patch }));
  const err = (k: keyof WalkInErrors) => (errors[k] ? t(errors[k] as 'walkIn.errors.text') : undefined);
  const loc = (s: Service) => s.name[uiLanguage] || s.name.fi;
  const services = [...(reference.data?.services ?? [])].sort((a, b) => loc(a).localeCompare(loc(b)));

  const submit = () => {
    const found = validateWalkIn(v);
    setErrors(found);
    setSubmitError(null);
    if (Object.keys(found).length) {
      // Keyboard users land on the first field to fix.
      const first = (['kind', 'text', 'displayName', 'email', 'phone', 'permission'] as const).find((k) => found[k]);
      document.getElementById(`walkin-${first}`)?.focus();
      return;
    }
    const ids = { itemId: `walkin-${crypto.randomUUID()}`, serviceRequestId: newServiceRequestId() };
    mutate.mutate([{ name: 'createWalkIn', args: walkInArgs(v, ids) }], {
      onSuccess: ({ failed }) => {
        if (failed.length) return setSubmitError(errorText(failed[0].error));
        close();
        openItem(ids.itemId);
        notify({ text: t('walkIn.saved', { id: ids.serviceRequestId }), severity: 'success' });
      },
      onError: (e) => setSubmitError(errorText(e)),
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <Dialog open onClose={close} aria-labelledby="walkin-title" maxWidth="md" fullWidth onKeyDown={onKeyDown} data-testid="walk-in-form">
      <DialogTitle id="walkin-title">{t('walkIn.title')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, pt: '8px !important' }}>
        <Typography variant="body2" color="text.secondary" sx={{ gridColumn: '1 / -1' }}>
          {t('walkIn.intro')}
        </Typography>
        <TextField
          id="walkin-kind"
          select
          autoFocus
          required
          label={t('walkIn.kind')}
          value={v.kind}
          onChange={(e) => set({ kind: e.target.value as WalkInValues['kind'] })}
          error={Boolean(errors.kind)}
        >
          {Kind.options.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField id="walkin-language" select label={t('walkIn.language')} value={v.language} onChange={(e) => set({ language: e.target.value as WalkInValues['language'] })}>
          {Language.options.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`language.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField id="walkin-title" label={t('walkIn.titleField')} value={v.title} onChange={(e) => set({ title: e.target.value })} slotProps={{ htmlInput: { maxLength: 200 } }} sx={{ gridColumn: '1 / -1' }} />
        <TextField
          id="walkin-text"
          required
          multiline
          minRows={4}
          label={t('walkIn.text')}
          value={v.text}
          onChange={(e) => set({ text: e.target.value })}
          error={Boolean(errors.text)}
          helperText={err('text')}
          slotProps={{ htmlInput: { maxLength: 5000 } }}
          sx={{ gridColumn: '1 / -1' }}
        />
        <Autocomplete<Service>
          id="walkin-service"
          options={services}
          getOptionLabel={(s) => loc(s)}
          value={services.find((s) => s.code === v.serviceCode) ?? null}
          onChange={(_e, s) => set({ serviceCode: s?.code ?? null })}
          autoHighlight
          renderInput={(params) => <TextField {...params} label={t('walkIn.service')} />}
        />
        <TextField id="walkin-address" label={t('walkIn.address')} value={v.address} onChange={(e) => set({ address: e.target.value })} slotProps={{ htmlInput: { maxLength: 500 } }} />
        <FormControl sx={{ gridColumn: '1 / -1' }}>
          <FormLabel id="walkin-identity-label">{t('walkIn.identity')}</FormLabel>
          <RadioGroup row aria-labelledby="walkin-identity-label" value={v.identity} onChange={(e) => set({ identity: e.target.value as WalkInValues['identity'] })}>
            <FormControlLabel value="anonymous" control={<Radio />} label={t('walkIn.identityAnonymous')} />
            <FormControlLabel value="name" control={<Radio />} label={t('walkIn.identityName')} />
            <FormControlLabel value="nickname" control={<Radio />} label={t('walkIn.identityNickname')} />
          </RadioGroup>
        </FormControl>
        {v.identity !== 'anonymous' ? (
          <TextField
            id="walkin-displayName"
            required
            label={t(v.identity === 'name' ? 'walkIn.name' : 'walkIn.nickname')}
            value={v.displayName}
            onChange={(e) => set({ displayName: e.target.value })}
            error={Boolean(errors.displayName)}
            helperText={err('displayName')}
            sx={{ gridColumn: '1 / -1' }}
          />
        ) : null}
        <TextField id="walkin-email" type="email" label={t('walkIn.email')} value={v.email} onChange={(e) => set({ email: e.target.value })} error={Boolean(errors.email)} helperText={err('email') ?? t('walkIn.contactHelp')} />
        <TextField id="walkin-phone" type="tel" label={t('walkIn.phone')} value={v.phone} onChange={(e) => set({ phone: e.target.value })} error={Boolean(errors.phone)} helperText={err('phone')} />
        <FormControl required error={Boolean(errors.permission)} sx={{ gridColumn: '1 / -1' }}>
          <FormLabel id="walkin-permission-label">{t('walkIn.permission')}</FormLabel>
          <RadioGroup row aria-labelledby="walkin-permission-label" value={v.permission} onChange={(e) => set({ permission: e.target.value as WalkInValues['permission'] })}>
            <FormControlLabel value="yes" control={<Radio id="walkin-permission" />} label={t('walkIn.permissionYes')} />
            <FormControlLabel value="no" control={<Radio />} label={t('walkIn.permissionNo')} />
          </RadioGroup>
          <FormHelperText>{err('permission') ?? t('walkIn.permissionHelp')}</FormHelperText>
        </FormControl>
        {Object.keys(errors).length ? (
          <Alert severity="error" sx={{ gridColumn: '1 / -1' }}>
            {t('walkIn.errors.summary')}
          </Alert>
        ) : null}
        {submitError ? (
          <Alert severity="error" role="alert" sx={{ gridColumn: '1 / -1' }}>
            {submitError}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Box sx={{ mr: 'auto', pl: 2 }}>
          <Typography variant="caption" color="text.secondary">
            {t('walkIn.submitHint')}
          </Typography>
        </Box>
        <Button onClick={close}>{t('walkIn.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={mutate.isPending} data-testid="walk-in-submit">
          {t('walkIn.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The walk-in form (N), mounted only while open so each opening starts empty. */
export function WalkInForm() {
  const open = useUiStore((s) => s.walkInOpen);
  return open ? <Form /> : null;
}

import AttachFileOutlined from '@mui/icons-material/AttachFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonBase from '@mui/material/ButtonBase';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../shared/api/desk-api.js';
import { storedFileName, storedPhotoName } from '../../../shared/domain/attachments.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { useErrorText } from '../../components/ErrorText.js';
import { useDesk } from '../../app/desk-context.js';
import { usePhoto } from '../../state/queries.js';

/**
 * The item's attachments: photos sent to the service as thumbnails (opened larger on click), other
 * files the service keeps (a mail's PDF) to download, attachments elsewhere (imported history) as links.
 */
export function Attachments({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  if (item.attachments.length === 0) return <>{t('item.original.noAttachments')}</>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
      {item.attachments.map((a, i) => {
        const label = a.name ?? t('item.original.attachment', { n: i + 1 });
        const photo = storedPhotoName(a.url);
        const file = storedFileName(a.url);
        return (
          <li key={a.url}>
            {photo ? (
              <PhotoThumb itemId={item.id} name={photo} label={label} />
            ) : file ? (
              <FileDownload itemId={item.id} name={file} label={label} />
            ) : (
              <>
                <AttachFileOutlined sx={{ fontSize: 14, verticalAlign: 'middle', mr: 0.5 }} aria-hidden />
                <Link href={a.url} target="_blank" rel="noopener noreferrer">
                  {label}
                </Link>
              </>
            )}
          </li>
        );
      })}
    </Box>
  );
}

/** Only the item's stored photos, as thumbnails; nothing when it has none. */
export function PhotoStrip({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const photos = item.attachments.flatMap((a, i) => {
    const name = storedPhotoName(a.url);
    return name ? [{ name, label: a.name ?? t('item.original.attachment', { n: i + 1 }) }] : [];
  });
  if (photos.length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {photos.map((p) => (
        <li key={p.name}>
          <PhotoThumb itemId={item.id} name={p.name} label={p.label} />
        </li>
      ))}
    </Box>
  );
}

const THUMB = 96;

function PhotoThumb({ itemId, name, label }: { itemId: string; name: string; label: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const photo = usePhoto(itemId, name);
  const [open, setOpen] = useState(false);
  if (photo.isPending) return <Skeleton variant="rectangular" width={THUMB} height={THUMB} aria-label={t('item.photo.loading', { name: label })} />;
  if (photo.error) {
    const code = photo.error instanceof DeskError ? photo.error.code : null;
    // Named like a photo but none (a mail attachment): it can still be saved.
    if (code === 'not_a_photo') return <FileDownload itemId={itemId} name={name} label={label} />;
    const offline = code === 'central_unreachable';
    return (
      <Box sx={{ width: THUMB * 2, p: 1, border: 1, borderColor: 'divider', fontSize: '0.8125rem' }} role="note">
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {label}
        </Typography>
        {offline ? t('item.photo.offline') : errorText(photo.error)}
        <Box>
          <Button size="small" onClick={() => void photo.refetch()}>
            {t('errors.retry')}
          </Button>
        </Box>
      </Box>
    );
  }
  const src = `data:${photo.data.contentType};base64,${photo.data.dataBase64}`;
  return (
    <>
      <ButtonBase
        onClick={() => setOpen(true)}
        aria-label={t('item.photo.open', { name: label })}
        sx={{ border: 1, borderColor: 'divider', '&:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 } }}
      >
        <Box component="img" src={src} alt={label} sx={{ width: THUMB, height: THUMB, objectFit: 'cover', display: 'block' }} />
      </ButtonBase>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="lg" aria-labelledby={`photo-${name}-title`}>
        <DialogTitle id={`photo-${name}-title`}>{label}</DialogTitle>
        <DialogContent>
          <Box component="img" src={src} alt={label} sx={{ maxWidth: '100%', maxHeight: '75vh', display: 'block', mx: 'auto' }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} autoFocus>
            {t('item.photo.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** A stored file that is no photo: fetched when asked for and handed to the browser as a download. */
function FileDownload({ itemId, name, label }: { itemId: string; name: string; label: string }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await desk.attachmentFile({ itemId, name });
      const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box>
      <Button size="small" variant="outlined" startIcon={<AttachFileOutlined />} disabled={busy} onClick={() => void download()} aria-label={t('item.file.download', { name: label })}>
        {label}
      </Button>
      {error ? (
        <Typography variant="body2" role="alert" sx={{ color: 'error.main', mt: 0.5 }}>
          {error instanceof DeskError && error.code === 'central_unreachable' ? t('item.file.offline') : errorText(error)}
        </Typography>
      ) : null}
    </Box>
  );
}

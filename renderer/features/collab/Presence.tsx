import EditOutlined from '@mui/icons-material/EditOutlined';
import CloudOff from '@mui/icons-material/CloudOff';
import Avatar from '@mui/material/Avatar';
import AvatarGroup from '@mui/material/AvatarGroup';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceState } from '../../../shared/api/desk-api.js';
import { useDesk } from '../../app/desk-context.js';
import { keys, usePresence, useSyncStatus } from '../../state/queries.js';
import { useUiStore } from '../../state/ui-store.js';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/**
 * Tell the central which item this person has open and whether they are editing its answer
 * (Zammad's presence); clears it when the item closes. The answer editor sets `editingAnswerOf`.
 */
export function usePresenceAnnouncement(itemId: string | null) {
  const desk = useDesk();
  const client = useQueryClient();
  const editing = useUiStore((s) => itemId !== null && s.editingAnswerOf === itemId);
  // One effect announces every change (A, then B, then none) in order; two would race.
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (itemId === null && announced.current === null) return;
    announced.current = itemId;
    let live = true;
    desk
      .setPresence({ itemId, editing })
      .then((state) => {
        if (live && itemId) client.setQueryData<PresenceState>(keys.presence(itemId), state);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [desk, client, itemId, editing]);
  useEffect(
    () => () => {
      if (announced.current !== null) void desk.setPresence({ itemId: null, editing: false }).catch(() => {});
    },
    [desk],
  );
}

/** Who else has the item open (and who is editing its answer), as avatars in the item header. */
export function PresenceAvatars({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const presence = usePresence(itemId);
  const online = useSyncStatus().data?.online ?? false;
  if (!online || presence.data?.known === false) {
    return (
      <Tooltip title={t('collab.presence.unknown')}>
        <Box component="span" role="img" aria-label={t('collab.presence.unknown')} data-testid="presence-unknown" sx={{ display: 'flex', color: 'text.disabled' }}>
          <CloudOff fontSize="small" />
        </Box>
      </Tooltip>
    );
  }
  const people = presence.data?.people ?? [];
  if (people.length === 0) return null;
  return (
    <Box role="group" aria-label={t('collab.presence.label')} data-testid="presence" sx={{ display: 'flex' }}>
      <AvatarGroup max={5} sx={{ '& .MuiAvatar-root': { width: 28, height: 28, fontSize: '0.75rem' } }}>
        {people.map((p) => {
          const label = t(p.editing ? 'collab.presence.editing' : 'collab.presence.viewing', { name: p.displayName });
          return (
            <Tooltip key={p.staffId} title={label}>
              <Badge
                overlap="circular"
                anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
                invisible={!p.editing}
                badgeContent={<EditOutlined sx={{ fontSize: 12, bgcolor: 'background.paper', borderRadius: '50%' }} />}
              >
                <Avatar alt={p.displayName} aria-label={label} data-testid="presence-avatar" data-editing={p.editing} sx={{ bgcolor: p.editing ? 'warning.main' : 'primary.main', color: 'common.white' }}>
                  {initials(p.displayName)}
                </Avatar>
              </Badge>
            </Tooltip>
          );
        })}
      </AvatarGroup>
    </Box>
  );
}

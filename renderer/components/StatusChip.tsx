import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../shared/domain/enums.js';

const colorOf: Record<Status, 'default' | 'primary' | 'secondary' | 'success' | 'info'> = {
  received: 'primary',
  in_triage: 'secondary',
  forwarded: 'info',
  in_progress: 'info',
  answered: 'success',
  closed: 'default',
  redirected_to_registry: 'default',
  rejected: 'default',
};

export function StatusChip({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Chip
      label={t(`status.${status}`)}
      color={colorOf[status]}
      variant={status === 'received' ? 'filled' : 'outlined'}
      sx={{ height: 20, fontSize: '0.75rem', '& .MuiChip-label': { px: 0.75 } }}
    />
  );
}

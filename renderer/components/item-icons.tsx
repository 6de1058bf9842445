import BuildOutlined from '@mui/icons-material/BuildOutlined';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import ComputerOutlined from '@mui/icons-material/ComputerOutlined';
import ContactMailOutlined from '@mui/icons-material/ContactMailOutlined';
import EmailOutlined from '@mui/icons-material/EmailOutlined';
import HelpOutlined from '@mui/icons-material/HelpOutlined';
import LightbulbOutlined from '@mui/icons-material/LightbulbOutlined';
import Lock from '@mui/icons-material/Lock';
import MapOutlined from '@mui/icons-material/MapOutlined';
import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import SmartphoneOutlined from '@mui/icons-material/SmartphoneOutlined';
import ThumbDownOutlined from '@mui/icons-material/ThumbDownOutlined';
import ThumbUpOutlined from '@mui/icons-material/ThumbUpOutlined';
import WebOutlined from '@mui/icons-material/WebOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Kind } from '../../shared/domain/enums.js';

const kindIcons: Record<Kind, ComponentType<SvgIconProps>> = {
  praise: ThumbUpOutlined,
  criticism: ThumbDownOutlined,
  question: HelpOutlined,
  suggestion: LightbulbOutlined,
  fault_report: BuildOutlined,
};

const channelIcons: Record<Channel, ComponentType<SvgIconProps>> = {
  web_form: ComputerOutlined,
  service_map: MapOutlined,
  department_page: WebOutlined,
  app: SmartphoneOutlined,
  email: EmailOutlined,
  verbal: RecordVoiceOverOutlined,
};

// `titleAccess` gives each icon an accessible name (and a native tooltip) without a Tooltip per row.
export function KindIcon({ kind, ...props }: { kind: Kind } & SvgIconProps) {
  const { t } = useTranslation();
  const Icon = kindIcons[kind];
  return <Icon titleAccess={t(`kind.${kind}`)} {...props} />;
}

export function ChannelIcon({ channel, ...props }: { channel: Channel } & SvgIconProps) {
  const { t } = useTranslation();
  const Icon = channelIcons[channel];
  return <Icon titleAccess={t(`channel.${channel}`)} {...props} />;
}

export function RestrictedIcon(props: SvgIconProps) {
  const { t } = useTranslation();
  return <Lock titleAccess={t('inbox.restricted')} {...props} />;
}

export function ContactIcon(props: SvgIconProps) {
  const { t } = useTranslation();
  return <ContactMailOutlined titleAccess={t('inbox.hasContact')} {...props} />;
}

export function PublishPermissionIcon(props: SvgIconProps) {
  const { t } = useTranslation();
  return <CampaignOutlined titleAccess={t('inbox.publicationPermission')} {...props} />;
}

export function PendingIcon(props: SvgIconProps) {
  const { t } = useTranslation();
  return <CloudUploadOutlined titleAccess={t('inbox.pending')} {...props} />;
}

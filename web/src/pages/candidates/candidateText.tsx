import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../api/models.ts';
import { StatusBadge, type BadgeStatus } from '../../components/StatusBadge.tsx';

const BADGE: Record<ProposalStatus, BadgeStatus> = {
  proposed: 'neutral',
  residentAgreed: 'warning',
  residentDeclined: 'inactive',
  presented: 'active',
  interviewAgreed: 'active',
  revealed: 'safe',
  placed: 'safe',
  withdrawn: 'inactive',
  rejected: 'inactive',
};

export function CandidateStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={BADGE[status]}>{t(`candidates.status.${status}`)}</StatusBadge>;
}

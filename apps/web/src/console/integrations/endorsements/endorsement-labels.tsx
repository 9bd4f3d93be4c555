import type { EndorsementRequestV2, EndorsementTargetV2 } from '@badges/api-contracts/types';
import { useI18n } from '../../../i18n/i18n-context';

type Translate = ReturnType<typeof useI18n>['t'];

/** "Badge class: Robotics" (the target's public id when the platform had no name for it). */
export function targetLabel(t: Translate, target: EndorsementTargetV2): string {
  return t('consoleIntegrations.endorsements.received.target', { type: t(`consoleIntegrations.targetType.${target.type}`), name: target.name ?? target.openBadgeId });
}

export function RequestStatus({ status }: { status: EndorsementRequestV2['status'] }) {
  const { t } = useI18n();
  return <span className={`status status-${status}`}>{t(`consoleIntegrations.requestStatus.${status}`)}</span>;
}

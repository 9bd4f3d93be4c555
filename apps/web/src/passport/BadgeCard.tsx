import type { ReactNode } from 'react';

import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { useI18n } from '../i18n/i18n-context';
import { formatDate } from '../shell/format';

/** One badge: image, name, issuer, date and its status in words (never colour alone). */
export function BadgeCard({ badge, children }: { badge: BackpackAssertionV2; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const status = badge.revoked ? 'revoked' : badge.expired ? 'expired' : badge.status;
  return (
    <li className="card badge-card" data-badge={badge.entityId}>
      <img src={badge.image} alt="" width={96} height={96} />
      <div>
        <h3>{badge.badgeclassName}</h3>
        <p>{t('passport.badges.issuedBy', { issuer: badge.issuerName, date: formatDate(badge.issuedOn, lang) })}</p>
        <p>
          <span className={`status status-${status}`}>{t(`passport.status.${status}`)}</span>
        </p>
        {badge.revoked && badge.revocationReason && <p className="error">{t('passport.revokedBecause', { reason: badge.revocationReason })}</p>}
        <div className="actions">{children}</div>
      </div>
    </li>
  );
}

import { Link } from 'react-router';

import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { useI18n } from '../i18n/i18n-context';
import { badgeTexts } from '../shell/badge-texts';
import { formatDate } from '../shell/format';

/** Where a badge stands, in the words the passport uses (never colour alone). */
export function badgeStatus(badge: BackpackAssertionV2): 'revoked' | 'expired' | BackpackAssertionV2['status'] {
  return badge.revoked ? 'revoked' : badge.expired ? 'expired' : badge.status;
}

/** One badge in the gallery: image, name (the link to its page), issuer, date and status. */
export function BadgeCard({ badge }: { badge: BackpackAssertionV2 }) {
  const { t, lang } = useI18n();
  const status = badgeStatus(badge);
  const texts = badgeTexts(badge);
  return (
    <li className="card badge-card" data-badge={badge.entityId}>
      <img src={badge.image} alt="" width={96} height={96} />
      <div>
        <h3>
          <Link to={`/passport/badges/${encodeURIComponent(badge.entityId)}`} lang={texts.lang}>
            {texts.name}
          </Link>
        </h3>
        <p>{t('passport.badges.issuedBy', { issuer: badge.issuerName, date: formatDate(badge.issuedOn, lang) })}</p>
        <p>
          <span className={`status status-${status}`}>{t(`passport.status.${status}`)}</span>
        </p>
      </div>
    </li>
  );
}

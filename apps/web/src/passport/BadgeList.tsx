import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { createShare } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';
import { BadgeCard } from './BadgeCard';
import type { SectionProps } from './PassportHome';

export function BadgeList({ token, reload, badges }: SectionProps & { badges: BackpackAssertionV2[] }) {
  const { t } = useI18n();
  const action = useAction();
  const share = (badge: BackpackAssertionV2) =>
    action.run(async () => {
      const created = await createShare(token, 'badge', badge.entityId);
      await reload();
      return t('passport.shares.created', { url: created.url });
    });

  return (
    <section aria-labelledby="badges-heading">
      <h2 id="badges-heading">{t('passport.badges.heading')}</h2>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      {badges.length === 0 ? (
        <p>{t('passport.badges.none')}</p>
      ) : (
        <ul className="badge-grid">
          {badges.map((badge) => (
            <BadgeCard key={badge.entityId} badge={badge}>
              {!badge.revoked && (
                <button type="button" className="secondary" disabled={action.busy} aria-label={t('passport.badges.shareNamed', { name: badge.badgeclassName })} onClick={() => share(badge)}>
                  {t('passport.badges.share')}
                </button>
              )}
              <a className="button secondary" href={`/verify?url=${encodeURIComponent(badge.openBadgeId)}`}>
                {t('passport.badges.verify')}
              </a>
            </BadgeCard>
          ))}
        </ul>
      )}
    </section>
  );
}

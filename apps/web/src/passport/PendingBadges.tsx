import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { answerBadge } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';
import { BadgeCard } from './BadgeCard';
import type { SectionProps } from './PassportHome';

export function PendingBadges({ token, reload, badges }: SectionProps & { badges: BackpackAssertionV2[] }) {
  const { t } = useI18n();
  const action = useAction();
  const answer = (badge: BackpackAssertionV2, accept: boolean) =>
    action.run(async () => {
      await answerBadge(token, badge.entityId, accept);
      await reload();
    });

  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t('passport.pending.heading')}</h2>
      <ErrorMessage error={action.error} />
      {badges.length === 0 ? (
        <p>{t('passport.pending.none')}</p>
      ) : (
        <ul className="badge-grid">
          {badges.map((badge) => (
            <BadgeCard key={badge.entityId} badge={badge}>
              <button type="button" disabled={action.busy} aria-label={t('passport.pending.acceptNamed', { name: badge.badgeclassName })} onClick={() => answer(badge, true)}>
                {t('passport.pending.accept')}
              </button>
              <button type="button" className="secondary" disabled={action.busy} aria-label={t('passport.pending.declineNamed', { name: badge.badgeclassName })} onClick={() => answer(badge, false)}>
                {t('passport.pending.decline')}
              </button>
            </BadgeCard>
          ))}
        </ul>
      )}
    </section>
  );
}

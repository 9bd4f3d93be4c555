import type { ShareV2 } from '@badges/api-contracts/types';

import { revokeShare } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';
import type { SectionProps } from './PassportHome';

export function SharesSection({ token, reload, shares }: SectionProps & { shares: ShareV2[] }) {
  const { t } = useI18n();
  const action = useAction();
  const live = shares.filter((share) => !share.revoked);
  const revoke = (share: ShareV2) =>
    action.run(async () => {
      await revokeShare(token, share.entityId);
      await reload();
    });

  return (
    <section aria-labelledby="shares-heading">
      <h2 id="shares-heading">{t('passport.shares.heading')}</h2>
      <ErrorMessage error={action.error} />
      {live.length === 0 ? (
        <p>{t('passport.shares.none')}</p>
      ) : (
        <ul className="plain-list share-list">
          {live.map((share) => (
            <li key={share.entityId} className="card">
              <p>
                {t(`passport.shares.kind.${share.type}`)}: <a href={share.url} className="share-url">{share.url}</a>
              </p>
              <p className="muted">{t('passport.shares.views', { count: share.views })}</p>
              <button type="button" className="secondary" disabled={action.busy} aria-label={t('passport.shares.revokeNamed', { url: share.url })} onClick={() => revoke(share)}>
                {t('passport.shares.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

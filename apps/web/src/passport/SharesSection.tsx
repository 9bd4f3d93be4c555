import type { BackpackAssertionV2, CollectionV2, ShareV2 } from '@badges/api-contracts/types';

import { revokeShare } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';
import { CopyButton } from './CopyButton';
import type { SectionProps } from './passport-context';

/** Every live share link, named by what it shows, with its views; each can be copied or revoked. */
export function SharesSection({ token, reload, shares, badges, collections }: SectionProps & { shares: ShareV2[]; badges: BackpackAssertionV2[]; collections: CollectionV2[] }) {
  const { t } = useI18n();
  const action = useAction();
  const live = shares.filter((share) => !share.revoked);
  const names = new Map<string, string>([...badges.map((badge): [string, string] => [badge.entityId, badge.badgeclassName]), ...collections.map((collection): [string, string] => [collection.entityId, collection.name])]);
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
        <p>{t('passport.share.noneYet')}</p>
      ) : (
        <ul className="plain-list share-list">
          {live.map((share) => (
            <li key={share.entityId} className="card">
              <h3>
                {t(`passport.shares.kind.${share.type}`)}: {names.get(share.target) ?? share.target}
              </h3>
              <p>
                <a href={share.url} className="share-url">
                  {share.url}
                </a>
              </p>
              <p className="muted">{t('passport.shares.views', { count: share.views })}</p>
              <div className="actions">
                <CopyButton text={share.url} label={t('passport.share.copyLink')} />
                <button type="button" className="secondary" disabled={action.busy} aria-label={t('passport.shares.revokeNamed', { url: share.url })} onClick={() => revoke(share)}>
                  {t('passport.shares.revoke')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

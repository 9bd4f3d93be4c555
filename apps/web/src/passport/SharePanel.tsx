import { useId } from 'react';

import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { createShare } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';
import { useFocusWhen } from '../shell/use-focus-when';
import { CopyButton } from './CopyButton';
import { usePassportContext } from './passport-context';

/**
 * Every way to show an accepted badge, all built on its share link (one per badge, reused): the
 * link, LinkedIn's add-to-profile link (the passport fills the certification's fields), embed
 * code, the baked image, and an email.
 */
export function SharePanel({ badge }: { badge: BackpackAssertionV2 }) {
  const { t } = useI18n();
  const { token, reload, data } = usePassportContext();
  const embedId = useId();
  const action = useAction();
  const share = data.shares.find((candidate) => candidate.type === 'badge' && candidate.target === badge.entityId && !candidate.revoked);
  // The link replaces the button that created it.
  const linkRef = useFocusWhen<HTMLAnchorElement>(Boolean(share));
  const create = () =>
    action.run(async () => {
      await createShare(token, 'badge', badge.entityId);
      await reload();
    });

  let body;
  if (badge.revoked) body = <p>{t('passport.share.revokedNote')}</p>;
  else if (badge.status !== 'accepted') body = <p>{t('passport.share.acceptFirst')}</p>;
  else if (!share) {
    body = (
      <button type="button" disabled={action.busy} onClick={create}>
        {t('passport.share.create')}
      </button>
    );
  } else {
    const mail = `mailto:?subject=${encodeURIComponent(t('passport.share.emailSubject', { name: badge.badgeclassName }))}&body=${encodeURIComponent(t('passport.share.emailBody', { name: badge.badgeclassName, issuer: badge.issuerName, url: share.url }))}`;
    body = (
      <>
        <p className="share-link">
          <span className="label">{t('passport.share.link')}</span> <a ref={linkRef} href={share.url} className="share-url">
            {share.url}
          </a>
        </p>
        <CopyButton text={share.url} label={t('passport.share.copyLink')} />
        <ul className="share-actions">
          {share.linkedInUrl && (
            <li>
              <a className="button secondary linkedin" href={share.linkedInUrl} target="_blank" rel="noopener noreferrer">
                {t('passport.share.linkedIn')}
              </a>
            </li>
          )}
          <li>
            <a className="button secondary" href={badge.image} download>
              {t('passport.share.download')}
            </a>
          </li>
          <li>
            <a className="button secondary" href={mail}>
              {t('passport.share.email')}
            </a>
          </li>
        </ul>
        <label htmlFor={embedId}>{t('passport.share.embed')}</label>
        <textarea id={embedId} readOnly rows={3} value={share.embedHtml} onFocus={(event) => event.target.select()} />
        <CopyButton text={share.embedHtml} label={t('passport.share.copyEmbed')} />
      </>
    );
  }

  return (
    <section className="card share-panel" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('passport.share.heading')}</h2>
      <p className="muted">{t('passport.share.help')}</p>
      {body}
      <ErrorMessage error={action.error} />
    </section>
  );
}

import { useId } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../shell/Notice';
import { usePageTitle } from '../shell/use-page-title';
import { BadgeCard } from './BadgeCard';
import { BADGE_FILTERS, filterFrom, issuersOf, matches } from './badge-filters';
import { ConfirmEmail } from './ConfirmEmail';
import { usePassportContext } from './passport-context';

/** The passport's home: every badge as a card, filtered by status and issuer; each opens its page. */
export function GalleryPage() {
  const { t } = useI18n();
  usePageTitle(t('passport.gallery.heading'));
  const { token, reload, data } = usePassportContext();
  const [params, setParams] = useSearchParams();
  const ids = { show: useId(), issuer: useId() };
  // A notice handed over by the page that sent the learner here (e.g. a declined badge).
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const show = filterFrom(params.get('show'));
  const issuer = params.get('issuer') || null;
  const visible = data.badges.filter((badge) => badge.status !== 'declined');
  const shown = visible.filter((badge) => matches(badge, show, issuer));
  const waiting = visible.some((badge) => matches(badge, 'pending', null));
  const issuers = issuersOf(visible);

  function choose(name: 'show' | 'issuer', value: string) {
    const next = new URLSearchParams(params);
    if (value && value !== 'all') next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <section aria-labelledby="gallery-heading">
      <h2 id="gallery-heading">{t('passport.gallery.heading')}</h2>
      <Notice text={notice} />
      <ConfirmEmail token={token} reload={reload} emails={data.learner.emails.filter((email) => !email.verified)} />
      {waiting && show !== 'pending' && <p className="notice">{t('passport.gallery.waiting')}</p>}
      {visible.length === 0 ? (
        <p>
          {t('passport.gallery.emptyAll')} <Link to="/passport/transfer">{t('passport.gallery.importLink')}</Link>
        </p>
      ) : (
        <>
          <div className="filters" role="group" aria-label={t('passport.gallery.filters')}>
            <label htmlFor={ids.show}>{t('passport.gallery.show')}</label>
            <select id={ids.show} value={show} onChange={(event) => choose('show', event.target.value)}>
              {BADGE_FILTERS.map((filter) => (
                <option key={filter} value={filter}>
                  {t(`passport.gallery.${filter}`)}
                </option>
              ))}
            </select>
            <label htmlFor={ids.issuer}>{t('passport.gallery.issuer')}</label>
            <select id={ids.issuer} value={issuer ?? ''} onChange={(event) => choose('issuer', event.target.value)}>
              <option value="">{t('passport.gallery.anyIssuer')}</option>
              {issuers.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          </div>
          {shown.length === 0 ? (
            <p>{t('passport.gallery.emptyFiltered')}</p>
          ) : (
            <ul className="badge-grid">
              {shown.map((badge) => (
                <BadgeCard key={badge.entityId} badge={badge} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';

import type { BackpackAssertionV2, BadgrImportV2 } from '@badges/api-contracts/types';

import { badgrImport, startBadgrImport } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage, refusedAs } from '../shell/ErrorMessage';
import { formatNumber } from '../shell/format';
import { useAction } from '../shell/use-action';
import type { SectionProps } from './passport-context';

const POLL_MS = 1000;

/**
 * Brings the learner's Badgr backpack (decision 0046): their Badgr sign-in, used once by the
 * platform for Badgr's password grant and not kept; then the import's progress, polled until it is
 * done, and each badge's and collection's result.
 */
export function BadgrImportSection({ token, reload, badges }: SectionProps & { badges: BackpackAssertionV2[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [form, setForm] = useState({ badgrUrl: 'https://api.badgr.io', username: '', password: '' });
  const [run, setRun] = useState<BadgrImportV2 | null>(null);
  const action = useAction();
  const done = run?.status === 'completed';

  useEffect(() => {
    if (!run || done) return;
    const timer = setTimeout(() => {
      void badgrImport(token, run.entityId).then(async (next) => {
        if (next.status === 'completed') await reload();
        setRun(next);
      }, () => setRun({ ...run }));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run, done, token, reload]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      try {
        setRun(await startBadgrImport(token, { ...form, badgrUrl: form.badgrUrl.trim(), username: form.username.trim() }));
      } catch (error) {
        throw inReadersWords(error, t);
      } finally {
        setForm((current) => ({ ...current, password: '' }));
      }
    });
  }

  const field = (name: keyof typeof form) => ({ id: `${id}-${name}`, value: form[name], onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }) });
  const n = (value: number) => formatNumber(value, lang);
  const nameOf = (assertion: string | null, openBadgeId: string) => badges.find((badge) => badge.entityId === assertion)?.badgeclassName ?? openBadgeId;
  const progress = run?.progress;
  const handled = progress ? progress.total - progress.pending : 0;

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('passport.badgrImport.heading')}</h2>
      <p>{t('passport.badgrImport.help')}</p>
      <form className="form narrow" onSubmit={submit}>
        <label htmlFor={`${id}-badgrUrl`}>{t('passport.badgrImport.server')}</label>
        <input type="url" required aria-describedby={`${id}-server-help`} {...field('badgrUrl')} />
        <p id={`${id}-server-help`} className="muted">
          {t('passport.badgrImport.serverHelp')}
        </p>
        <label htmlFor={`${id}-username`}>{t('passport.badgrImport.username')}</label>
        <input type="email" required autoComplete="off" {...field('username')} />
        <label htmlFor={`${id}-password`}>{t('passport.badgrImport.password')}</label>
        <input type="password" required autoComplete="off" aria-describedby={`${id}-password-note`} {...field('password')} />
        <p id={`${id}-password-note`} className="notice">
          {t('passport.badgrImport.passwordNote')}
        </p>
        <ErrorMessage error={action.error} />
        <button type="submit" disabled={action.busy || (run !== null && !done)}>
          {t('passport.badgrImport.submit')}
        </button>
      </form>
      {run && progress && (
        <div className="bulk-progress">
          <label htmlFor={`${id}-progress`}>{t('passport.badgrImport.progressLabel')}</label>
          <progress id={`${id}-progress`} max={Math.max(progress.total, 1)} value={done ? Math.max(progress.total, 1) : handled} />
          <p role="status">
            {done ? t('passport.badgrImport.completed', { done: n(handled), total: n(progress.total) }) : t('passport.badgrImport.progress', { done: n(handled), total: n(progress.total) })}
          </p>
          {done && (
            <>
              <p>{t('passport.badgrImport.summary', { imported: n(progress.imported), already: n(progress.alreadyInPassport), skipped: n(progress.skipped), failed: n(progress.failed) })}</p>
              <h3 id={`${id}-results`}>{t('passport.badgrImport.resultsCaption')}</h3>
              <ul className="plain-list" aria-labelledby={`${id}-results`}>
                {run.items.map((item) => (
                  <li key={item.sourceId} className="list-entry">
                    <span className="share-url">{nameOf(item.assertion, item.openBadgeId)}</span>
                    <span>
                      <strong>{t(`passport.badgrImport.outcomes.${item.outcome}`)}</strong>
                      {/* The verifier's own reasons are the most precise, but in English only. */}
                      {item.reason && ` · ${item.reason === 'import_failed' && lang === 'en' && item.message ? item.message : t(`passport.badgrImport.reasons.${item.reason}`)}`}
                    </span>
                  </li>
                ))}
              </ul>
              {run.collections.length > 0 && (
                <>
                  <h3 id={`${id}-collections`}>{t('passport.badgrImport.collectionsCaption')}</h3>
                  <ul className="plain-list" aria-labelledby={`${id}-collections`}>
                    {run.collections.map((collection) => (
                      <li key={collection.sourceId} className="list-entry">
                        <span>{collection.name}</span>
                        <span>
                          <strong>{t(`passport.badgrImport.collectionOutcomes.${collection.outcome}`)}</strong>
                          {collection.collection && ` · ${t('passport.badgrImport.collectionBadges', { badges: n(collection.badges) })}`}
                          {collection.leftOut > 0 && ` · ${t('passport.badgrImport.leftOut', { count: n(collection.leftOut) })}`}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** The platform's refusals of a Badgr import, said in the reader's language. */
function inReadersWords(error: unknown, t: ReturnType<typeof useI18n>['t']): unknown {
  const words: [string, string][] = [
    ['badgr_sign_in_failed', t('passport.badgrImport.errors.signInFailed')],
    ['badgr_unreachable', t('passport.badgrImport.errors.unreachable')],
    ['badgr_unexpected_response', t('passport.badgrImport.errors.notBadgr')],
    ['validation_failed', t('passport.badgrImport.errors.notHttps')],
    ['conflict', t('passport.badgrImport.errors.underWay')],
  ];
  return words.reduce((current, [code, message]) => refusedAs(current, code, message), error);
}

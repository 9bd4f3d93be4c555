import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

import type { BadgeConnectConsent } from '@badges/api-contracts/types';

import { answerClient, consentFor } from '../../api/badge-connect-api';
import { ApiRequestError } from '../../api/client';
import { useSession } from '../../api/session';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { SignInForm } from '../AuthForms';
import { scopeWords } from './scope-words';

type Asking = BadgeConnectConsent & { outcome: 'ask' };

/**
 * The page at the Badge Connect manifest's authorizationUrl (decision 0039): a client site sends
 * the learner's browser here with its request in the query. The passport checks the request
 * first; a request it can send back (a bad scope, no PKCE) goes back to the client at once, one it
 * cannot (unknown client, unregistered redirect URI) is explained here. Otherwise the learner
 * signs in if needed, on this same address, and approves or denies, unless they approved this app
 * before for everything it asks (then it goes straight back with a code).
 */
export function ConsentPage() {
  const { t } = useI18n();
  usePageTitle(t('passport.connect.title'));
  const [query] = useSearchParams();
  const [session, setSession] = useSession('learner');
  const [asking, setAsking] = useState<Asking | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const action = useAction();

  // Asked again once the learner signs in here: an app they approved before for every scope it
  // asks now is not asked about again; the answer is then the code to take back (decision 0042).
  useEffect(() => {
    consentFor(query, session).then((answer) => {
      if (answer.outcome === 'return' && answer.location) leaveFor(answer.location, setLeaving);
      else setAsking(answer as Asking);
    }, setLoadError);
  }, [query, session]);

  async function answer(decision: 'approve' | 'deny') {
    if (!session) return;
    await action.run(async () => {
      try {
        leaveFor((await answerClient(session, query, decision)).location, setLeaving);
      } catch (error) {
        // The session ended (expired, signed out elsewhere): sign in again on this same page.
        if (error instanceof ApiRequestError && error.status === 401) return setSession(false);
        throw error;
      }
    });
  }

  if (loadError) return <InvalidRequest error={loadError} />;
  if (leaving) return <p role="status">{t('passport.connect.leaving')}</p>;
  if (!asking?.client) return <p>{t('common.loading')}</p>;
  if (!session) {
    return (
      <>
        <p className="notice">{t('passport.connect.signInFirst', { name: asking.client.name })}</p>
        <SignInForm onSignedIn={() => setSession(true)} />
      </>
    );
  }
  const { client, scopes = [] } = asking;
  return (
    <>
      <h1>{t('passport.connect.title')}</h1>
      <section className="card consent" aria-labelledby="consent-asks">
        <h2 id="consent-asks">{t('passport.connect.asks', { name: client.name })}</h2>
        <p>{t('passport.connect.site', { site: client.site })}</p>
        {client.uri && <p className="muted">{t('passport.connect.declared', { uri: client.uri })}</p>}
        <h3>{t('passport.connect.scopesHeading')}</h3>
        <ul>
          {scopes.map((scope) => {
            const words = scopeWords(scope);
            return <li key={scope}>{words ? t(words) : scope}</li>;
          })}
        </ul>
        <p className="muted">{t('passport.connect.revokeLater')}</p>
        <ErrorMessage error={action.error} />
        <div className="actions">
          <button type="button" disabled={action.busy} onClick={() => answer('approve')}>
            {t('passport.connect.approve')}
          </button>
          <button type="button" className="secondary" disabled={action.busy} onClick={() => answer('deny')}>
            {t('passport.connect.deny')}
          </button>
        </div>
      </section>
    </>
  );
}

/** Off to the client's site (a full navigation: the address is another origin's). */
function leaveFor(location: string, setLeaving: (leaving: boolean) => void) {
  setLeaving(true);
  window.location.assign(location);
}

/** A request the passport cannot send back to the client: said here, in the learner's words. */
function InvalidRequest({ error }: { error: unknown }) {
  const { t } = useI18n();
  const refused = error instanceof ApiRequestError && error.code === 'validation_failed';
  const field = refused && (error.field === 'client_id' || error.field === 'redirect_uri') ? error.field : 'other';
  return (
    <>
      <h1>{t('passport.connect.invalid.heading')}</h1>
      {refused ? (
        <p className="card" role="alert">
          {t(`passport.connect.invalid.${field}`)}
        </p>
      ) : (
        <ErrorMessage error={error} />
      )}
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { staffPersonSignIn, staffSignIn } from '../api/console-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage, refusedAs } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';
import { usePageTitle } from '../shell/use-page-title';
import { SsoSignIn } from './sso/SsoSignIn';

/**
 * Staff sign in as themselves (email and password, or their institution's single sign-on), or,
 * for a shared or scripted console, with one of the institution's API clients. Either way the
 * token stays in the gateway's HttpOnly cookie.
 */
export function ConsoleSignIn({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useI18n();
  // Each console page names itself; before sign-in the tab is the console's.
  usePageTitle(t('console.title'));
  return (
    <>
      <h1>{t('console.title')}</h1>
      <PersonSignIn onSignedIn={onSignedIn} />
      <SsoSignIn />
      <details className="narrow">
        <summary>{t('console.clientSignInTitle')}</summary>
        <ClientSignIn onSignedIn={onSignedIn} />
      </details>
    </>
  );
}

function PersonSignIn({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn.run(async () => {
      await staffPersonSignIn(email.trim(), password);
      onSignedIn();
    });
  };
  return (
    <form className="form narrow" onSubmit={submit} aria-labelledby="console-sign-in">
      <h2 id="console-sign-in">{t('console.signInTitle')}</h2>
      <label htmlFor="staff-email">{t('console.email')}</label>
      <input id="staff-email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <label htmlFor="staff-password">{t('console.password')}</label>
      <input id="staff-password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
      <ErrorMessage error={refusedAs(signIn.error, 'invalid_credentials', t('console.invalidCredentials'))} />
      <button type="submit" disabled={signIn.busy}>
        {t('console.signIn')}
      </button>
      <p>
        <Link to="/console/password-reset">{t('console.forgotPassword')}</Link>
      </p>
    </form>
  );
}

function ClientSignIn({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useI18n();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const signIn = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn.run(async () => {
      await staffSignIn(clientId.trim(), clientSecret.trim());
      onSignedIn();
    });
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('console.clientSignInTitle')}>
      <p>{t('console.signInHelp')}</p>
      <label htmlFor="client-id">{t('console.clientId')}</label>
      <input id="client-id" name="client_id" autoComplete="off" required value={clientId} onChange={(event) => setClientId(event.target.value)} />
      <label htmlFor="client-secret">{t('console.clientSecret')}</label>
      <input id="client-secret" name="client_secret" type="password" autoComplete="off" required value={clientSecret} onChange={(event) => setClientSecret(event.target.value)} />
      <ErrorMessage error={refusedAs(signIn.error, 'invalid_client', t('console.invalidClient'))} />
      <button type="submit" disabled={signIn.busy}>
        {t('console.clientSignIn')}
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';

import { ApiRequestError } from '../api/client';
import { staffSignIn } from '../api/console-api';
import { useI18n } from '../i18n/i18n-context';
import { usePageTitle } from '../shell/use-page-title';
import { ErrorMessage } from '../shell/ErrorMessage';

export function ConsoleSignIn({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useI18n();
  // Each console page names itself; before sign-in the tab is the console's.
  usePageTitle(t('console.title'));
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await staffSignIn(clientId.trim(), clientSecret.trim());
      onSignedIn();
    } catch (caught) {
      setError(caught instanceof ApiRequestError && caught.code === 'invalid_client' ? new Error(t('console.invalidClient')) : caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('console.title')}</h1>
      <form className="form narrow" onSubmit={submit} aria-labelledby="console-sign-in">
        <h2 id="console-sign-in">{t('console.signInTitle')}</h2>
        <p>{t('console.signInHelp')}</p>
        <label htmlFor="client-id">{t('console.clientId')}</label>
        <input id="client-id" name="client_id" autoComplete="username" required value={clientId} onChange={(event) => setClientId(event.target.value)} />
        <label htmlFor="client-secret">{t('console.clientSecret')}</label>
        <input
          id="client-secret"
          name="client_secret"
          type="password"
          autoComplete="current-password"
          required
          value={clientSecret}
          onChange={(event) => setClientSecret(event.target.value)}
        />
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {t('console.signIn')}
        </button>
      </form>
    </>
  );
}

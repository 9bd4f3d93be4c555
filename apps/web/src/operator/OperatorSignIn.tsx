import { useState, type FormEvent } from 'react';

import { listInstitutions } from '../api/operator-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage, refusedAs } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';

/** The operator token, tried on the list before it is kept: a wrong one is refused here, not on the next page. */
export function OperatorSignIn({ onSignedIn }: { onSignedIn(token: string): void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const signIn = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn.run(async () => {
      await listInstitutions(token.trim());
      onSignedIn(token.trim());
    });
  };
  return (
    <form className="form narrow" onSubmit={submit} aria-labelledby="operator-sign-in">
      <h2 id="operator-sign-in">{t('operator.signIn.heading')}</h2>
      <p>{t('operator.signIn.help')}</p>
      <label htmlFor="operator-token">{t('operator.signIn.token')}</label>
      <input id="operator-token" type="password" autoComplete="off" required value={token} onChange={(event) => setToken(event.target.value)} />
      <ErrorMessage error={refusedAs(signIn.error, 'unauthorized', t('operator.signIn.wrongToken'))} />
      <button type="submit" disabled={signIn.busy}>
        {t('operator.signIn.submit')}
      </button>
    </form>
  );
}

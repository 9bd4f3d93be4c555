import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';

import { confirmStaffPasswordReset, requestStaffPasswordReset } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage, refusedAs } from '../../shell/ErrorMessage';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { linkToken } from './link-token';

/**
 * Without a token: asks for the address to send a reset link to (the answer never says whether it
 * belongs to anyone). With the emailed link's token: sets the new password, which also ends the
 * person's other sessions.
 */
export function PasswordReset() {
  const { t } = useI18n();
  usePageTitle(t('console.reset.title'));
  const token = linkToken(useLocation().hash);
  return (
    <section className="narrow" aria-labelledby="reset-heading">
      <h1 id="reset-heading">{t('console.reset.title')}</h1>
      {token ? <NewPassword token={token} /> : <ResetRequest />}
    </section>
  );
}

function ResetRequest() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await requestStaffPasswordReset(email);
      return t('console.reset.sent', { email: email.trim() });
    });
  };
  if (action.notice) {
    return (
      <p className="notice" role="status">
        {action.notice}
      </p>
    );
  }
  return (
    <form className="form" onSubmit={submit}>
      <p>{t('console.reset.intro')}</p>
      <label htmlFor="reset-email">{t('console.email')}</label>
      <input id="reset-email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('console.reset.send')}
      </button>
    </form>
  );
}

function NewPassword({ token }: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await confirmStaffPasswordReset(token, password);
      setDone(true);
    });
  };
  if (done) {
    return (
      <div className="notice" role="status">
        <p>{t('console.reset.done')}</p>
        <p>
          <Link to="/console">{t('console.goToSignIn')}</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor="reset-password">{t('console.newPassword')}</label>
      <input id="reset-password" type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="reset-password-help" />
      <p id="reset-password-help" className="muted">
        {t('console.passwordHelp')}
      </p>
      <ErrorMessage error={refusedAs(action.error, 'invalid_confirmation', t('console.reset.badLink'))} />
      <button type="submit" disabled={action.busy}>
        {t('console.reset.submit')}
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';

import { acceptStaffInvitation } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage, refusedAs } from '../../shell/ErrorMessage';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { linkToken } from './link-token';

/** The page an invitation email links to: the person chooses their password (and may correct their name). */
export function AcceptInvitation() {
  const { t } = useI18n();
  usePageTitle(t('console.invitation.title'));
  const token = linkToken(useLocation().hash);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    await action.run(async () => {
      await acceptStaffInvitation(token, password, name);
      setDone(true);
    });
  }

  return (
    <section className="narrow" aria-labelledby="invitation-heading">
      <h1 id="invitation-heading">{t('console.invitation.title')}</h1>
      {!token ? (
        <p className="error" role="alert">
          {t('console.linkMissingToken')}
        </p>
      ) : done ? (
        <div className="notice" role="status">
          <p>{t('console.invitation.done')}</p>
          <p>
            <Link to="/console">{t('console.goToSignIn')}</Link>
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>{t('console.invitation.intro')}</p>
          <label htmlFor="invitation-name">{t('console.invitation.name')}</label>
          <input id="invitation-name" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />
          <label htmlFor="invitation-password">{t('console.newPassword')}</label>
          <input id="invitation-password" type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="invitation-password-help" />
          <p id="invitation-password-help" className="muted">
            {t('console.passwordHelp')}
          </p>
          <ErrorMessage error={refusedAs(action.error, 'invalid_confirmation', t('console.invitation.badLink'))} />
          <button type="submit" disabled={action.busy}>
            {t('console.invitation.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

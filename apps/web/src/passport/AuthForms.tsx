import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';

import { ApiRequestError } from '../api/client';
import { signIn, signUp } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';
import { usePageTitle } from '../shell/use-page-title';

interface Props {
  /** The gateway holds the session in an HttpOnly cookie; the page only learns that it exists. */
  onSignedIn(): void;
}

export function SignInForm({ onSignedIn }: Props) {
  const { t } = useI18n();
  usePageTitle(t('passport.signInTitle'));
  const ids = { email: useId(), password: useId() };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      await signIn(email.trim(), password);
      onSignedIn();
    });
  }

  const error = action.error instanceof ApiRequestError && action.error.code === 'invalid_credentials' ? new Error(t('passport.invalidCredentials')) : action.error;
  return (
    <>
      <h1>{t('passport.signInTitle')}</h1>
      <form className="form narrow" onSubmit={submit}>
        <label htmlFor={ids.email}>{t('passport.email')}</label>
        <input id={ids.email} type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor={ids.password}>{t('passport.password')}</label>
        <input id={ids.password} type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <ErrorMessage error={error} />
        <button type="submit" disabled={action.busy}>
          {t('passport.signIn')}
        </button>
      </form>
      <p>
        {t('passport.noAccount')} <Link to="/passport/signup">{t('passport.createOne')}</Link>
      </p>
    </>
  );
}

export function SignUpForm({ onSignedIn }: Props) {
  const { t, lang } = useI18n();
  usePageTitle(t('passport.signUpTitle'));
  const navigate = useNavigate();
  const ids = { name: useId(), email: useId(), password: useId(), passwordHelp: useId() };
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const [emailed, setEmailed] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    let signedIn = false;
    const done = await action.run(async () => {
      await signUp(address, password, name.trim(), lang);
      signedIn = await signInIfNew(address, password);
    });
    if (!done) return;
    if (!signedIn) return setEmailed(address);
    onSignedIn();
    navigate('/passport');
  }

  if (emailed) {
    return (
      <>
        <h1>{t('passport.checkEmail.heading')}</h1>
        <p role="status">{t('passport.checkEmail.body', { email: emailed })}</p>
        <p>
          <Link to="/passport">{t('passport.signInInstead')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t('passport.signUpTitle')}</h1>
      <form className="form narrow" onSubmit={submit}>
        <label htmlFor={ids.name}>{t('passport.name')}</label>
        <input id={ids.name} autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={ids.email}>{t('passport.email')}</label>
        <input id={ids.email} type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor={ids.password}>{t('passport.password')}</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          aria-describedby={ids.passwordHelp}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p id={ids.passwordHelp} className="muted">
          {t('passport.passwordHelp')}
        </p>
        <ErrorMessage error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('passport.signUp')}
        </button>
      </form>
      <p>
        {t('passport.haveAccount')} <Link to="/passport">{t('passport.signInInstead')}</Link>
      </p>
    </>
  );
}

/**
 * A taken address answers sign-up like a new one (its owner is emailed instead), so the page
 * cannot say which it was: a new passport signs in; otherwise the email says what to do.
 */
async function signInIfNew(email: string, password: string): Promise<boolean> {
  try {
    await signIn(email, password);
    return true;
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'invalid_credentials') return false;
    throw error;
  }
}

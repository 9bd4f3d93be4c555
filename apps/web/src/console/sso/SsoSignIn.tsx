import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import type { SsoErrorCode } from '@badges/api-contracts/types';

import { ssoStartPath } from '../../api/sso-api';
import { useI18n } from '../../i18n/i18n-context';

/** Every code the gateway may send back (SSO_ERROR_CODES): a Record, so the compiler says when one is missing. */
const SSO_ERRORS: Record<SsoErrorCode, true> = {
  invalid_email: true,
  no_sso_for_domain: true,
  invalid_state: true,
  provider_refused: true,
  provider_failed: true,
  email_not_verified: true,
  domain_not_allowed: true,
  no_role: true,
  account_unavailable: true,
  institution_suspended: true,
};

function isSsoError(code: string | null): code is SsoErrorCode {
  return code !== null && Object.hasOwn(SSO_ERRORS, code);
}

/**
 * "Sign in with your institution": the address's domain says which institution's provider the
 * gateway sends the browser to. A navigation, not a fetch (the browser leaves for the provider);
 * a refused sign-in comes back as `/console?sso_error=<code>`, said here in the reader's language.
 */
export function SsoSignIn() {
  const { t } = useI18n();
  const id = useId();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const error = params.get('sso_error');
  const go = (event: FormEvent) => {
    event.preventDefault();
    window.location.assign(ssoStartPath(email));
  };
  return (
    <form className="form narrow" onSubmit={go} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('consoleSso.signIn.title')}</h2>
      <p id={`${id}-help`}>{t('consoleSso.signIn.help')}</p>
      <label htmlFor={`${id}-email`}>{t('consoleSso.signIn.email')}</label>
      <input id={`${id}-email`} type="email" autoComplete="username" required aria-describedby={`${id}-help`} value={email} onChange={(event) => setEmail(event.target.value)} />
      {isSsoError(error) && (
        <p className="error" role="alert">
          {t(`consoleSso.signIn.errors.${error}`)}
        </p>
      )}
      <button type="submit">{t('consoleSso.signIn.submit')}</button>
    </form>
  );
}

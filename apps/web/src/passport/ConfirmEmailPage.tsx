import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import type { ConfirmedEmailV2 } from '@badges/api-contracts/types';

import { ApiRequestError } from '../api/client';
import { confirmEmail } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';
import { usePageTitle } from '../shell/use-page-title';

// The passport's answers for a token it cannot use: unknown, used, expired, or cut short.
const UNUSABLE_TOKEN = new Set(['invalid_confirmation', 'validation_failed', 'not_found']);

/**
 * Where the emailed confirmation link lands. It confirms on a click, not on opening: mail
 * scanners open links, and must not confirm an address on the learner's behalf. A signed-in
 * learner then goes straight into their passport, told what arrived.
 */
export function ConfirmEmailPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  usePageTitle(t('passport.confirmPage.title'));
  const token = useSearchParams()[0].get('token') ?? '';
  const navigate = useNavigate();
  const action = useAction();
  const [confirmed, setConfirmed] = useState<ConfirmedEmailV2 | null>(null);

  async function confirm() {
    await action.run(async () => {
      const answer = await confirmEmail(token);
      const message = `${t('passport.confirmPage.done', { email: answer.email })} ${collectedText(answer.collected, t)}`;
      if (signedIn) void navigate('/passport', { state: { notice: message } });
      else setConfirmed(answer);
    });
  }

  const unusable = token.length === 0 || (action.error instanceof ApiRequestError && UNUSABLE_TOKEN.has(action.error.code));
  return (
    <>
      <h1>{t('passport.confirmPage.title')}</h1>
      {confirmed ? (
        <div role="status" className="card">
          <p>
            {t('passport.confirmPage.done', { email: confirmed.email })} {collectedText(confirmed.collected, t)}
          </p>
          <p>{t('passport.confirmPage.signIn')}</p>
          <Link className="button" to="/passport">
            {t('passport.confirmPage.open')}
          </Link>
        </div>
      ) : unusable ? (
        <div className="card">
          <p role="alert">{t('passport.confirmPage.invalid')}</p>
          <Link className="button" to="/passport">
            {t('passport.confirmPage.open')}
          </Link>
        </div>
      ) : (
        <div className="card">
          <p>{t('passport.confirmPage.lead')}</p>
          <button type="button" disabled={action.busy} onClick={confirm}>
            {t('passport.confirmPage.button')}
          </button>
          <ErrorMessage error={action.error} />
        </div>
      )}
    </>
  );
}

function collectedText(count: number, t: ReturnType<typeof useI18n>['t']): string {
  if (count === 0) return t('passport.confirmPage.collectedNone');
  return count === 1 ? t('passport.confirmPage.collectedOne') : t('passport.confirmPage.collectedMany', { count });
}

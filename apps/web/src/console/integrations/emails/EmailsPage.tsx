import { useCallback } from 'react';

import type { EmailDeliveryV2 } from '@badges/api-contracts/types';

import { emailDeliveries, resendEmail } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { formatDate } from '../../../shell/format';
import { Notice } from '../../../shell/Notice';
import { useAction } from '../../../shell/use-action';
import { usePageTitle } from '../../../shell/use-page-title';
import { useLoaded } from '../use-loaded';

/** Award (and endorsement) email deliveries: where each stands, why it failed, and resend. */
export function EmailsPage({ token }: { token: string }) {
  const { t, lang } = useI18n();
  usePageTitle(t('consoleIntegrations.emails.title'));
  const load = useCallback(() => emailDeliveries(token), [token]);
  const emails = useLoaded<EmailDeliveryV2[]>(load, []);
  const action = useAction();
  const resend = (email: EmailDeliveryV2) =>
    action.run(async () => {
      await resendEmail(token, email.entityId);
      await emails.reload();
      return t('consoleIntegrations.emails.resent', { to: email.to });
    });

  return (
    <section aria-labelledby="emails-heading">
      <h2 id="emails-heading">{t('consoleIntegrations.emails.title')}</h2>
      <p>{t('consoleIntegrations.emails.intro')}</p>
      <button type="button" className="secondary" onClick={() => void emails.reload()}>
        {t('consoleIntegrations.reload')}
      </button>
      <ErrorMessage error={emails.error ?? action.error} />
      <Notice text={action.notice} />
      {emails.loading ? (
        <p>{t('common.loading')}</p>
      ) : emails.data.length === 0 ? (
        <p>{t('consoleIntegrations.none')}</p>
      ) : (
        <ul className="integration-list" aria-label={t('consoleIntegrations.emails.caption')}>
          {emails.data.map((email) => (
            <li key={email.entityId}>
              <h3>{email.subject}</h3>
              <dl className="facts">
                <dt>{t('consoleIntegrations.emails.to')}</dt>
                <dd>{email.to}</dd>
                <dt>{t('consoleIntegrations.emails.status')}</dt>
                <dd>
                  <span className={`status status-${email.status}`}>{t(`consoleIntegrations.emails.statusName.${email.status}`)}</span>
                </dd>
                <dt>{t('consoleIntegrations.emails.attempts')}</dt>
                <dd>{email.attempts}</dd>
                {email.sentAt && (
                  <>
                    <dt>{t('consoleIntegrations.emails.sentAt')}</dt>
                    <dd>{formatDate(email.sentAt, lang)}</dd>
                  </>
                )}
                {email.lastError && (
                  <>
                    <dt>{t('consoleIntegrations.emails.lastError')}</dt>
                    <dd>{email.lastError}</dd>
                  </>
                )}
              </dl>
              <button
                type="button"
                className="secondary"
                disabled={action.busy || email.status === 'queued'}
                aria-label={t('consoleIntegrations.emails.resendNamed', { subject: email.subject, to: email.to })}
                onClick={() => resend(email)}
              >
                {t('consoleIntegrations.emails.resend')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';

import type { AssertionV2 } from '@badges/api-contracts/types';

import { revokeAssertion } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { formatDate } from '../../shell/format';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';
import { useConsoleSession } from '../console-session';

/** One assertion found: its state, and for a live one a form to revoke it with a reason. */
export function AssertionItem({ assertion, badgeName, onRevoked }: { assertion: AssertionV2; badgeName: string; onRevoked(): Promise<unknown> }) {
  const { t, lang } = useI18n();
  const { token } = useConsoleSession();
  const id = useId();
  const action = useAction();
  const [reason, setReason] = useState('');

  async function revoke(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      await revokeAssertion(token, assertion.entityId, reason.trim());
      await onRevoked();
      return t('console.assertions.revokedNotice');
    });
  }

  return (
    <li className="card">
      <h3>{badgeName}</h3>
      <p>
        {t('console.assertions.issuedOn', { date: formatDate(assertion.issuedOn, lang) })} · <a href={assertion.openBadgeId}>{t('console.assertions.view')}</a>
      </p>
      <p className="status-line">
        {assertion.revoked ? t('console.assertions.revoked', { reason: assertion.revocationReason ?? '' }) : t('console.assertions.active')}
      </p>
      <Notice text={action.notice} />
      {!assertion.revoked && (
        <form className="form" onSubmit={revoke} aria-label={t('console.assertions.revokeNamed', { badge: badgeName, date: formatDate(assertion.issuedOn, lang) })}>
          <label htmlFor={`${id}-reason`}>{t('console.assertions.reason')}</label>
          <input id={`${id}-reason`} required value={reason} onChange={(event) => setReason(event.target.value)} />
          <ErrorMessage error={action.error} />
          <button type="submit" disabled={action.busy}>
            {t('console.assertions.revoke')}
          </button>
        </form>
      )}
    </li>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';

import type { AssertionV2 } from '@badges/api-contracts/types';

import { listBadgeClasses, listIssuers, searchAssertions } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { useConsoleData, useConsoleSession } from '../console-session';
import { AssertionItem } from './AssertionItem';

/** Finds an issuer's assertions to one recipient, to revoke them. */
export function AssertionsPage() {
  const { t } = useI18n();
  usePageTitle(t('console.assertions.heading'));
  const { token } = useConsoleSession();
  const id = useId();
  const issuers = useConsoleData(listIssuers);
  const search = useAction();
  const [issuerId, setIssuerId] = useState('');
  const [recipient, setRecipient] = useState('');
  const [found, setFound] = useState<{ assertions: AssertionV2[]; badgeNames: Map<string, string> } | null>(null);
  useEffect(() => {
    if (!issuerId && issuers.data?.[0]) setIssuerId(issuers.data[0].entityId);
  }, [issuerId, issuers.data]);

  const find = () =>
    search.run(async () => {
      // Assertions name their badge class by id; staff recognise it by name.
      const [assertions, badgeClasses] = await Promise.all([searchAssertions(token, issuerId, recipient.trim()), listBadgeClasses(token, issuerId)]);
      setFound({ assertions, badgeNames: new Map(badgeClasses.map((badgeClass) => [badgeClass.entityId, badgeClass.name])) });
    });
  async function submit(event: FormEvent) {
    event.preventDefault();
    await find();
  }

  return (
    <>
      <h1>{t('console.assertions.heading')}</h1>
      <ErrorMessage error={issuers.error} />
      <form className="form narrow" onSubmit={submit} role="search">
        <label htmlFor={`${id}-issuer`}>{t('console.assertions.issuer')}</label>
        <select id={`${id}-issuer`} required value={issuerId} onChange={(event) => setIssuerId(event.target.value)}>
          {issuers.data?.map((issuer) => (
            <option key={issuer.entityId} value={issuer.entityId}>
              {issuer.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-recipient`}>{t('console.assertions.recipient')}</label>
        <input id={`${id}-recipient`} type="email" required value={recipient} onChange={(event) => setRecipient(event.target.value)} />
        <ErrorMessage error={search.error} />
        <button type="submit" disabled={search.busy || !issuerId}>
          {t('console.assertions.search')}
        </button>
      </form>
      {found && (
        <section aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>{t('console.assertions.results')}</h2>
          {found.assertions.length === 0 ? (
            <p>{t('console.assertions.none')}</p>
          ) : (
            <ul className="plain-list">
              {found.assertions.map((assertion) => (
                <AssertionItem key={assertion.entityId} assertion={assertion} badgeName={found.badgeNames.get(assertion.badgeclass) ?? assertion.badgeclass} onRevoked={find} />
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

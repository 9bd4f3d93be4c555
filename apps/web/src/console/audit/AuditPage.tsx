import '../integrations/integrations.css';
import './audit.css';

import { useCallback, useEffect, useId, useMemo, useState } from 'react';

import type { ApiClientV2, AuditEntryV2, IssuerRoleGrantV2, StaffMemberV2 } from '@badges/api-contracts/types';

import { listIssuers } from '../../api/console-api';
import { apiClients } from '../../api/integrations-api';
import { auditCsv, auditPage, staffMembers, type AuditFilter } from '../../api/people-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { saveBlob } from '../awards/download';
import { useConsoleData, useConsoleSession } from '../console-session';
import { useConsoleAdmin } from '../use-console-admin';
import { AuditEntryItem } from './AuditEntryItem';
import { AuditFilters, type ActorChoice } from './AuditFilters';
import type { ValueWords } from './change-text';

/**
 * The institution's audit trail (/v2/audit), for its admins: newest first, a page at a time
 * ("Load more" follows the cursor), filtered by action, actor and days, and downloadable as the
 * gateway's CSV with the same filters. Anyone else is told the page is the admins'.
 */
export function AuditPage() {
  const { t } = useI18n();
  usePageTitle(t('consolePeople.audit.title'));
  const { session, error } = useConsoleAdmin();
  return (
    <>
      <h1>{t('consolePeople.audit.title')}</h1>
      <ErrorMessage error={error} />
      {session === null ? !error && <p>{t('common.loading')}</p> : session.admin ? <Trail /> : <p className="notice">{t('consolePeople.adminsOnly')}</p>}
    </>
  );
}

/** Who and what the entries name by id: people, clients and issuers, to show their names instead. */
function useNames() {
  const people = useConsoleData(staffMembers);
  const clients = useConsoleData(apiClients);
  const issuers = useConsoleData(listIssuers);
  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const person of people.data ?? []) byId.set(person.staffId, person.name);
    for (const client of clients.data ?? []) byId.set(client.clientId, client.name);
    for (const issuer of issuers.data ?? []) byId.set(issuer.entityId, issuer.name);
    return byId;
  }, [people.data, clients.data, issuers.data]);
  return { names, people: people.data ?? [], clients: clients.data ?? [], error: people.error ?? clients.error ?? issuers.error };
}

function Trail() {
  const { t } = useI18n();
  const id = useId();
  const { token } = useConsoleSession();
  const known = useNames();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntryV2[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const more = useAction();
  const runMore = more.run;
  const download = useAction();

  const load = useCallback(
    async (after?: string) => {
      const page = await auditPage(token, filter, after);
      setEntries((shown) => (after ? [...(shown ?? []), ...page.entries] : page.entries));
      setCursor(page.cursor);
    },
    [token, filter],
  );
  useEffect(() => {
    setEntries(null);
    void runMore(() => load());
  }, [load, runMore]);

  const words: ValueWords = useMemo(
    () => ({
      empty: t('consolePeople.audit.empty'),
      nameOf: (value) => known.names.get(value),
      roleGrant: (grant: IssuerRoleGrantV2) => t('consolePeople.people.issuerRole', { issuer: known.names.get(grant.issuerId) ?? grant.issuerId, role: t(`consolePeople.roles.${grant.role}`) }),
    }),
    [t, known.names],
  );
  const actors = (list: readonly (StaffMemberV2 | ApiClientV2)[]): ActorChoice[] =>
    list.map((each) => ('staffId' in each ? { actor: `staff:${each.staffId}`, name: `${each.name} (${each.email})` } : { actor: `client:${each.clientId}`, name: each.name }));

  return (
    <>
      <p>{t('consolePeople.audit.intro')}</p>
      <ErrorMessage error={known.error} />
      <AuditFilters people={actors(known.people)} clients={actors(known.clients)} onApply={setFilter} />
      <div className="actions">
        <button type="button" className="secondary" disabled={download.busy} onClick={() => download.run(async () => saveBlob(await auditCsv(token, filter), 'audit.csv'))}>
          {t('consolePeople.audit.download')}
        </button>
      </div>
      <ErrorMessage error={download.error} />
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('consolePeople.audit.listHeading')}</h2>
        <ErrorMessage error={more.error} />
        {entries === null ? (
          !more.error && <p>{t('common.loading')}</p>
        ) : entries.length === 0 ? (
          <p>{t('consolePeople.audit.none')}</p>
        ) : (
          <ol className="integration-list audit-list">
            {entries.map((entry) => (
              <AuditEntryItem key={entry.entityId} entry={entry} words={words} />
            ))}
          </ol>
        )}
        {cursor && (
          <button type="button" className="secondary" disabled={more.busy} onClick={() => more.run(() => load(cursor))}>
            {t('consolePeople.audit.loadMore')}
          </button>
        )}
      </section>
    </>
  );
}

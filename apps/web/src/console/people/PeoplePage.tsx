import '../integrations/integrations.css';
import './people.css';

import { useCallback, useId } from 'react';

import type { StaffMemberV2 } from '@badges/api-contracts/types';

import { listIssuers } from '../../api/console-api';
import { changeStaffRoles, endStaffSessions, removeStaffMember, staffMembers } from '../../api/people-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { useConsoleData, useConsoleSession } from '../console-session';
import { useLoaded } from '../integrations/use-loaded';
import { useConsoleAdmin } from '../use-console-admin';
import { InviteForm } from './InviteForm';
import { PersonItem, type PersonChange } from './PersonItem';

/**
 * The institution's people (/v2/staff), for its admins: invite one with their roles, change the
 * roles, end their sessions, remove them. Anyone else is told politely that the page is the
 * admins', rather than shown the platform's 403.
 */
export function PeoplePage() {
  const { t } = useI18n();
  usePageTitle(t('consolePeople.people.title'));
  const { session, error } = useConsoleAdmin();
  return (
    <>
      <h1>{t('consolePeople.people.title')}</h1>
      <ErrorMessage error={error} />
      {session === null ? !error && <p>{t('common.loading')}</p> : session.admin ? <People selfId={session.staffId} /> : <p className="notice">{t('consolePeople.adminsOnly')}</p>}
    </>
  );
}

function People({ selfId }: { selfId?: string }) {
  const { t } = useI18n();
  const id = useId();
  const { token } = useConsoleSession();
  const issuers = useConsoleData(listIssuers);
  const load = useCallback(() => staffMembers(token), [token]);
  const people = useLoaded<StaffMemberV2[]>(load, []);
  const action = useAction();

  const change = (person: StaffMemberV2, what: PersonChange) =>
    action.run(async () => {
      const name = person.name;
      let notice: string;
      if (what.kind === 'roles') {
        await changeStaffRoles(token, person.staffId, what.roles);
        notice = t('consolePeople.people.rolesSaved', { name });
      } else if (what.kind === 'endSessions') {
        const ended = await endStaffSessions(token, person.staffId);
        notice = t('consolePeople.people.sessionsEnded', { name, count: ended.revokedSessions });
      } else {
        await removeStaffMember(token, person.staffId);
        notice = t('consolePeople.people.removed', { name });
      }
      await people.reload();
      return notice;
    });

  return (
    <>
      <p>{t('consolePeople.people.intro')}</p>
      <ErrorMessage error={issuers.error} />
      <InviteForm token={token} issuers={issuers.data ?? []} onInvited={people.reload} />
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('consolePeople.people.listHeading')}</h2>
        <ErrorMessage error={people.error ?? action.error} />
        <Notice text={action.notice} />
        {people.loading ? (
          <p>{t('common.loading')}</p>
        ) : people.data.length === 0 ? (
          <p>{t('consolePeople.people.none')}</p>
        ) : (
          <ul className="integration-list">
            {people.data.map((person) => (
              <PersonItem key={person.staffId} person={person} issuers={issuers.data ?? []} isSelf={person.staffId === selfId} busy={action.busy} onChange={change} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

import { useId, useState, type FormEvent } from 'react';

import type { IssuerV2, StaffLanguage } from '@badges/api-contracts/types';

import { inviteStaffMember } from '../../api/people-api';
import { useI18n } from '../../i18n/i18n-context';
import { LANGUAGES } from '../../i18n/languages';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';
import { NO_ROLES, type Roles } from './issuer-roles';
import { RolesFieldset } from './RolesFieldset';

/** The contract's email languages; `satisfies Record` flags one it has and this list lacks. */
const STAFF_LANGUAGES = Object.keys({ en: 1, fr: 2 } satisfies Record<StaffLanguage, number>) as StaffLanguage[];

/** Invites a person by email with their roles; the platform emails them a one-time link to join. */
export function InviteForm({ token, issuers, onInvited }: { token: string; issuers: readonly IssuerV2[]; onInvited(): Promise<void> }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  // The inviter's own language is the likeliest guess for a colleague's.
  const [language, setLanguage] = useState<StaffLanguage>(STAFF_LANGUAGES.find((each) => each === lang) ?? 'en');
  const [roles, setRoles] = useState<Roles>(NO_ROLES);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      const invited = await inviteStaffMember(token, { email, name, language, ...roles });
      setEmail('');
      setName('');
      setRoles(NO_ROLES);
      await onInvited();
      return t('consolePeople.people.invited', { email: invited.email });
    });
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('consolePeople.people.inviteHeading')}</h2>
      <label htmlFor={`${id}-email`}>{t('consolePeople.people.email')}</label>
      <input id={`${id}-email`} type="email" required autoComplete="off" maxLength={254} value={email} onChange={(event) => setEmail(event.target.value)} />
      <label htmlFor={`${id}-name`}>{t('consolePeople.people.name')}</label>
      <input id={`${id}-name`} required autoComplete="off" maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={`${id}-language`}>{t('consolePeople.people.language')}</label>
      <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value as StaffLanguage)}>
        {STAFF_LANGUAGES.map((each) => (
          <option key={each} value={each} lang={each}>
            {LANGUAGES[each]?.name ?? each}
          </option>
        ))}
      </select>
      <RolesFieldset roles={roles} issuers={issuers} onChange={setRoles} />
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      <button type="submit" disabled={action.busy}>
        {t('consolePeople.people.invite')}
      </button>
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';

import type { IssuerV2 } from '@badges/api-contracts/types';

import { inviteStaffMember } from '../../api/people-api';
import { useI18n } from '../../i18n/i18n-context';
import { EmailLanguageSelect, likelyEmailLanguage, type EmailLanguage } from '../../shell/EmailLanguageSelect';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';
import { NO_ROLES, type Roles } from './issuer-roles';
import { RolesFieldset } from './RolesFieldset';

/** Invites a person by email with their roles; the platform emails them a one-time link to join. */
export function InviteForm({ token, issuers, onInvited }: { token: string; issuers: readonly IssuerV2[]; onInvited(): Promise<void> }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  // The inviter's own language is the likeliest guess for a colleague's.
  const [language, setLanguage] = useState<EmailLanguage>(likelyEmailLanguage(lang));
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
      <EmailLanguageSelect id={`${id}-language`} label={t('consolePeople.people.language')} value={language} onChange={setLanguage} />
      <RolesFieldset roles={roles} issuers={issuers} onChange={setRoles} />
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      <button type="submit" disabled={action.busy}>
        {t('consolePeople.people.invite')}
      </button>
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';

import type { EmailV2 } from '@badges/api-contracts/types';

import { addEmail } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';
import type { SectionProps } from './passport-context';

/** The learner's addresses; a new one gets a confirmation link, confirmed in the section above. */
export function IdentifiersSection({ token, reload, emails }: SectionProps & { emails: EmailV2[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    const done = await action.run(async () => {
      await addEmail(token, address, lang);
      await reload();
      return t('passport.identifiers.added', { email: address });
    });
    if (done) setEmail('');
  }

  return (
    <section aria-labelledby="identifiers-heading">
      <h2 id="identifiers-heading">{t('passport.identifiers.heading')}</h2>
      <ul>
        {emails.map((entry) => (
          <li key={entry.entityId}>
            {entry.email} ({entry.verified ? t('passport.identifiers.verified') : t('passport.identifiers.unverified')})
          </li>
        ))}
      </ul>
      <form className="form narrow" onSubmit={submit}>
        <label htmlFor={id}>{t('passport.identifiers.add')}</label>
        <input id={id} type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <ErrorMessage error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('passport.identifiers.submit')}
        </button>
      </form>
      <Notice text={action.notice} />
    </section>
  );
}

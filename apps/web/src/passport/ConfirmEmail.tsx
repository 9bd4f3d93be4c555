import { useId, useState, type FormEvent } from 'react';

import type { EmailV2 } from '@badges/api-contracts/types';

import { confirmEmail } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';
import type { SectionProps } from './passport-context';

/** The link's `token` parameter, or the code itself when that is what was pasted. */
export function confirmationToken(pasted: string): string {
  const text = pasted.trim();
  try {
    return new URL(text).searchParams.get('token') ?? text;
  } catch {
    return text;
  }
}

export function ConfirmEmail({ token: _token, reload, emails }: SectionProps & { emails: EmailV2[] }) {
  const { t } = useI18n();
  const id = useId();
  const [pasted, setPasted] = useState('');
  const action = useAction();
  if (emails.length === 0) return action.notice ? <Notice text={action.notice} /> : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      const confirmed = await confirmEmail(confirmationToken(pasted));
      setPasted('');
      await reload();
      return t('passport.confirm.done', { email: confirmed.email, collected: confirmed.collected });
    });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>{t('passport.confirm.heading')}</h2>
      {emails.map((email) => (
        <p key={email.entityId}>{t('passport.confirm.help', { email: email.email })}</p>
      ))}
      <form className="form" onSubmit={submit}>
        <label htmlFor={id}>{t('passport.confirm.label')}</label>
        <input id={id} required autoComplete="off" value={pasted} onChange={(event) => setPasted(event.target.value)} />
        <ErrorMessage error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('passport.confirm.submit')}
        </button>
      </form>
      <Notice text={action.notice} />
    </section>
  );
}

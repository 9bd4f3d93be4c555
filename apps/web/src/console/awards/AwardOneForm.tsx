import { useId, useState, type FormEvent } from 'react';

import { awardBadge } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';
import { useConsoleSession } from '../console-session';

/** Awards the badge class to one email address (hashed on the platform, as every email recipient). */
export function AwardOneForm({ badgeClassId, onAwarded }: { badgeClassId: string; onAwarded(): void }) {
  const { t } = useI18n();
  const { token } = useConsoleSession();
  const id = useId();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [narrative, setNarrative] = useState('');
  const [notify, setNotify] = useState(true);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const awarded = await action.run(async () => {
      await awardBadge(token, badgeClassId, { email: email.trim(), name, narrative: narrative.trim(), notify });
      return t('console.award.awarded', { email: email.trim() });
    });
    if (awarded) {
      onAwarded();
      setEmail('');
      setName('');
      setNarrative('');
    }
  }

  return (
    <form className="form narrow" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('console.award.heading')}</h2>
      <label htmlFor={`${id}-email`}>{t('console.award.email')}</label>
      <input id={`${id}-email`} type="email" required autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
      <label htmlFor={`${id}-name`}>{t('console.award.name')}</label>
      <input id={`${id}-name`} autoComplete="off" aria-describedby={`${id}-name-help`} value={name} onChange={(event) => setName(event.target.value)} />
      <p id={`${id}-name-help`} className="muted">
        {t('console.award.nameHelp')}
      </p>
      <label htmlFor={`${id}-narrative`}>{t('console.award.narrative')}</label>
      <textarea id={`${id}-narrative`} value={narrative} onChange={(event) => setNarrative(event.target.value)} />
      <div>
        <input id={`${id}-notify`} type="checkbox" checked={notify} onChange={(event) => setNotify(event.target.checked)} />{' '}
        <label htmlFor={`${id}-notify`}>{t('console.award.notify')}</label>
      </div>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      <button type="submit" disabled={action.busy}>
        {t('console.award.submit')}
      </button>
    </form>
  );
}

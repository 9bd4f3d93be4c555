import { useId, useState, type FormEvent } from 'react';

import { startBadgrMigration } from '../../api/operator-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';

type Since = 'all' | 'last' | 'date';

/** Badgr's address and the institution's Badgr sign-in, and how much to read; the password is cleared once sent. */
export function BadgrMigrationForm({ token, institutionId, onStarted }: { token: string; institutionId: string; onStarted(): Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const [overwrite, setOverwrite] = useState(false);
  const [since, setSince] = useState<Since>('all');
  const [sinceAt, setSinceAt] = useState('');
  const action = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      // datetime-local is the reader's local time, without a zone: the browser knows which.
      const sinceValue = since === 'last' ? 'last' : since === 'date' ? new Date(sinceAt).toISOString() : null;
      await startBadgrMigration(token, institutionId, { url: url.trim(), username: username.trim(), password, dryRun, overwrite, since: sinceValue });
      setPassword('');
      await onStarted();
      return t('operator.migrate.form.started');
    });
  };
  const checkbox = (name: string, checked: boolean, set: (value: boolean) => void, label: string) => (
    <div>
      <input id={`${id}-${name}`} type="checkbox" checked={checked} onChange={(event) => set(event.target.checked)} /> <label htmlFor={`${id}-${name}`}>{label}</label>
    </div>
  );

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('operator.migrate.form.heading')}</h2>
      <form className="form narrow" onSubmit={submit}>
        <label htmlFor={`${id}-url`}>{t('operator.migrate.form.url')}</label>
        <input id={`${id}-url`} type="url" required placeholder="https://" aria-describedby={`${id}-url-help`} value={url} onChange={(event) => setUrl(event.target.value)} />
        <p id={`${id}-url-help`} className="muted">
          {t('operator.migrate.form.urlHelp')}
        </p>
        <label htmlFor={`${id}-username`}>{t('operator.migrate.form.username')}</label>
        <input id={`${id}-username`} required autoComplete="off" value={username} onChange={(event) => setUsername(event.target.value)} />
        <label htmlFor={`${id}-password`}>{t('operator.migrate.form.password')}</label>
        <input id={`${id}-password`} type="password" required autoComplete="off" aria-describedby={`${id}-password-help`} value={password} onChange={(event) => setPassword(event.target.value)} />
        <p id={`${id}-password-help`} className="muted">
          {t('operator.migrate.form.passwordHelp')}
        </p>
        {checkbox('dry-run', dryRun, setDryRun, t('operator.migrate.form.dryRun'))}
        {checkbox('overwrite', overwrite, setOverwrite, t('operator.migrate.form.overwrite'))}
        <fieldset>
          <legend>{t('operator.migrate.form.since')}</legend>
          {(['all', 'last', 'date'] as const).map((choice) => (
            <div key={choice}>
              <input id={`${id}-since-${choice}`} type="radio" name={`${id}-since`} checked={since === choice} onChange={() => setSince(choice)} />{' '}
              <label htmlFor={`${id}-since-${choice}`}>{t(`operator.migrate.form.${choice === 'all' ? 'sinceAll' : choice === 'last' ? 'sinceLast' : 'sinceDate'}`)}</label>
            </div>
          ))}
          {since === 'date' && (
            <>
              <label htmlFor={`${id}-since-at`}>{t('operator.migrate.form.sinceAt')}</label>
              <input id={`${id}-since-at`} type="datetime-local" required value={sinceAt} onChange={(event) => setSinceAt(event.target.value)} />
            </>
          )}
        </fieldset>
        <ErrorMessage error={action.error} />
        <Notice text={action.notice} />
        <button type="submit" disabled={action.busy}>
          {t('operator.migrate.form.submit')}
        </button>
      </form>
    </section>
  );
}

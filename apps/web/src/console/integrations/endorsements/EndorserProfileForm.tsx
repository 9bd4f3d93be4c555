import { useEffect, useId, useState, type FormEvent } from 'react';

import type { EndorserProfileV2 } from '@badges/api-contracts/types';

import { saveEndorserProfile, type EndorserProfileFields } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { EmailLanguageSelect, likelyEmailLanguage } from '../../../shell/EmailLanguageSelect';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { Notice } from '../../../shell/Notice';
import { useAction } from '../../../shell/use-action';

const EMPTY: EndorserProfileFields = { name: '', url: '', email: '', description: '' };

/**
 * The institution's public endorser Profile (PUT /v2/endorsers/self). The hosted/signed choice is
 * offered only when the platform reports one on the saved Profile: a platform without signed
 * endorsements would silently ignore it. The language of the emails to its contact address shows,
 * until chosen, the page's for a new Profile, and what it shows is what is sent (decision 0047).
 */
export function EndorserProfileForm({ token, profile, onSaved }: { token: string; profile: EndorserProfileV2 | null; onSaved(): Promise<void> }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [fields, setFields] = useState<EndorserProfileFields>(EMPTY);
  const action = useAction();
  useEffect(() => {
    if (profile) {
      setFields({ name: profile.name, url: profile.url, email: profile.email, description: profile.description ?? '', verification: profile.verification, language: profile.language });
    }
  }, [profile]);
  const set = (name: keyof EndorserProfileFields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value }));
  const language = fields.language ?? likelyEmailLanguage(lang);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      await saveEndorserProfile(token, { ...fields, language });
      await onSaved();
      return t('consoleIntegrations.endorsements.profile.saved');
    });
  }

  return (
    <form className="form narrow" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('consoleIntegrations.endorsements.profile.heading')}</h3>
      <p>{t('consoleIntegrations.endorsements.profile.help')}</p>
      {profile ? (
        <p>
          <a href={profile.openBadgeId}>{t('consoleIntegrations.endorsements.profile.publicLink')}</a>
        </p>
      ) : (
        <p className="muted">{t('consoleIntegrations.endorsements.profile.missing')}</p>
      )}
      <label htmlFor={`${id}-name`}>{t('consoleIntegrations.endorsements.profile.name')}</label>
      <input id={`${id}-name`} required value={fields.name} onChange={set('name')} />
      <label htmlFor={`${id}-url`}>{t('consoleIntegrations.endorsements.profile.url')}</label>
      <input id={`${id}-url`} type="url" required placeholder="https://" value={fields.url} onChange={set('url')} />
      <label htmlFor={`${id}-email`}>{t('consoleIntegrations.endorsements.profile.email')}</label>
      <input id={`${id}-email`} type="email" required autoComplete="email" value={fields.email} onChange={set('email')} />
      <EmailLanguageSelect
        id={`${id}-language`}
        label={t('consoleIntegrations.endorsements.profile.language')}
        value={language}
        onChange={(chosen) => setFields((current) => ({ ...current, language: chosen }))}
      />
      <label htmlFor={`${id}-description`}>{t('consoleIntegrations.endorsements.profile.description')}</label>
      <textarea id={`${id}-description`} value={fields.description} onChange={set('description')} />
      {profile?.verification && (
        <fieldset>
          <legend>{t('consoleIntegrations.endorsements.profile.verification')}</legend>
          {(['hosted', 'signed'] as const).map((choice) => (
            <label key={choice} className="check">
              <input type="radio" name={`${id}-verification`} value={choice} checked={fields.verification === choice} onChange={set('verification')} />
              {t(`consoleIntegrations.endorsements.profile.${choice}`)}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      <button type="submit" disabled={action.busy}>
        {t('consoleIntegrations.endorsements.profile.save')}
      </button>
    </form>
  );
}

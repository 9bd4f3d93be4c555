import { useCallback, useId, useState, type FormEvent } from 'react';

import type { EndorsementTargetType, PublishedEndorserV2 } from '@badges/api-contracts/types';

import { ownBadgeClasses, ownIssuers, requestEndorsement } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { Notice } from '../../../shell/Notice';
import { useAction } from '../../../shell/use-action';
import { useLoaded } from '../use-loaded';

/** A target option's value: `<type>:<entityId>`, so one select offers issuers and badge classes. */
const optionValue = (type: EndorsementTargetType, entityId: string) => `${type}:${entityId}`;

/** Ask another institution (one that published an endorser Profile) to endorse our issuer or badge class. */
export function AskForm({ token, endorsers, onSent }: { token: string; endorsers: PublishedEndorserV2[]; onSent(): Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const loadTargets = useCallback(async () => {
    const [issuers, badgeClasses] = await Promise.all([ownIssuers(token), ownBadgeClasses(token)]);
    return [
      ...badgeClasses.map((badgeClass) => ({ value: optionValue('BadgeClass', badgeClass.entityId), label: t('consoleIntegrations.endorsements.ask.badgeClassOption', { name: badgeClass.name }) })),
      ...issuers.map((issuer) => ({ value: optionValue('Issuer', issuer.entityId), label: t('consoleIntegrations.endorsements.ask.issuerOption', { name: issuer.name }) })),
    ];
  }, [token, t]);
  const targets = useLoaded(loadTargets, []);
  const [target, setTarget] = useState('');
  const [endorser, setEndorser] = useState('');
  const [message, setMessage] = useState('');
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const [type, entityId] = (target || targets.data[0]?.value || '').split(':') as [EndorsementTargetType, string];
    const chosen = endorsers.find((each) => each.institution === (endorser || endorsers[0]?.institution));
    if (!chosen || !entityId) return;
    await action.run(async () => {
      await requestEndorsement(token, { type, entityId }, chosen.institution, message);
      setMessage('');
      await onSent();
      return t('consoleIntegrations.endorsements.ask.sent', { endorser: chosen.name });
    });
  }

  return (
    <form className="form narrow" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('consoleIntegrations.endorsements.ask.heading')}</h3>
      <ErrorMessage error={targets.error} />
      {endorsers.length === 0 ? (
        <p>{t('consoleIntegrations.endorsements.ask.noEndorsers')}</p>
      ) : (
        <>
          <label htmlFor={`${id}-target`}>{t('consoleIntegrations.endorsements.ask.target')}</label>
          <select id={`${id}-target`} required value={target} onChange={(event) => setTarget(event.target.value)}>
            {targets.data.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-endorser`}>{t('consoleIntegrations.endorsements.ask.endorser')}</label>
          <select id={`${id}-endorser`} required value={endorser} onChange={(event) => setEndorser(event.target.value)}>
            {endorsers.map((each) => (
              <option key={each.institution} value={each.institution}>
                {each.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-message`}>{t('consoleIntegrations.endorsements.ask.message')}</label>
          <textarea id={`${id}-message`} value={message} onChange={(event) => setMessage(event.target.value)} />
          <ErrorMessage error={action.error} />
          <Notice text={action.notice} />
          {!targets.loading && targets.data.length === 0 && <p>{t('consoleIntegrations.endorsements.ask.noTargets')}</p>}
          <button type="submit" disabled={action.busy || targets.data.length === 0}>
            {t('consoleIntegrations.endorsements.ask.submit')}
          </button>
        </>
      )}
    </form>
  );
}

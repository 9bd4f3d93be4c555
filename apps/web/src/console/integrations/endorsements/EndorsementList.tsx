import { useState } from 'react';

import type { EndorsementV2 } from '@badges/api-contracts/types';

import { withdrawEndorsement } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { formatDate } from '../../../shell/format';
import { Notice } from '../../../shell/Notice';
import { useAction } from '../../../shell/use-action';
import { targetLabel } from './endorsement-labels';

interface Props {
  token: string;
  heading: string;
  headingId: string;
  endorsements: EndorsementV2[];
  /** The endorser's name, when we know it (the published Profiles); else nothing is said of it. */
  endorserName(institution: string): string | null;
  onWithdrawn(): Promise<void>;
}

/** Issued endorsements (of our entities, or given by us): either party may withdraw one, with a reason. */
export function EndorsementList({ token, heading, headingId, endorsements, endorserName, onWithdrawn }: Props) {
  const { t, lang } = useI18n();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const action = useAction();
  const withdraw = (endorsement: EndorsementV2, name: string) =>
    action.run(async () => {
      await withdrawEndorsement(token, endorsement.entityId, reasons[endorsement.entityId] ?? '');
      await onWithdrawn();
      return t('consoleIntegrations.endorsements.issued.done', { name });
    });

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      {endorsements.length === 0 ? (
        <p>{t('consoleIntegrations.none')}</p>
      ) : (
        <ul className="integration-list">
          {endorsements.map((endorsement) => {
            const name = endorsement.target.name ?? endorsement.target.openBadgeId;
            const endorser = endorserName(endorsement.endorser);
            const reasonId = `reason-${endorsement.entityId}`;
            return (
              <li key={endorsement.entityId}>
                <h4>{targetLabel(t, endorsement.target)}</h4>
                <p>
                  <span className={`status status-${endorsement.revoked ? 'withdrawn' : 'live'}`}>
                    {t(endorsement.revoked ? 'consoleIntegrations.endorsements.issued.withdrawn' : 'consoleIntegrations.endorsements.issued.live')}
                  </span>{' '}
                  {endorser && t('consoleIntegrations.endorsements.issued.by', { endorser, date: formatDate(endorsement.issuedOn, lang) })}
                </p>
                {endorsement.comment && <p>{t('consoleIntegrations.endorsements.issued.comment', { comment: endorsement.comment })}</p>}
                {endorsement.revoked && endorsement.revocationReason && (
                  <p>{t('consoleIntegrations.endorsements.issued.withdrawnBecause', { reason: endorsement.revocationReason })}</p>
                )}
                <p>
                  <a href={endorsement.openBadgeId}>{t('consoleIntegrations.endorsements.issued.view')}</a>
                </p>
                {!endorsement.revoked && (
                  <div className="form">
                    <label htmlFor={reasonId}>{t('consoleIntegrations.endorsements.issued.reason', { name })}</label>
                    <input id={reasonId} value={reasons[endorsement.entityId] ?? ''} onChange={(event) => setReasons({ ...reasons, [endorsement.entityId]: event.target.value })} />
                    <button type="button" className="secondary" disabled={action.busy} aria-label={t('consoleIntegrations.endorsements.issued.withdrawNamed', { name })} onClick={() => withdraw(endorsement, name)}>
                      {t('consoleIntegrations.endorsements.issued.withdraw')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import type { EndorsementRequestV2 } from '@badges/api-contracts/types';
import { useI18n } from '../../../i18n/i18n-context';
import { formatDate } from '../../../shell/format';
import { RequestStatus, targetLabel } from './endorsement-labels';

/** What we asked for, and where each request stands. */
export function SentRequests({ requests, endorserName }: { requests: EndorsementRequestV2[]; endorserName(institution: string): string }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="sent-heading">
      <h3 id="sent-heading">{t('consoleIntegrations.endorsements.sent.heading')}</h3>
      {requests.length === 0 ? (
        <p>{t('consoleIntegrations.none')}</p>
      ) : (
        <ul className="integration-list">
          {requests.map((request) => (
            <li key={request.entityId}>
              <h4>{targetLabel(t, request.target)}</h4>
              <p>
                {t('consoleIntegrations.endorsements.sent.to', { endorser: endorserName(request.endorser) })} <RequestStatus status={request.status} />
              </p>
              <p className="muted">{t('consoleIntegrations.endorsements.sent.sentOn', { date: formatDate(request.createdAt, lang) })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

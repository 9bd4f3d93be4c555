import { useState } from 'react';

import type { EndorsementRequestV2 } from '@badges/api-contracts/types';

import { approveRequest, declineRequest } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { formatDate } from '../../../shell/format';
import { Notice } from '../../../shell/Notice';
import { useAction } from '../../../shell/use-action';
import { RequestStatus, targetLabel } from './endorsement-labels';

/** Requests other institutions sent us: approve with a comment, or decline with a reason. */
export function ReceivedRequests({ token, requests, onAnswered }: { token: string; requests: EndorsementRequestV2[]; onAnswered(): Promise<void> }) {
  const { t, lang } = useI18n();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const action = useAction();
  const answer = (request: EndorsementRequestV2, approve: boolean) =>
    action.run(async () => {
      const note = notes[request.entityId] ?? '';
      const name = request.target.name ?? request.target.openBadgeId;
      if (approve) await approveRequest(token, request.entityId, note);
      else await declineRequest(token, request.entityId, note);
      await onAnswered();
      return t(approve ? 'consoleIntegrations.endorsements.received.approved' : 'consoleIntegrations.endorsements.received.declined', { name });
    });

  return (
    <section aria-labelledby="received-heading">
      <h3 id="received-heading">{t('consoleIntegrations.endorsements.received.heading')}</h3>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      {requests.length === 0 ? (
        <p>{t('consoleIntegrations.none')}</p>
      ) : (
        <ul className="integration-list">
          {requests.map((request) => {
            const name = request.target.name ?? request.target.openBadgeId;
            const noteId = `note-${request.entityId}`;
            return (
              <li key={request.entityId}>
                <h4>
                  <a href={request.target.openBadgeId}>{targetLabel(t, request.target)}</a>
                </h4>
                <p>
                  <RequestStatus status={request.status} /> <span className="muted">{formatDate(request.createdAt, lang)}</span>
                </p>
                {request.message && <p>{t('consoleIntegrations.endorsements.received.message', { message: request.message })}</p>}
                {request.status === 'pending' && (
                  <div className="form">
                    <label htmlFor={noteId}>{t('consoleIntegrations.endorsements.received.comment', { name })}</label>
                    <textarea id={noteId} value={notes[request.entityId] ?? ''} onChange={(event) => setNotes({ ...notes, [request.entityId]: event.target.value })} />
                    <div className="actions">
                      <button type="button" disabled={action.busy} aria-label={t('consoleIntegrations.endorsements.received.approveNamed', { name })} onClick={() => answer(request, true)}>
                        {t('consoleIntegrations.endorsements.received.approve')}
                      </button>
                      <button type="button" className="secondary" disabled={action.busy} aria-label={t('consoleIntegrations.endorsements.received.declineNamed', { name })} onClick={() => answer(request, false)}>
                        {t('consoleIntegrations.endorsements.received.decline')}
                      </button>
                    </div>
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

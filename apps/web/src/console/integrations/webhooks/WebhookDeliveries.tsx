import { useCallback } from 'react';

import type { WebhookDeliveryV2, WebhookV2 } from '@badges/api-contracts/types';

import { redeliver, webhookDeliveries } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { Notice } from '../../../shell/Notice';
import { useAction } from '../../../shell/use-action';
import { useLoaded } from '../use-loaded';

/** One webhook's deliveries, newest first, each with its outcome and a button to send it again. */
export function WebhookDeliveries({ token, webhook }: { token: string; webhook: WebhookV2 }) {
  const { t } = useI18n();
  const load = useCallback(() => webhookDeliveries(token, webhook.entityId), [token, webhook.entityId]);
  const deliveries = useLoaded<WebhookDeliveryV2[]>(load, []);
  const action = useAction();
  const again = (delivery: WebhookDeliveryV2) =>
    action.run(async () => {
      await redeliver(token, webhook.entityId, delivery.entityId);
      await deliveries.reload();
      return t('consoleIntegrations.webhooks.requeued');
    });

  return (
    <div>
      <h4>{t('consoleIntegrations.webhooks.deliveries')}</h4>
      <ErrorMessage error={deliveries.error ?? action.error} />
      <Notice text={action.notice} />
      {deliveries.loading ? (
        <p>{t('common.loading')}</p>
      ) : deliveries.data.length === 0 ? (
        <p>{t('consoleIntegrations.webhooks.noDeliveries')}</p>
      ) : (
        <ul className="plain-list">
          {deliveries.data.map((delivery) => (
            <li key={delivery.entityId}>
              <p>
                {t('consoleIntegrations.webhooks.deliveryLine', {
                  event: delivery.eventType,
                  status: t(`consoleIntegrations.webhooks.status.${delivery.status}`),
                  attempts: delivery.attempts,
                })}
              </p>
              {delivery.responseStatus !== null && <p className="muted">{t('consoleIntegrations.webhooks.response', { status: delivery.responseStatus })}</p>}
              {delivery.lastError && <p className="muted">{t('consoleIntegrations.webhooks.lastError', { error: delivery.lastError })}</p>}
              <button
                type="button"
                className="secondary"
                disabled={action.busy || delivery.status === 'queued'}
                aria-label={t('consoleIntegrations.webhooks.redeliverNamed', { event: delivery.eventType })}
                onClick={() => again(delivery)}
              >
                {t('consoleIntegrations.webhooks.redeliver')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={() => void deliveries.reload()}>
        {t('consoleIntegrations.reload')}
      </button>
    </div>
  );
}

import { useCallback, useState } from 'react';

import type { WebhookEvent, WebhookV2 } from '@badges/api-contracts/types';

import { deleteWebhook, webhooks as listWebhooks, WEBHOOK_EVENTS } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { Notice } from '../../../shell/Notice';
import { useAction } from '../../../shell/use-action';
import { usePageTitle } from '../../../shell/use-page-title';
import { useLoaded } from '../use-loaded';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookForm } from './WebhookForm';

export function WebhooksPage({ token }: { token: string }) {
  const { t } = useI18n();
  usePageTitle(t('consoleIntegrations.webhooks.title'));
  const load = useCallback(() => listWebhooks(token), [token]);
  const webhooks = useLoaded<WebhookV2[]>(load, []);
  const [open, setOpen] = useState<string | null>(null);
  const action = useAction();
  const remove = (webhook: WebhookV2) =>
    action.run(async () => {
      await deleteWebhook(token, webhook.entityId);
      await webhooks.reload();
      return t('consoleIntegrations.webhooks.removed', { url: webhook.url });
    });
  const eventName = (event: string) => (event in WEBHOOK_EVENTS ? t(`consoleIntegrations.webhooks.event.${WEBHOOK_EVENTS[event as WebhookEvent]}`) : event);

  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">{t('consoleIntegrations.webhooks.title')}</h2>
      <p>{t('consoleIntegrations.webhooks.intro')}</p>
      <WebhookForm token={token} onCreated={webhooks.reload} />
      <section aria-labelledby="webhook-list-heading">
        <h3 id="webhook-list-heading">{t('consoleIntegrations.webhooks.list')}</h3>
        <ErrorMessage error={webhooks.error ?? action.error} />
        <Notice text={action.notice} />
        {webhooks.loading ? (
          <p>{t('common.loading')}</p>
        ) : webhooks.data.length === 0 ? (
          <p>{t('consoleIntegrations.none')}</p>
        ) : (
          <ul className="integration-list">
            {webhooks.data.map((webhook) => (
              <li key={webhook.entityId}>
                <p className="share-url">
                  <strong>{webhook.url}</strong>
                </p>
                <p className="muted">{webhook.events.map(eventName).join(' · ')}</p>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={open === webhook.entityId}
                    aria-label={t('consoleIntegrations.webhooks.showDeliveriesNamed', { url: webhook.url })}
                    onClick={() => setOpen(open === webhook.entityId ? null : webhook.entityId)}
                  >
                    {t('consoleIntegrations.webhooks.showDeliveries')}
                  </button>
                  <button type="button" className="secondary" disabled={action.busy} aria-label={t('consoleIntegrations.webhooks.removeNamed', { url: webhook.url })} onClick={() => remove(webhook)}>
                    {t('consoleIntegrations.webhooks.remove')}
                  </button>
                </div>
                {open === webhook.entityId && <WebhookDeliveries token={token} webhook={webhook} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

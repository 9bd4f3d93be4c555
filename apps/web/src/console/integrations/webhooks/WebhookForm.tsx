import { useId, useState, type FormEvent } from 'react';

import type { WebhookEvent } from '@badges/api-contracts/types';

import { createWebhook, WEBHOOK_EVENTS } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { useAction } from '../../../shell/use-action';

/**
 * Registers a webhook. The platform returns its signing secret only in this answer, so the form
 * shows it in a read-only field until the next registration, and never fetches it again.
 */
export function WebhookForm({ token, onCreated }: { token: string; onCreated(): Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['badges.assertion.issued.v1']);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const action = useAction();

  const toggle = (event: WebhookEvent, on: boolean) => setEvents((current) => (on ? [...current, event] : current.filter((each) => each !== event)));
  async function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    setCreated(null);
    await action.run(async () => {
      const webhook = await createWebhook(token, url, events);
      setCreated({ url: webhook.url, secret: webhook.secret });
      setUrl('');
      await onCreated();
    });
  }

  return (
    <>
      <form className="form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>{t('consoleIntegrations.webhooks.create')}</h3>
        <label htmlFor={`${id}-url`}>{t('consoleIntegrations.webhooks.url')}</label>
        <input id={`${id}-url`} type="url" required placeholder="https://" value={url} onChange={(event) => setUrl(event.target.value)} />
        <fieldset className="events">
          <legend>{t('consoleIntegrations.webhooks.events')}</legend>
          {(Object.keys(WEBHOOK_EVENTS) as WebhookEvent[]).map((event) => (
            <label key={event} className="check">
              <input type="checkbox" checked={events.includes(event)} onChange={(change) => toggle(event, change.target.checked)} />
              {t(`consoleIntegrations.webhooks.event.${WEBHOOK_EVENTS[event]}`)}
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('consoleIntegrations.webhooks.submit')}
        </button>
      </form>
      {created && (
        <div className="notice" role="status">
          <h3>{t('consoleIntegrations.webhooks.secretHeading')}</h3>
          <p>{t('consoleIntegrations.webhooks.secretHelp')}</p>
          <label htmlFor={`${id}-secret`}>{t('consoleIntegrations.webhooks.secretLabel', { url: created.url })}</label>
          <input id={`${id}-secret`} className="secret" readOnly value={created.secret} onFocus={(event) => event.target.select()} />
        </div>
      )}
    </>
  );
}

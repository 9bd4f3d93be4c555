import { useId, useState, type FormEvent } from 'react';

import type { ApiClientCredentialsV2, ApiClientScope } from '@badges/api-contracts/types';

import { createApiClient } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { useAction } from '../../../shell/use-action';
import { API_CLIENT_SCOPES } from './api-client-scopes';

/** Creates a client with a name and a scope; its secret is handed to `onCreated`, which shows it once. */
export function ApiClientForm({ token, onCreated }: { token: string; onCreated(client: ApiClientCredentialsV2): Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiClientScope>('award');
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      const client = await createApiClient(token, name, scope);
      setName('');
      await onCreated(client);
    });
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('consoleIntegrations.apiClients.create')}</h3>
      <label htmlFor={`${id}-name`}>{t('consoleIntegrations.apiClients.name')}</label>
      <input id={`${id}-name`} required maxLength={255} value={name} onChange={(event) => setName(event.target.value)} />
      <fieldset className="events">
        <legend>{t('consoleIntegrations.apiClients.scope')}</legend>
        {API_CLIENT_SCOPES.map((each) => (
          <label key={each} className="check">
            <input type="radio" name={`${id}-scope`} value={each} checked={scope === each} onChange={() => setScope(each)} />
            <span>
              <strong>{t(`consoleIntegrations.apiClients.scopes.${each}`)}</strong> {t(`consoleIntegrations.apiClients.scopeHelp.${each}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('consoleIntegrations.apiClients.submit')}
      </button>
    </form>
  );
}

import { useCallback, useEffect, useState } from 'react';

import type { ConnectedApp } from '@badges/api-contracts/types';

import { connectedApps, disconnectApp } from '../../api/badge-connect-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { formatDate } from '../../shell/format';
import { useAction } from '../../shell/use-action';
import { usePageTitle } from '../../shell/use-page-title';
import { usePassportContext } from '../passport-context';
import { scopeWords } from './scope-words';

/** The passport's "Connected apps" tab: the Badge Connect clients the learner approved, each revocable at once. */
export function ConnectedAppsPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('passport.connect.apps.heading'));
  const { token } = usePassportContext();
  const [apps, setApps] = useState<ConnectedApp[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const action = useAction();
  const load = useCallback(() => connectedApps(token).then(setApps, setLoadError), [token]);

  useEffect(() => {
    void load();
  }, [load]);

  const disconnect = (app: ConnectedApp) =>
    action.run(async () => {
      await disconnectApp(token, app.clientId);
      await load();
      return t('passport.connect.apps.disconnected', { name: app.name });
    });

  return (
    <section aria-labelledby="connected-apps-heading">
      <h2 id="connected-apps-heading">{t('passport.connect.apps.heading')}</h2>
      <p>{t('passport.connect.apps.lead')}</p>
      <ErrorMessage error={loadError ?? action.error} />
      {action.notice && (
        <p className="notice" role="status">
          {action.notice}
        </p>
      )}
      {apps === null && !loadError && <p>{t('common.loading')}</p>}
      {apps?.length === 0 && <p>{t('passport.connect.apps.none')}</p>}
      {apps && apps.length > 0 && (
        <ul className="plain-list">
          {apps.map((app) => (
            <li key={app.clientId} className="card">
              <h3>{app.name}</h3>
              <p className="muted">
                {t('passport.connect.apps.site', { site: app.site })} · {t('passport.connect.apps.connectedOn', { date: formatDate(app.connectedAt, lang) })}
              </p>
              <p>{t('passport.connect.apps.mayHeading')}</p>
              <ul>
                {app.scopes.map((scope) => {
                  const words = scopeWords(scope);
                  return <li key={scope}>{words ? t(words) : scope}</li>;
                })}
              </ul>
              <div className="actions">
                <button type="button" className="secondary" disabled={action.busy} aria-label={t('passport.connect.apps.disconnectNamed', { name: app.name })} onClick={() => disconnect(app)}>
                  {t('passport.connect.apps.disconnect')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import './operator.css';

import { useCallback, useState } from 'react';

import { useI18n } from '../i18n/i18n-context';
import { usePageTitle } from '../shell/use-page-title';
import { InstitutionsPanel } from './InstitutionsPanel';
import { OperatorSignIn } from './OperatorSignIn';
import { storedOperatorToken, storeOperatorToken } from './operator-token';

/**
 * The province operator's console (/operator): linked from nowhere (operators know the address),
 * signed in with the operator token, which stays in this tab (operator-token.ts).
 */
export function OperatorPage() {
  const { t } = useI18n();
  usePageTitle(t('operator.title'));
  const [token, setToken] = useState(storedOperatorToken);
  const signedIn = useCallback((next: string | null) => {
    storeOperatorToken(next);
    setToken(next);
  }, []);
  return (
    <>
      <div className="console-bar">
        <h1>{t('operator.title')}</h1>
        {token && (
          <button type="button" className="secondary" onClick={() => signedIn(null)}>
            {t('operator.signOut')}
          </button>
        )}
      </div>
      {token ? <InstitutionsPanel token={token} onTokenRefused={() => signedIn(null)} /> : <OperatorSignIn onSignedIn={signedIn} />}
    </>
  );
}

import { useCallback } from 'react';
import { Route, Routes } from 'react-router';

import { useStoredToken } from '../api/session';
import { SignInForm, SignUpForm } from './AuthForms';
import { PassportHome } from './PassportHome';

/** The learner's passport: sign up or in, then their badges, collections, shares and addresses. */
export function PassportRoutes() {
  const [token, setToken] = useStoredToken('passport.token', 'local');
  // Stable, so the passport's data loader does not reload on every render.
  const signedOut = useCallback(() => setToken(null), [setToken]);
  return (
    <Routes>
      <Route index element={token ? <PassportHome token={token} onSignedOut={signedOut} /> : <SignInForm onSignedIn={setToken} />} />
      <Route path="signup" element={<SignUpForm onSignedIn={setToken} />} />
    </Routes>
  );
}

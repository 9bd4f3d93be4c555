import { useCallback } from 'react';
import { Route, Routes } from 'react-router';

import { useSession } from '../api/session';
import { SignInForm, SignUpForm } from './AuthForms';
import { PassportHome } from './PassportHome';

/** The learner's passport: sign up or in, then their badges, collections, shares and addresses. */
export function PassportRoutes() {
  // `token` is the session marker: the token itself is in the gateway's HttpOnly cookie.
  const [token, setSession] = useSession('learner');
  // Stable, so the passport's data loader does not reload on every render.
  const signedOut = useCallback(() => setSession(false), [setSession]);
  const signedIn = useCallback(() => setSession(true), [setSession]);
  return (
    <Routes>
      <Route index element={token ? <PassportHome token={token} onSignedOut={signedOut} /> : <SignInForm onSignedIn={signedIn} />} />
      <Route path="signup" element={<SignUpForm onSignedIn={signedIn} />} />
    </Routes>
  );
}

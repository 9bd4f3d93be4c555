import { useCallback } from 'react';
import { Route, Routes } from 'react-router';

import { useSession } from '../api/session';
import { NotFoundPage } from '../shell/NotFoundPage';
import { SignInForm, SignUpForm } from './AuthForms';
import { BadgePage } from './BadgePage';
import { CollectionsPage } from './CollectionsPage';
import { ConfirmEmailPage } from './ConfirmEmailPage';
import { ConnectedAppsPage } from './connect/ConnectedAppsPage';
import { EmailsPage, SharesPage, TransferPage } from './SectionPages';
import { GalleryPage } from './GalleryPage';
import { PassportLayout } from './PassportLayout';

/** The learner's passport: sign up or in, then their badges, collections, shares and addresses. */
export function PassportRoutes() {
  // `token` is the session marker: the token itself is in the gateway's HttpOnly cookie.
  const [token, setSession] = useSession('learner');
  // Stable, so the passport's data loader does not reload on every render.
  const signedOut = useCallback(() => setSession(false), [setSession]);
  const signedIn = useCallback(() => setSession(true), [setSession]);
  return (
    <Routes>
      <Route path="signup" element={<SignUpForm onSignedIn={signedIn} />} />
      {/* The emailed link: works signed in or not (it may be opened on another device). */}
      <Route path="confirm-email" element={<ConfirmEmailPage signedIn={token !== null} />} />
      <Route element={token ? <PassportLayout token={token} onSignedOut={signedOut} /> : <SignInForm onSignedIn={signedIn} />}>
        <Route index element={<GalleryPage />} />
        <Route path="badges/:id" element={<BadgePage />} />
        <Route path="collections" element={<CollectionsPage />} />
        <Route path="shares" element={<SharesPage />} />
        <Route path="emails" element={<EmailsPage />} />
        <Route path="transfer" element={<TransferPage />} />
        <Route path="connected-apps" element={<ConnectedAppsPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

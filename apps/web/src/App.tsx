import { Route, Routes } from 'react-router';

import { ConsoleRoutes } from './console/ConsoleRoutes';
import { BadgrMigrationPage } from './operator/migrations/BadgrMigrationPage';
import { OperatorPage } from './operator/OperatorPage';
import { ConsentPage } from './passport/connect/ConsentPage';
import { PassportRoutes } from './passport/PassportRoutes';
import { AppShell } from './shell/AppShell';
import { HomePage } from './shell/HomePage';
import { NotFoundPage } from './shell/NotFoundPage';
import { VerifyPage } from './verify/VerifyPage';

/** The app's routes; the gateway answers each of these paths with index.html (apps/gateway web-app.routes.ts). */
export function App() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="passport/*" element={<PassportRoutes />} />
        <Route path="console/*" element={<ConsoleRoutes />} />
        <Route path="operator" element={<OperatorPage />} />
        <Route path="operator/institutions/:id/migrations" element={<BadgrMigrationPage />} />
        {/* Badge Connect's authorizationUrl, where client sites send the learner (decision 0039). */}
        <Route path="o/badgeconnect/authorize" element={<ConsentPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

import { AUDIT_PATHS } from './paths/audit.paths';
import { BADGE_CONNECT_PATHS } from './paths/badge-connect.paths';
import { CLIENTS_PATHS } from './paths/clients.paths';
import { ENDORSEMENT_PATHS } from './paths/endorsement.paths';
import { ISSUING_PATHS } from './paths/issuing.paths';
import { NOTIFICATION_PATHS } from './paths/notification.paths';
import { OPEN_BADGES_API_PATHS } from './paths/open-badges-api.paths';
import type { PathItems } from './paths/operations';
import { PASSPORT_PATHS } from './paths/passport.paths';
import { MIGRATION_PATHS } from './paths/migration.paths';
import { PLATFORM_PATHS } from './paths/platform.paths';
import { PUBLIC_PATHS } from './paths/public.paths';
import { SSO_PATHS } from './paths/sso.paths';
import { STAFF_PATHS } from './paths/staff.paths';
import { VERIFICATION_PATHS } from './paths/verification.paths';

/**
 * Every public route, one file per area under ./paths. Shapes are `$ref`s to the components
 * derived from libs/api-contracts. test/e2e/openapi-coverage.e2e-spec.ts fails when a route the
 * services register is missing here, or when a path here answers nothing.
 */
export const OPENAPI_PATHS: PathItems = {
  ...PLATFORM_PATHS,
  ...MIGRATION_PATHS,
  ...CLIENTS_PATHS,
  ...STAFF_PATHS,
  ...SSO_PATHS,
  ...AUDIT_PATHS,
  ...ISSUING_PATHS,
  ...PUBLIC_PATHS,
  ...NOTIFICATION_PATHS,
  ...VERIFICATION_PATHS,
  ...ENDORSEMENT_PATHS,
  ...PASSPORT_PATHS,
  ...BADGE_CONNECT_PATHS,
  ...OPEN_BADGES_API_PATHS,
};

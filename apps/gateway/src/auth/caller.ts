import type { StaffRoles } from '@badges/service-kit';

import type { ClientIdentity, StaffTokenIdentity } from './access-token.codec';

/** A person whose session is live, with their roles as the database says now (not as at sign-in). */
export interface StaffIdentity extends StaffTokenIdentity {
  roles: StaffRoles;
}

/** Who is calling an authenticated route: an API client or a person. */
export type CallerIdentity = ClientIdentity | StaffIdentity;

export function isStaff(caller: CallerIdentity): caller is StaffIdentity {
  return 'staffId' in caller;
}

/** The `x-badges-actor` value, `createdBy` and the log's "by": `client:<id>` or `staff:<id>`. */
export function actorOf(caller: CallerIdentity): string {
  return isStaff(caller) ? `staff:${caller.staffId}` : `client:${caller.clientId}`;
}

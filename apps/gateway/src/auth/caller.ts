import { formatActor, type Actor } from '@badges/events';
import type { StaffLanguage } from '@badges/api-contracts';
import type { StaffRoles } from '@badges/service-kit';

import type { ClientIdentity, StaffTokenIdentity } from './access-token.codec';

/** A person whose session is live, with their roles and email language as the database says now (not as at sign-in). */
export interface StaffIdentity extends StaffTokenIdentity {
  roles: StaffRoles;
  language: StaffLanguage;
}

/** Who is calling an authenticated route: an API client or a person. */
export type CallerIdentity = ClientIdentity | StaffIdentity;

export function isStaff(caller: CallerIdentity): caller is StaffIdentity {
  return 'staffId' in caller;
}

/** Who the caller is, as events record it. */
export function callerActor(caller: CallerIdentity): Actor {
  return isStaff(caller) ? { type: 'staff', id: caller.staffId } : { type: 'client', id: caller.clientId };
}

/** The `x-badges-actor` value, `invitedBy` and the log's "by": `client:<id>` or `staff:<id>`. */
export function actorOf(caller: CallerIdentity): string {
  return formatActor(callerActor(caller));
}

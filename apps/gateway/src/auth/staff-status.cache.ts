import type { StaffLanguage } from '@badges/api-contracts';
import type { StaffRoles } from '@badges/service-kit';

import { CLIENT_STATUS_TTL_MS } from './client-status.cache';
import { StatusCache } from './status-cache';

/** What a live session of a person says on each request: who, where, their roles and their email language now. */
export interface StaffSessionStatus {
  staffId: string;
  institutionId: string;
  roles: StaffRoles;
  /** Passed on to services (x-badges-staff-language): the emails a person's request causes may follow it. */
  language: StaffLanguage;
  /** Reversible, unlike the session's end: refused while true, served again once reactivated (decision 0032). */
  institutionSuspended: boolean;
}

/**
 * "Is this person's session still live, and what may they do?", per process, keyed by session
 * (an access token's `sid`), on the same terms as API clients' (decision 0026): a revoked session
 * or a removed person is refused within CLIENT_STATUS_TTL_MS everywhere, and at once by the process
 * that ended it; changed roles apply within the same second. A session's end is final, remembered
 * for as long as an access token of it can be valid.
 */
export class StaffStatusCache extends StatusCache<StaffSessionStatus> {
  constructor(load: (sessionId: string) => Promise<StaffSessionStatus | undefined>, accessTokenTtlSeconds: number, ttlMs = CLIENT_STATUS_TTL_MS, now: () => number = Date.now) {
    // A token is refused from its expiry on (plus the verifier's clock tolerance) whatever the cache says.
    super(load, ttlMs, now, (accessTokenTtlSeconds + 60) * 1000);
  }

  /** Every session of a removed person that this process knows ends here at once. */
  markPersonGone(staffId: string): void {
    this.markGoneWhere((status) => status.staffId === staffId);
  }

  /** This process suspended or reactivated the institution: its sessions' next requests read the database. */
  recheckInstitution(institutionId: string): void {
    this.recheckWhere((status) => status.institutionId === institutionId);
  }
}

import type { AdminInstitution, AdminInstitutionCounts } from '@badges/api-contracts';

import type { IssuerCounts } from './issuer-counts.client';
import type { InstitutionRecord, InstitutionSummary } from './institutions.repository';

export function toAdminInstitution(institution: InstitutionRecord): AdminInstitution {
  return {
    id: institution.id,
    name: institution.name,
    status: institution.status,
    createdAt: institution.createdAt.toISOString(),
    suspendedAt: institution.suspendedAt?.toISOString() ?? null,
    suspendedReason: institution.suspendedReason,
  };
}

/** The gateway's counts with the issuer service's: zero where it holds nothing, null where it did not answer. */
export function toAdminCounts(institution: InstitutionSummary, issuerCounts: Map<string, IssuerCounts> | undefined): AdminInstitutionCounts {
  const held = issuerCounts && (issuerCounts.get(institution.id) ?? { issuers: 0, badgeClasses: 0, assertionsAwarded: 0, assertionsRevoked: 0 });
  return {
    people: institution.people,
    apiClients: institution.apiClients,
    issuers: held?.issuers ?? null,
    badgeClasses: held?.badgeClasses ?? null,
    assertionsAwarded: held?.assertionsAwarded ?? null,
    assertionsRevoked: held?.assertionsRevoked ?? null,
  };
}

import { MigrationIssuerSchema, type MigrationImage, type MigrationIssuer, type MigrationItemProblem } from '@badges/api-contracts';

import type { BadgrIssuer } from '../badgr/badgr-shapes';
import { badgrInstant } from './badgr-dates';
import { extensionsWarning } from './extensions';
import { checked, problem, refused, type Mapped } from './mapped';

/** IssuerSerializerV2 → MigrationIssuer; the image was fetched by the caller. */
export function mapIssuer(issuer: BadgrIssuer, image: MigrationImage | null, imageProblems: MigrationItemProblem[] = []): Mapped<MigrationIssuer> {
  const problems = [...imageProblems, ...extensionsWarning('issuer', issuer.entityId, issuer.extensions)];
  const createdAt = badgrInstant(issuer.createdAt);
  if (createdAt === null) return refused('issuer', issuer.entityId, 'invalid_date', `createdAt "${issuer.createdAt}" is not a date and time.`, problems);
  const staff: MigrationIssuer['staff'] = [];
  for (const member of issuer.staff) {
    const email = staffEmail(member.userProfile?.emails ?? []);
    if (email === null) problems.push(problem('issuer', issuer.entityId, 'staff_without_email', `A ${member.role} of this issuer has no email address and is left out.`, 'warning'));
    else staff.push({ email, role: member.role });
  }
  const record: MigrationIssuer = {
    sourceId: issuer.entityId,
    documentId: issuer.openBadgeId,
    name: issuer.name,
    description: issuer.description,
    email: issuer.email,
    url: issuer.url,
    image,
    staff,
    createdAt,
  };
  return checked(MigrationIssuerSchema, record, 'issuer', issuer.entityId, problems);
}

/** The primary verified address, else any verified one, else the first: staff sign in with it. */
function staffEmail(emails: ReadonlyArray<{ email: string; verified: boolean; primary: boolean }>): string | null {
  const chosen = emails.find((e) => e.primary && e.verified) ?? emails.find((e) => e.verified) ?? emails[0];
  return chosen?.email ?? null;
}

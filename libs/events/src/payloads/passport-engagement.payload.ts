import { z } from 'zod';

import { entityId, isoDateTime } from './common';

/**
 * What a learner did with a badge of ours in the passport, for the issuer's dashboards (issue
 * #17). Ids only: never the learner, their identity or the share link, so a dashboard counts
 * badges and can never tell who did what.
 */
const engagedAssertion = {
  assertionId: entityId,
  badgeClassId: entityId,
  issuerId: entityId,
};

/** The learner accepted the badge into their passport (sent on every acceptance; the issuer counts the first). */
export const passportAssertionAcceptedPayload = z.object({ ...engagedAssertion, acceptedAt: isoDateTime });

/** The learner made a public link to the badge, alone or in a collection (the issuer counts the first). */
export const passportAssertionSharedPayload = z.object({ ...engagedAssertion, sharedAt: isoDateTime });

export type PassportAssertionAcceptedPayload = z.infer<typeof passportAssertionAcceptedPayload>;
export type PassportAssertionSharedPayload = z.infer<typeof passportAssertionSharedPayload>;

import { z } from 'zod';

import { entityId } from './common';

/**
 * A person of an institution as the issuer service shows them in Badgr's `Issuer.staff`: who they
 * are now and their role on each issuer (issue #16; decision 0034). Published by the gateway, which
 * owns people (decision 0029), whenever one of these facts changes; each event is the whole
 * picture, so a consumer keeps the latest (by the event's `occurredAt`) and needs no history.
 * The address travels because Badgr's staff entries show it to the issuer's other staff.
 */
export const staffChangedPayload = z.object({
  staffId: entityId,
  name: z.string().min(1).max(200),
  email: z.email(),
  /** STAFF_STATUSES in api-contracts. A removed person is listed nowhere. */
  status: z.enum(['invited', 'active', 'removed']),
  issuerRoles: z
    .array(z.object({ issuerId: entityId, role: z.enum(['owner', 'editor', 'staff']) }))
    .max(500),
});

export type StaffChangedPayload = z.infer<typeof staffChangedPayload>;

import { Injectable } from '@nestjs/common';

import { hashOpaqueToken, newOpaqueToken } from '@badges/service-kit';

import type { GatewayTx } from '../prisma/gateway-prisma.service';

/** What a one-time link is for (CHECK staff_tokens_purpose_check), and how long it lasts. */
export const STAFF_TOKEN_PURPOSES = {
  /** A week to accept: an invitation is often read days later. */
  invitation: { ttlMs: 7 * 86_400_000, prefix: 'bsi_' },
  /** An hour: a reset is asked for by someone about to use it. */
  password_reset: { ttlMs: 3_600_000, prefix: 'bsp_' },
} as const;
export type StaffTokenPurpose = keyof typeof STAFF_TOKEN_PURPOSES;

/** One-time tokens of emailed links: only their sha256 is stored; single use; expiring. */
@Injectable()
export class StaffTokensRepository {
  /** A new token for the person; their earlier unused ones of the same purpose stop working. */
  async issue(tx: GatewayTx, person: { staffId: string; institutionId: string }, purpose: StaffTokenPurpose, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const { token, tokenHash } = newOpaqueToken(STAFF_TOKEN_PURPOSES[purpose].prefix);
    const expiresAt = new Date(now.getTime() + STAFF_TOKEN_PURPOSES[purpose].ttlMs);
    await tx.staffToken.deleteMany({ where: { staffId: person.staffId, purpose, usedAt: null } });
    await tx.staffToken.create({ data: { tokenHash, staffId: person.staffId, institutionId: person.institutionId, purpose, expiresAt } });
    return { token, expiresAt };
  }

  /** Uses the token: its person's id, or null when it is unknown, of another purpose, used or expired. */
  async consume(tx: GatewayTx, token: string, purpose: StaffTokenPurpose, now: Date): Promise<string | null> {
    const tokenHash = hashOpaqueToken(token);
    const found = await tx.staffToken.findUnique({ where: { tokenHash }, select: { staffId: true, purpose: true, usedAt: true, expiresAt: true } });
    if (!found || found.purpose !== purpose || found.usedAt || found.expiresAt <= now) return null;
    // Conditional, so two requests racing with one token cannot both use it.
    const { count } = await tx.staffToken.updateMany({ where: { tokenHash, usedAt: null }, data: { usedAt: now } });
    return count === 1 ? found.staffId : null;
  }

  /** The person's unused links stop working (they were removed). */
  async withdrawAll(tx: GatewayTx, staffId: string): Promise<void> {
    await tx.staffToken.deleteMany({ where: { staffId, usedAt: null } });
  }
}

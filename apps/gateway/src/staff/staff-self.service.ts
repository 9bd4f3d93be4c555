import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

import type { StaffInvitationAcceptBody, StaffMemberV2, StaffPasswordResetConfirmBody } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { ApiError, ErrorCode, hashPassword, scryptCost } from '@badges/service-kit';

import { recordChange } from '../audit/audit-recorder';
import type { StaffIdentity } from '../auth/caller';
import { StaffAccountsRepository } from '../auth/staff-accounts.repository';
import { StaffStatusCache } from '../auth/staff-status.cache';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import type { GatewayTx } from '../prisma/gateway-prisma.service';
import { StaffEvents } from './staff-events';
import { toStaffMemberV2 } from './staff.mapper';
import { StaffRepository, type StaffRecord } from './staff.repository';
import { StaffTokensRepository, type StaffTokenPurpose } from './staff-tokens.repository';

/** Where a reset link leads; the token is in the fragment, as the invitation's (staff.service.ts). */
export function passwordResetUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/console/password-reset#token=${token}`;
}

/**
 * What a person does for themselves: accept their invitation (a password, perhaps their name),
 * reset a forgotten password by email, and read who they are. The emailed link's token proves
 * the person, who is then the actor of the audit entry; the answers never say whether an address
 * has an account.
 */
@Injectable()
export class StaffSelfService implements OnModuleDestroy {
  private readonly logger = new Logger(StaffSelfService.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly staff: StaffRepository,
    private readonly tokens: StaffTokensRepository,
    private readonly events: StaffEvents,
    private readonly accounts: StaffAccountsRepository,
    private readonly status: StaffStatusCache,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async self(caller: StaffIdentity): Promise<StaffMemberV2> {
    const person = await this.staff.find(caller.institutionId, caller.staffId);
    if (!person) throw ApiError.unauthorized('This staff account no longer exists.');
    return toStaffMemberV2(person);
  }

  /** The invited person becomes `active` with their password (and, if given, the name they go by). */
  async acceptInvitation(body: StaffInvitationAcceptBody, origin: EventOrigin): Promise<StaffMemberV2> {
    const passwordHash = await this.hash(body.password);
    const person = await this.withToken(body.token, 'invitation', 'invited', async (tx, invited) => {
      await this.record(tx, invited, origin, 'staff.joined', { status: { before: 'invited', after: 'active' } });
      const joined = await this.staff.update(invited.id, { status: 'active', passwordHash, ...(body.name !== undefined && { name: body.name }) }, tx);
      await this.events.changed(tx, origin, joined);
      return joined;
    });
    this.events.published();
    this.logger.log(`Staff ${person.id} accepted their invitation`);
    return toStaffMemberV2(person);
  }

  /**
   * Emails an active person a reset link, or does nothing; either way the caller gets the same
   * 202 at once (the work happens behind the answer, so its time tells nothing either).
   */
  requestPasswordReset(email: string, correlationId: string): void {
    const work: Promise<void> = this.sendResetLink(email, correlationId)
      .catch((error: unknown) => this.logger.error(`A password reset could not be prepared: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** The new password; every session of the person ends (whoever else held one is signed out). */
  async confirmPasswordReset(body: StaffPasswordResetConfirmBody, origin: EventOrigin): Promise<void> {
    const passwordHash = await this.hash(body.password);
    let ended: string[] = [];
    const person = await this.withToken(body.token, 'password_reset', 'active', async (tx, active) => {
      ended = await this.accounts.revokeSessionsOf(active.id, 'password_reset', new Date(), tx);
      await this.record(tx, active, origin, 'staff.password_reset', { sessions: { before: ended.length, after: 0 } });
      return this.staff.update(active.id, { passwordHash }, tx);
    });
    for (const sessionId of ended) this.status.markGone(sessionId);
    this.status.markPersonGone(person.id);
    this.logger.log(`Staff ${person.id} reset their password (${ended.length} session(s) ended)`);
  }

  /** Waits for the reset requests under way (at shutdown, so none meets a closed database). */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async sendResetLink(email: string, correlationId: string): Promise<void> {
    const found = await this.staff.findByEmail(email);
    if (!found || found.status !== 'active') return;
    await this.staff.inTransaction(async (tx) => {
      const link = await this.tokens.issue(tx, { staffId: found.id, institutionId: found.institutionId }, 'password_reset', new Date());
      await this.events.passwordResetRequested(tx, found.institutionId, correlationId, {
        staffId: found.id,
        email: found.email,
        name: found.name,
        institutionName: await this.staff.institutionName(found.institutionId, tx),
        language: found.language,
        resetUrl: passwordResetUrl(this.config.PUBLIC_URL, link.token),
        expiresAt: link.expiresAt.toISOString(),
      });
    });
    this.events.published();
    this.logger.log(`Staff ${found.id}: a password reset link was sent`);
  }

  /** Uses the link's token and applies `change` to its person, who must have `status`; one refusal for every bad link. */
  private async withToken(token: string, purpose: StaffTokenPurpose, status: StaffRecord['status'], change: (tx: GatewayTx, person: StaffRecord) => Promise<StaffRecord>): Promise<StaffRecord> {
    return this.staff.inTransaction(async (tx) => {
      const staffId = await this.tokens.consume(tx, token, purpose, new Date());
      const person = staffId ? await this.staff.findById(staffId, tx) : null;
      // Thrown inside the transaction, so a token that found the wrong person is not used up either.
      if (!person || person.status !== status) throw new ApiError(400, ErrorCode.InvalidConfirmation, BAD_LINK[purpose], 'token');
      return change(tx, person);
    });
  }

  /** The person proved by the link is who acted. */
  private record(tx: GatewayTx, person: StaffRecord, origin: EventOrigin, action: 'staff.joined' | 'staff.password_reset', changes: Record<string, { before: number | string; after: number | string }>): Promise<void> {
    return recordChange(tx, { institutionId: person.institutionId, origin: { ...origin, actor: { type: 'staff', id: person.id } }, action, target: { type: 'StaffMember', id: person.id }, changes });
  }

  private hash(password: string): Promise<string> {
    return hashPassword(password, scryptCost(this.config.PASSWORD_SCRYPT_LOG_N));
  }
}

const BAD_LINK: Record<StaffTokenPurpose, string> = {
  invitation: 'This invitation link is invalid, already used or expired. Ask an admin of your institution to invite you again.',
  password_reset: 'This password reset link is invalid, already used or expired. Ask for a new one.',
};

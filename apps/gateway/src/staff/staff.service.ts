import { Inject, Injectable, Logger } from '@nestjs/common';

import type { IssuerStaffV2, StaffInviteBody, StaffMemberV2, StaffRolesBody, StaffSessionsRevokedV2 } from '@badges/api-contracts';
import { fieldChanges, type EventOrigin } from '@badges/events';
import { isUniqueViolation, newEntityId } from '@badges/persistence';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { recordChange } from '../audit/audit-recorder';
import { setFields } from '../audit/audit-record';
import { actorOf, isStaff, type CallerIdentity } from '../auth/caller';
import { StaffAccountsRepository } from '../auth/staff-accounts.repository';
import { StaffStatusCache } from '../auth/staff-status.cache';
import type { GatewayConfig } from '../config/gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { IssuerDirectory } from './issuer-directory';
import { StaffEvents } from './staff-events';
import { toIssuerStaffV2, toStaffMemberV2 } from './staff.mapper';
import { StaffRepository, type StaffRecord } from './staff.repository';
import { StaffTokensRepository } from './staff-tokens.repository';

const ADDRESS_TAKEN =
  'This address already belongs to a staff account, here or in another institution (an address signs in to one institution). Use another address, or ask the operator.';

/** Where the person's invitation link leads: the console reads the token from the fragment, which no server or log ever sees. */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/console/invitation#token=${token}`;
}

/**
 * An institution's people, managed by its admins (a person with `admin`, or a `manage` client):
 * invite, change roles, remove, end sessions. Another institution's person is `not_found`, as
 * everywhere. Each change is recorded in the audit trail in its own transaction (`origin`: the
 * request and who made it), never with the person's address or name (an entry is never erased),
 * nor a link's token, which is never logged either.
 */
@Injectable()
export class StaffService {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    private readonly staff: StaffRepository,
    private readonly tokens: StaffTokensRepository,
    private readonly events: StaffEvents,
    private readonly accounts: StaffAccountsRepository,
    private readonly status: StaffStatusCache,
    private readonly issuers: IssuerDirectory,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async list(institutionId: string): Promise<StaffMemberV2[]> {
    return (await this.staff.listFor(institutionId)).map(toStaffMemberV2);
  }

  /**
   * A new person, `invited`, emailed a one-time link to set their password. An address already
   * invited (or removed) in this institution is invited again, with the details given now and a
   * new link (the old one stops working); an active person's, or another institution's, is 409.
   */
  async invite(caller: CallerIdentity, body: StaffInviteBody, origin: EventOrigin): Promise<StaffMemberV2> {
    await this.issuers.requireAll(caller, body.issuerRoles.map((grant) => grant.issuerId), origin.correlationId);
    const { institutionId } = caller;
    const invitee = { ...body, institutionId, invitedBy: actorOf(caller) };
    const invitedByName = isStaff(caller) ? (await this.staff.find(institutionId, caller.staffId))?.name : undefined;
    const now = new Date();
    let person: StaffRecord;
    try {
      person = await this.staff.inTransaction(async (tx) => {
        const existing = await this.staff.findByEmail(body.email, tx);
        if (existing && (existing.institutionId !== institutionId || existing.status === 'active')) throw new ApiError(409, ErrorCode.Conflict, ADDRESS_TAKEN, 'email');
        const invited = existing ? await this.staff.reinvite(existing.id, invitee, tx) : await this.staff.create(newEntityId(), invitee, tx);
        const link = await this.tokens.issue(tx, { staffId: invited.id, institutionId }, 'invitation', now);
        const roles = { institutionRole: invited.institutionRole, issuerRoles: invited.issuerRoles, language: invited.language };
        await recordChange(tx, { institutionId, origin, action: 'staff.invited', target: { type: 'StaffMember', id: invited.id }, changes: setFields(roles) });
        await this.events.invited(tx, institutionId, origin, {
          staffId: invited.id,
          email: invited.email,
          name: invited.name,
          institutionName: await this.staff.institutionName(institutionId, tx),
          ...(invitedByName && { invitedByName }),
          language: invited.language,
          acceptUrl: invitationUrl(this.config.PUBLIC_URL, link.token),
          expiresAt: link.expiresAt.toISOString(),
        });
        await this.events.changed(tx, origin, invited);
        return invited;
      });
    } catch (error) {
      // Two invitations of one new address at once: the unique index decides.
      if (isUniqueViolation(error)) throw new ApiError(409, ErrorCode.Conflict, ADDRESS_TAKEN, 'email');
      throw error;
    }
    this.events.published();
    this.logger.log(`Staff ${person.id} invited to institution ${institutionId} by ${actorOf(caller)}`);
    return toStaffMemberV2(person);
  }

  /** Replaces the person's roles; their live sessions get the new ones within seconds (the staff status cache). */
  async updateRoles(caller: CallerIdentity, staffId: string, roles: StaffRolesBody, origin: EventOrigin): Promise<StaffMemberV2> {
    await this.issuers.requireAll(caller, roles.issuerRoles.map((grant) => grant.issuerId), origin.correlationId);
    const updated = await this.staff.inTransaction(async (tx) => {
      await this.staff.lock(tx, staffId);
      const person = await this.staff.find(caller.institutionId, staffId, tx);
      if (!person) throw ApiError.notFound('staff member');
      if (person.status === 'removed') throw new ApiError(409, ErrorCode.Conflict, 'This person was removed. Invite them again (POST /v2/staff) to give them roles.');
      await this.staff.replaceRoles(caller.institutionId, staffId, roles, tx);
      const changed = (await this.staff.find(caller.institutionId, staffId, tx)) as StaffRecord;
      const changes = fieldChanges(person, changed, ['institutionRole', 'issuerRoles']);
      await recordChange(tx, { institutionId: caller.institutionId, origin, action: 'staff.roles_changed', target: { type: 'StaffMember', id: staffId }, changes });
      await this.events.changed(tx, origin, changed);
      return changed;
    });
    this.events.published();
    this.logger.log(`Staff ${staffId} roles changed by ${actorOf(caller)}`);
    return toStaffMemberV2(updated);
  }

  /**
   * Removes the person for good: their sessions end (their tokens are refused at once here, within
   * seconds elsewhere), their unused links stop working, and the row stays so that what they did
   * keeps a name. Removing someone already removed answers the same.
   */
  async remove(caller: CallerIdentity, staffId: string, origin: EventOrigin): Promise<StaffMemberV2> {
    const now = new Date();
    const removed = await this.staff.inTransaction(async (tx) => {
      await this.staff.lock(tx, staffId);
      const person = await this.staff.find(caller.institutionId, staffId, tx);
      if (!person) throw ApiError.notFound('staff member');
      if (person.status === 'removed') return { person, sessions: [] as string[] };
      await this.tokens.withdrawAll(tx, staffId);
      const sessions = await this.accounts.revokeSessionsOf(staffId, 'removed', now, tx);
      const changes = { status: { before: person.status, after: 'removed' } };
      await recordChange(tx, { institutionId: caller.institutionId, origin, action: 'staff.removed', target: { type: 'StaffMember', id: staffId }, changes });
      const removedPerson = await this.staff.update(staffId, { status: 'removed', removedAt: now }, tx);
      await this.events.changed(tx, origin, removedPerson);
      return { person: removedPerson, sessions };
    });
    this.events.published();
    this.endSessions(staffId, removed.sessions);
    this.logger.log(`Staff ${staffId} removed by ${actorOf(caller)} (${removed.sessions.length} session(s) ended)`);
    return toStaffMemberV2(removed.person);
  }

  /** Ends every session of the person (a lost laptop): they sign in again; nothing else changes. */
  async revokeSessions(caller: CallerIdentity, staffId: string, origin: EventOrigin): Promise<StaffSessionsRevokedV2> {
    const sessions = await this.staff.inTransaction(async (tx) => {
      if (!(await this.staff.find(caller.institutionId, staffId, tx))) throw ApiError.notFound('staff member');
      const ended = await this.accounts.revokeSessionsOf(staffId, 'revoked_by_admin', new Date(), tx);
      const changes = { sessions: { before: ended.length, after: 0 } };
      await recordChange(tx, { institutionId: caller.institutionId, origin, action: 'staff.sessions_revoked', target: { type: 'StaffMember', id: staffId }, changes });
      return ended;
    });
    this.endSessions(staffId, sessions);
    this.logger.log(`Staff ${staffId}: ${sessions.length} session(s) revoked by ${actorOf(caller)}`);
    return { staffId, revokedSessions: sessions.length };
  }

  /** Badgr's issuer staff: the people with a role on the issuer, once the issuer service says the caller may see it. */
  async issuerStaff(caller: CallerIdentity, issuerId: string, origin: EventOrigin): Promise<IssuerStaffV2[]> {
    await this.issuers.requireIssuer(caller, issuerId, origin.correlationId);
    return (await this.staff.listForIssuer(caller.institutionId, issuerId)).map((person) => toIssuerStaffV2(person, issuerId));
  }

  /** This process refuses the ended sessions at once; other gateway processes within the status cache's second. */
  private endSessions(staffId: string, sessionIds: readonly string[]): void {
    for (const sessionId of sessionIds) this.status.markGone(sessionId);
    this.status.markPersonGone(staffId);
  }
}

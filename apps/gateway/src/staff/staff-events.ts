import { Inject, Injectable } from '@nestjs/common';

import { createEvent, Topic, type EventOrigin, type StaffInvitedPayload, type StaffPasswordResetRequestedPayload } from '@badges/events';
import type { StaffRecord } from './staff.repository';
import { outboxInsertStatements, type OutboxRelay } from '@badges/messaging';

import { GATEWAY_OUTBOX_RELAY } from '../gateway.tokens';
import type { GatewayTx } from '../prisma/gateway-prisma.service';

/**
 * The gateway's facts about people, written to its outbox in the transaction of the change
 * (design.md §4) and published by its relay: the notification service emails the links (those
 * payloads hold a one-time link: they are never logged here); the issuer service lists issuers'
 * staff from `staff.changed`.
 */
@Injectable()
export class StaffEvents {
  constructor(@Inject(GATEWAY_OUTBOX_RELAY) private readonly relay: OutboxRelay) {}

  /** `origin.actor`: the admin (a person or a client) who invited. */
  async invited(tx: GatewayTx, institutionId: string, origin: EventOrigin, payload: StaffInvitedPayload): Promise<void> {
    await this.write(tx, createEvent(Topic.StaffInvited, { institutionId, ...origin, aggregateId: payload.staffId, payload }));
  }

  /** Nobody signed in asked (the request is anonymous), so the event names no actor. */
  async passwordResetRequested(tx: GatewayTx, institutionId: string, correlationId: string, payload: StaffPasswordResetRequestedPayload): Promise<void> {
    await this.write(tx, createEvent(Topic.StaffPasswordResetRequested, { institutionId, correlationId, aggregateId: payload.staffId, payload }));
  }

  /**
   * The person as they are after the change (name, status, roles on issuers): every change to one
   * of those calls it, in the change's transaction, so the issuer service's copy stays whole.
   */
  async changed(tx: GatewayTx, origin: EventOrigin, person: StaffRecord): Promise<void> {
    const payload = { staffId: person.id, name: person.name, email: person.email, status: person.status, issuerRoles: person.issuerRoles.map(({ issuerId, role }) => ({ issuerId, role })) };
    await this.write(tx, createEvent(Topic.StaffChanged, { institutionId: person.institutionId, ...origin, aggregateId: person.id, payload }));
  }

  /** Call after the transaction committed. */
  published(): void {
    this.relay.wake();
  }

  private async write(tx: GatewayTx, event: Parameters<typeof outboxInsertStatements>[1][number]): Promise<void> {
    for (const { sql, params } of outboxInsertStatements('gateway', [event])) await tx.$executeRawUnsafe(sql, ...params);
  }
}

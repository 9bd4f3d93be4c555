import { Injectable, Logger } from '@nestjs/common';

import { Topic, type BadgeEvent, type EventOf } from '@badges/events';
import { claimEventsStatement } from '@badges/messaging';
import { newEntityId } from '@badges/persistence';
import { tenantScope, type TenantScope } from '@badges/service-kit';

import { EmailDeliveriesRepository, type NewEmailDelivery } from '../emails/email-deliveries.repository';
import { writtenEmail } from '../emails/written-email';
import { DeliveryJobs, deliveryJobId, type QueuedDelivery } from '../jobs/delivery-jobs';
import { NOTIFICATION_SCHEMA, NotificationPrismaService } from '../prisma/notification-prisma.service';
import { RecipientLanguagesRepository } from '../recipient-languages/recipient-languages.repository';
import { TemplateKind, type EmailLanguage } from '../templates/default-templates';
import type { EffectiveTemplate } from '../templates/templates.service';
import { awardEmail } from '../templates/award-email';
import { TemplatesService } from '../templates/templates.service';
import { WebhookDeliveriesRepository, type NewWebhookDelivery } from '../webhooks/webhook-deliveries.repository';
import { WebhookEndpointsRepository, type WebhookEndpointRecord } from '../webhooks/webhook-endpoints.repository';
import { endorsementEmailFor } from './endorsement-emails';

/** The ProcessedEvent consumer name: one claim covers the event's emails and webhooks. */
export const NOTIFICATION_CONSUMER = 'notification';

/**
 * Turns events into delivery rows. The eventIds are claimed in the SAME transaction that writes
 * the rows, so a redelivered event does nothing and a crash leaves either both or neither. Jobs
 * are added only after the commit (a job must never point at a row that may roll back); if the
 * process dies in between, the sweeper adds them (the jobId keeps it single).
 */
@Injectable()
export class EventIntakeService {
  private readonly logger = new Logger(EventIntakeService.name);

  constructor(
    private readonly prisma: NotificationPrismaService,
    private readonly templates: TemplatesService,
    private readonly emails: EmailDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly webhookDeliveries: WebhookDeliveriesRepository,
    private readonly jobs: DeliveryJobs,
    private readonly recipientLanguages: RecipientLanguagesRepository,
  ) {}

  async handle(event: BadgeEvent): Promise<void> {
    await this.handleMany([event]);
  }

  /**
   * Events of one run (a bulk award's, say), in ONE transaction: one claim, one insert of email
   * rows, templates and webhook endpoints read once per institution. Events that ask for no email
   * and find no webhook need no claim (a redelivery does nothing again), so they are left out.
   */
  async handleMany(events: readonly BadgeEvent[]): Promise<void> {
    // Read once per institution and type, for both the check below and the delivery rows.
    const endpoints = new Map<string, Promise<WebhookEndpointRecord[]>>();
    const endpointsOf: EndpointsOf = (institutionId, type) => {
      const key = `${institutionId} ${type}`;
      const known = endpoints.get(key) ?? this.endpoints.subscribedTo(tenantScope(institutionId), type);
      endpoints.set(key, known);
      return known;
    };
    const delivering: BadgeEvent[] = [];
    for (const event of events) {
      const delivers =
        wantsEmail(event) || endorsementEmailFor(event) !== null || (await someAsync(partiesOf(event), async (party) => (await endpointsOf(party, event.type)).length > 0));
      if (delivers) delivering.push(event);
      else this.logger.debug(`event ${event.eventId} ${event.type} handled, nothing to deliver`);
    }
    if (delivering.length > 0) await this.deliver(delivering, endpointsOf);
  }

  /** Claims the events and writes their delivery rows in one transaction, then queues their jobs. */
  private async deliver(events: readonly BadgeEvent[], endpointsOf: EndpointsOf): Promise<void> {
    // Read before the transaction: on PGlite (one connection) a read outside it would wait for it.
    const partyEndpoints = await Promise.all(
      events.map((event) => Promise.all(partiesOf(event).map(async (party) => ({ party, endpoints: await endpointsOf(party, event.type) })))),
    );
    const created = await this.prisma.$transaction(async (tx) => {
      const claim = claimEventsStatement(NOTIFICATION_SCHEMA, NOTIFICATION_CONSUMER, events.map((event) => event.eventId));
      const claimed = new Set((await tx.$queryRawUnsafe<{ eventId: string }[]>(claim.sql, ...claim.params)).map((row) => row.eventId));
      const templates = new Map<string, Promise<EffectiveTemplate>>();
      const issuedTemplate = (scope: TenantScope): Promise<EffectiveTemplate> => {
        const known = templates.get(scope.institutionId) ?? this.templates.effective(scope, TemplateKind.AssertionIssued, tx);
        templates.set(scope.institutionId, known);
        return known;
      };
      // The languages of the recipients who have a passport (decision 0041), once for the run.
      const languages = await this.recipientLanguages.languagesOf(events.flatMap((event) => (wantsEmail(event) && event.payload.recipient.lookup ? [event.payload.recipient.lookup] : [])), tx);
      const emails: NewEmail[] = [];
      const webhookRows = new Map<string, NewWebhookDelivery[]>();
      for (const [index, event] of events.entries()) {
        // One line per delivery of an event to this instance: the scaling test counts them.
        // An event twice in one run (a redelivery overlapping its first delivery) is claimed once.
        const claimedNow = claimed.delete(event.eventId);
        this.logger.debug(`event ${event.eventId} ${event.type} ${claimedNow ? 'handled' : 'already handled, skipped'}`);
        if (!claimedNow) continue;
        const email = event.type === Topic.AssertionIssued ? await this.emailFor(event, issuedTemplate, languages) : this.endorsementEmail(event);
        if (email) emails.push(email);
        for (const { party, endpoints } of partyEndpoints[index]) {
          const rows = webhookRows.get(party) ?? [];
          rows.push(...webhooksFor(event, endpoints));
          webhookRows.set(party, rows);
        }
      }
      await this.emails.createMany(emails, tx);
      const webhooks: QueuedDelivery[] = [];
      for (const [institutionId, rows] of webhookRows) {
        const fresh = await this.webhookDeliveries.createMany(tenantScope(institutionId), rows, tx);
        webhooks.push(...fresh.map((delivery) => ({ institutionId, id: delivery.id, jobId: delivery.jobId })));
      }
      return { emails: emails.map(({ institutionId, id, jobId }): QueuedDelivery => ({ institutionId, id, jobId })), webhooks };
    });
    await Promise.all([this.jobs.enqueueEmailBatches(created.emails), this.jobs.enqueueWebhookBatches(created.webhooks)]);
  }

  /** One email when the award asked for it and the recipient is an email address we were given; in the recipient's language when we know it. */
  private async emailFor(
    event: EventOf<typeof Topic.AssertionIssued>,
    templateOf: (scope: TenantScope) => Promise<EffectiveTemplate>,
    languages: ReadonlyMap<string, EmailLanguage>,
  ): Promise<NewEmail | null> {
    const { payload } = event;
    const to = payload.recipient.plaintextIdentity;
    if (!wantsEmail(event) || !to) return null;
    const recipientLanguage = payload.recipient.lookup ? languages.get(payload.recipient.lookup) : undefined;
    const rendered = awardEmail(await templateOf(tenantScope(event.institutionId)), payload, recipientLanguage);
    const id = newEntityId();
    return {
      institutionId: event.institutionId,
      id,
      assertionId: payload.assertionId,
      issuerId: payload.issuerId,
      eventId: event.eventId,
      to,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      jobId: deliveryJobId(id, 0),
    };
  }

  /** The one email an endorsement step sends (endorsement-emails.ts says to whom). */
  private endorsementEmail(event: BadgeEvent): NewEmail | null {
    const email = endorsementEmailFor(event);
    if (!email) return null;
    const id = newEntityId();
    const written = writtenEmail(email.words, email.to, id);
    return {
      institutionId: email.institutionId,
      id,
      assertionId: null,
      issuerId: null,
      eventId: event.eventId,
      to: written.to,
      subject: written.subject,
      textBody: written.text,
      htmlBody: null,
      jobId: deliveryJobId(id, 0),
    };
  }
}

/** One delivery row per endpoint subscribed to the event. */
function webhooksFor(event: BadgeEvent, endpoints: readonly { id: string }[]): NewWebhookDelivery[] {
  if (endpoints.length === 0) return [];
  const body = webhookBody(event);
  return endpoints.map((endpoint) => {
    const id = newEntityId();
    return { id, endpointId: endpoint.id, eventId: event.eventId, eventType: event.type, body, jobId: deliveryJobId(id, 0) };
  });
}

/** The webhook endpoints of an institution subscribed to an event type. */
type EndpointsOf = (institutionId: string, type: string) => Promise<WebhookEndpointRecord[]>;

/** An email delivery row to write, with the institution it belongs to. */
type NewEmail = NewEmailDelivery & { institutionId: string };

async function someAsync<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<boolean> {
  for (const item of items) if (await test(item)) return true;
  return false;
}

/** Whether the award asked for an email and gave us the address to send it to. */
function wantsEmail(event: BadgeEvent): event is EventOf<typeof Topic.AssertionIssued> {
  if (event.type !== Topic.AssertionIssued) return false;
  const { notify, recipient } = event.payload;
  return notify && recipient.type === 'email' && Boolean(recipient.plaintextIdentity);
}

/**
 * The webhook body: the event envelope as JSON, minus the recipient's plaintext address (it only
 * travels so that this service can email the learner; receivers may be third-party integrations),
 * minus the recipient lookup key (it is for the passport) and minus our trace context (decision 0052).
 */
export function webhookBody(traced: BadgeEvent): string {
  const { traceparent: _trace, tracestate: _state, ...event } = traced;
  if (event.type !== Topic.AssertionIssued) return JSON.stringify(event);
  // The keyed lookup is internal too: it would let a receiver link one person's awards together.
  const { plaintextIdentity: _omitted, lookup: _internal, ...recipient } = event.payload.recipient;
  return JSON.stringify({ ...event, payload: { ...event.payload, recipient } });
}

/**
 * The institutions an event concerns: its own, and for endorsement events also the endorser
 * (the envelope names the target's owner; both parties subscribe to the workflow).
 */
export function partiesOf(event: BadgeEvent): string[] {
  const parties = [event.institutionId];
  if (event.type === Topic.EndorsementRequested || event.type === Topic.EndorsementIssued || event.type === Topic.EndorsementRevoked) {
    const endorser = event.payload.endorserInstitutionId;
    if (endorser && endorser !== event.institutionId) parties.push(endorser);
  }
  return parties;
}

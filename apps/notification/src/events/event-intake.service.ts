import { Injectable, Logger } from '@nestjs/common';

import { Topic, type BadgeEvent, type EventOf } from '@badges/events';
import { claimEvent } from '@badges/messaging';
import { newEntityId } from '@badges/persistence';
import { tenantScope, type TenantScope } from '@badges/service-kit';

import { EmailDeliveriesRepository } from '../emails/email-deliveries.repository';
import { DeliveryJobs, deliveryJobId, type QueuedDelivery } from '../jobs/delivery-jobs';
import { NotificationPrismaService, type NotificationTx } from '../prisma/notification-prisma.service';
import { TemplateKind } from '../templates/default-templates';
import { renderEmail } from '../templates/template-renderer';
import { TemplatesService } from '../templates/templates.service';
import { WebhookDeliveriesRepository } from '../webhooks/webhook-deliveries.repository';
import { WebhookEndpointsRepository } from '../webhooks/webhook-endpoints.repository';
import { endorsementEmailFor } from './endorsement-emails';

export const NOTIFICATION_SCHEMA = 'notification';
/** The ProcessedEvent consumer name: one claim covers the event's emails and webhooks. */
export const NOTIFICATION_CONSUMER = 'notification';

/**
 * Turns an event into delivery rows. The eventId is claimed in the SAME transaction that writes
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
  ) {}

  async handle(event: BadgeEvent): Promise<void> {
    await this.handleMany([event]);
  }

  /**
   * Events of one run (a bulk award's, say). Most ask for no email and find no webhook: doing
   * nothing needs no claim (a redelivery does nothing again), so they skip the transaction, and
   * the subscriptions are read once per institution and type for the whole run.
   */
  async handleMany(events: readonly BadgeEvent[]): Promise<void> {
    const subscriptions = new Map<string, Promise<boolean>>();
    const subscribed = (institutionId: string, type: string): Promise<boolean> => {
      const key = `${institutionId} ${type}`;
      const known = subscriptions.get(key) ?? this.endpoints.subscribedTo(tenantScope(institutionId), type).then((found) => found.length > 0);
      subscriptions.set(key, known);
      return known;
    };
    for (const event of events) {
      const delivers = wantsEmail(event) || endorsementEmailFor(event) !== null || (await someAsync(partiesOf(event), (party) => subscribed(party, event.type)));
      if (delivers) await this.deliver(event);
      else this.logger.debug(`event ${event.eventId} ${event.type} handled, nothing to deliver`);
    }
  }

  /** Claims the event and writes its delivery rows in one transaction, then queues their jobs. */
  private async deliver(event: BadgeEvent): Promise<void> {
    const scope = tenantScope(event.institutionId);
    const created = await this.prisma.$transaction(async (tx) => {
      if (!(await claimEvent(tx, NOTIFICATION_SCHEMA, NOTIFICATION_CONSUMER, event.eventId))) return null;
      const emails = event.type === Topic.AssertionIssued ? await this.emailFor(tx, scope, event) : await this.endorsementEmail(tx, event);
      const webhooks: QueuedDelivery[] = [];
      for (const party of partiesOf(event)) webhooks.push(...(await this.webhooksFor(tx, tenantScope(party), event)));
      return { emails, webhooks };
    });
    // One line per delivery of an event to this instance: the scaling test counts them.
    this.logger.debug(`event ${event.eventId} ${event.type} ${created ? 'handled' : 'already handled, skipped'}`);
    if (!created) return;
    await Promise.all([this.jobs.enqueueEmails(created.emails), this.jobs.enqueueWebhooks(created.webhooks)]);
  }

  /** One email when the award asked for it and the recipient is an email address we were given. */
  private async emailFor(tx: NotificationTx, scope: TenantScope, event: EventOf<typeof Topic.AssertionIssued>): Promise<QueuedDelivery[]> {
    const { payload } = event;
    const to = payload.recipient.plaintextIdentity;
    if (!wantsEmail(event) || !to) return [];
    const template = await this.templates.effective(scope, TemplateKind.AssertionIssued, tx);
    const rendered = renderEmail(template, { badgeName: payload.badgeClassName, issuerName: payload.issuerName, assertionUrl: payload.assertionUrl });
    const id = newEntityId();
    const jobId = deliveryJobId(id, 0);
    await this.emails.create(
      scope,
      { id, assertionId: payload.assertionId, eventId: event.eventId, to, subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html, jobId },
      tx,
    );
    return [{ institutionId: scope.institutionId, id, jobId }];
  }

  /** The one email an endorsement step sends (endorsement-emails.ts says to whom). */
  private async endorsementEmail(tx: NotificationTx, event: BadgeEvent): Promise<QueuedDelivery[]> {
    const email = endorsementEmailFor(event);
    if (!email) return [];
    const id = newEntityId();
    const jobId = deliveryJobId(id, 0);
    await this.emails.create(
      tenantScope(email.institutionId),
      { id, assertionId: null, eventId: event.eventId, to: email.to, subject: email.subject, textBody: email.text, htmlBody: null, jobId },
      tx,
    );
    return [{ institutionId: email.institutionId, id, jobId }];
  }

  private async webhooksFor(tx: NotificationTx, scope: TenantScope, event: BadgeEvent): Promise<QueuedDelivery[]> {
    const endpoints = await this.endpoints.subscribedTo(scope, event.type, tx);
    if (endpoints.length === 0) return [];
    const body = webhookBody(event);
    const created = await this.webhookDeliveries.createMany(
      scope,
      endpoints.map((endpoint) => {
        const id = newEntityId();
        return { id, endpointId: endpoint.id, eventId: event.eventId, eventType: event.type, body, jobId: deliveryJobId(id, 0) };
      }),
      tx,
    );
    return created.map((delivery) => ({ institutionId: scope.institutionId, id: delivery.id, jobId: delivery.jobId }));
  }
}

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
 * travels so that this service can email the learner; receivers may be third-party integrations)
 * and minus the recipient lookup key (it is for the passport).
 */
export function webhookBody(event: BadgeEvent): string {
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

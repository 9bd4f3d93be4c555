import { type DynamicModule, Module } from '@nestjs/common';

import type { InProcessJobBackend } from '@badges/jobs';
import type { Database } from '@badges/persistence';
import type { ServiceClient } from '@badges/service-kit';

import { EntityIdPipe } from './common/entity-id.pipe';
import { ISSUER_CLIENT, JOB_SETTINGS, NOTIFICATION_CONFIG, NOTIFICATION_DATABASE } from './common/tokens';
import type { NotificationConfig } from './config/notification.config';
import { BadgeImageClient } from './emails/badge-image.client';
import { EmailDeliveriesRepository } from './emails/email-deliveries.repository';
import { EmailDeliveryWorker } from './emails/email-delivery.worker';
import { EmailsController } from './emails/emails.controller';
import { EmailsService } from './emails/emails.service';
import { Mailer } from './emails/mailer';
import { EventIntakeService } from './events/event-intake.service';
import { NotificationEventsConsumer } from './events/notification-events.consumer';
import { HealthController } from './health/health.controller';
import { ConfirmationEmailService } from './learner-emails/confirmation-email.service';
import { RecipientLanguagesRepository } from './recipient-languages/recipient-languages.repository';
import { RecipientLanguagesService } from './recipient-languages/recipient-languages.service';
import { ExistingAccountEmailService } from './learner-emails/existing-account-email.service';
import { LearnerEmailSender } from './learner-emails/learner-email.sender';
import { StaffEmailService } from './staff-emails/staff-email.service';
import { DeliveryJobs } from './jobs/delivery-jobs';
import { DeliverySweeper } from './jobs/delivery-sweeper';
import { notificationQueueProviders, type NotificationJobSettings } from './jobs/notification-queues';
import { NotificationPrismaService } from './prisma/notification-prisma.service';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesRepository } from './templates/templates.repository';
import { TemplatesService } from './templates/templates.service';
import { SecretBox } from './webhooks/secret-box';
import { WebhookDeliveriesRepository } from './webhooks/webhook-deliveries.repository';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';
import { WebhookEndpointsRepository } from './webhooks/webhook-endpoints.repository';
import type { HostLookup } from './webhooks/webhook-url';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WEBHOOK_HOST_LOOKUP, WebhooksService } from './webhooks/webhooks.service';

export interface NotificationModuleOptions {
  database: Database;
  config: NotificationConfig;
  /** The issuer service (baked images). */
  issuer: ServiceClient;
  /** The jobs env (REDIS_URL, WORKERS, JOBS_*): BullMQ or the in-process runner. */
  env: NodeJS.ProcessEnv;
  jobs: NotificationJobSettings;
  /** The embedded job backend; the process-wide one by default. */
  inProcessJobs?: InProcessJobBackend;
  /** DNS for webhook URL checks (tests); the system resolver by default. */
  hostLookup?: HostLookup;
}

/**
 * One module for the service, as in the issuer: small features sharing one Prisma client. The
 * database, config, issuer client and queues come from the caller, never from globals.
 */
@Module({})
export class NotificationModule {
  static forRoot(options: NotificationModuleOptions): DynamicModule {
    return {
      module: NotificationModule,
      controllers: [HealthController, TemplatesController, EmailsController, WebhooksController, NotificationEventsConsumer],
      providers: [
        { provide: NOTIFICATION_DATABASE, useValue: options.database },
        { provide: NOTIFICATION_CONFIG, useValue: options.config },
        { provide: ISSUER_CLIENT, useValue: options.issuer },
        { provide: JOB_SETTINGS, useValue: options.jobs },
        { provide: WEBHOOK_HOST_LOOKUP, useValue: options.hostLookup },
        ...notificationQueueProviders(options.env, options.inProcessJobs),
        NotificationPrismaService,
        EntityIdPipe,
        DeliveryJobs,
        DeliverySweeper,
        TemplatesRepository,
        TemplatesService,
        EmailDeliveriesRepository,
        EmailsService,
        BadgeImageClient,
        Mailer,
        EmailDeliveryWorker,
        SecretBox,
        WebhookEndpointsRepository,
        WebhookDeliveriesRepository,
        WebhooksService,
        WebhookDeliveryWorker,
        EventIntakeService,
        LearnerEmailSender,
        StaffEmailService,
        ConfirmationEmailService,
        RecipientLanguagesRepository,
        RecipientLanguagesService,
        ExistingAccountEmailService,
      ],
    };
  }
}

import { Controller, UseFilters } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { Topic, type EventOf } from '@badges/events';
import { EventBatchPattern, RethrowRpcErrorsFilter } from '@badges/messaging';

import { ConfirmationEmailService } from '../learner-emails/confirmation-email.service';
import { ExistingAccountEmailService } from '../learner-emails/existing-account-email.service';
import { RecipientLanguagesService } from '../recipient-languages/recipient-languages.service';
import { StaffEmailService } from '../staff-emails/staff-email.service';
import { EventIntakeService } from './event-intake.service';

/**
 * The service's consumers (group `notification`), identical on Kafka and on the in-process bus.
 * The bus validated the envelope; a throw is retried a bounded number of times, then dead-lettered.
 */
@Controller()
@UseFilters(RethrowRpcErrorsFilter)
export class NotificationEventsConsumer {
  constructor(
    private readonly intake: EventIntakeService,
    private readonly confirmations: ConfirmationEmailService,
    private readonly existingAccounts: ExistingAccountEmailService,
    private readonly staffEmails: StaffEmailService,
    private readonly recipientLanguages: RecipientLanguagesService,
  ) {}

  /** A bulk award's events arrive in runs: their subscriptions are looked up once per run. */
  @EventBatchPattern(Topic.AssertionIssued)
  async onAssertionsIssued(@Payload() events: EventOf<typeof Topic.AssertionIssued>[]): Promise<void> {
    await this.intake.handleMany(events);
  }

  @EventPattern(Topic.AssertionRevoked)
  async onAssertionRevoked(@Payload() event: EventOf<typeof Topic.AssertionRevoked>): Promise<void> {
    await this.intake.handle(event);
  }

  @EventPattern(Topic.EndorsementRequested)
  async onEndorsementRequested(@Payload() event: EventOf<typeof Topic.EndorsementRequested>): Promise<void> {
    await this.intake.handle(event);
  }

  @EventPattern(Topic.EndorsementIssued)
  async onEndorsementIssued(@Payload() event: EventOf<typeof Topic.EndorsementIssued>): Promise<void> {
    await this.intake.handle(event);
  }

  @EventPattern(Topic.EndorsementRevoked)
  async onEndorsementRevoked(@Payload() event: EventOf<typeof Topic.EndorsementRevoked>): Promise<void> {
    await this.intake.handle(event);
  }

  @EventPattern(Topic.BadgeClassUpdated)
  async onBadgeClassUpdated(@Payload() event: EventOf<typeof Topic.BadgeClassUpdated>): Promise<void> {
    await this.intake.handle(event);
  }

  @EventPattern(Topic.LearnerEmailConfirmationRequested)
  async onLearnerEmailConfirmationRequested(@Payload() event: EventOf<typeof Topic.LearnerEmailConfirmationRequested>): Promise<void> {
    await this.confirmations.handle(event);
  }

  @EventPattern(Topic.LearnerExistingSignupAttempted)
  async onLearnerExistingSignupAttempted(@Payload() event: EventOf<typeof Topic.LearnerExistingSignupAttempted>): Promise<void> {
    await this.existingAccounts.handle(event);
  }

  @EventPattern(Topic.LearnerLanguageChanged)
  async onLearnerLanguageChanged(@Payload() event: EventOf<typeof Topic.LearnerLanguageChanged>): Promise<void> {
    await this.recipientLanguages.handle(event);
  }

  @EventPattern(Topic.StaffInvited)
  async onStaffInvited(@Payload() event: EventOf<typeof Topic.StaffInvited>): Promise<void> {
    await this.staffEmails.invited(event);
  }

  @EventPattern(Topic.StaffPasswordResetRequested)
  async onStaffPasswordResetRequested(@Payload() event: EventOf<typeof Topic.StaffPasswordResetRequested>): Promise<void> {
    await this.staffEmails.passwordResetRequested(event);
  }
}

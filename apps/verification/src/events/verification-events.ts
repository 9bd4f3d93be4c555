import { Logger } from '@nestjs/common';

import { createEvent, PROVINCE_INSTITUTION_ID, Topic, type BadgeEvent, type VerificationCompletedPayload } from '@badges/events';
import type { EventPublisher } from '@badges/messaging';

export interface VerificationEventsOptions {
  /** Events are sent in batches of at most this many... */
  maxBatch?: number;
  /** ...or after this long, whichever comes first. */
  flushAfterMs?: number;
  /** Beyond this many unsent events new ones are dropped (and counted): analytics must never slow verification. */
  maxPending?: number;
}

/**
 * Publishes `badges.verification.completed.v1`. A verification changes no state of ours, so
 * there is nothing to commit an outbox row with (docs/decisions/0012): events go straight to the
 * bus, batched, off the request path. The payload is the contract's (no recipient, no badge
 * content); createEvent strips anything else.
 */
export class VerificationEvents {
  private readonly logger = new Logger(VerificationEvents.name);
  private pending: BadgeEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private dropped = 0;
  private readonly maxBatch: number;
  private readonly flushAfterMs: number;
  private readonly maxPending: number;

  constructor(
    private readonly publisher: EventPublisher,
    options: VerificationEventsOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 200;
    this.flushAfterMs = options.flushAfterMs ?? 20;
    this.maxPending = options.maxPending ?? 10_000;
  }

  completed(payload: VerificationCompletedPayload, correlationId: string): void {
    if (this.pending.length >= this.maxPending) {
      if (this.dropped++ % 1000 === 0) this.logger.warn(`event bus is not keeping up: ${this.dropped} verification events dropped so far`);
      return;
    }
    this.pending.push(
      createEvent(Topic.VerificationCompleted, {
        institutionId: PROVINCE_INSTITUTION_ID,
        correlationId,
        aggregateId: payload.verificationId,
        payload,
      }),
    );
    if (this.pending.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushAfterMs);
  }

  /** Sends what is pending; resolves once the bus has accepted it (tests, shutdown). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0, this.pending.length);
    // One batch at a time, in order.
    this.inFlight = this.inFlight.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.publisher.publish(batch);
      } catch (error) {
        this.logger.warn(`${batch.length} verification events could not be published: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return this.inFlight;
  }
}

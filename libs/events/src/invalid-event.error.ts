export type InvalidEventReason = 'not-json' | 'envelope' | 'unknown-type' | 'payload';

export interface InvalidEventIssue {
  path: string;
  message: string;
}

/** A message that is not a valid event of a known type; retrying it cannot help. */
export class InvalidEventError extends Error {
  constructor(
    readonly reason: InvalidEventReason,
    readonly issues: InvalidEventIssue[],
    /** What could be read of the message, for logs and the dead-letter record. */
    readonly eventType?: string,
  ) {
    super(`Invalid event (${reason}${eventType ? `, ${eventType}` : ''}): ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

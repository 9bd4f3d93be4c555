import { InvalidEventError, type InvalidEventReason } from '@badges/events';

/** What `<topic>.dlq` carries: the event as received, who gave up on it, and why. */
export interface DeadLetter {
  /** The topic the event was consumed from (without the `.dlq` suffix). */
  topic: string;
  group: string;
  attempts: number;
  failedAt: string;
  error: { name: string; message: string; reason?: InvalidEventReason };
  /** The message as received: a validated event, or whatever could be decoded of an invalid one. */
  event: unknown;
  /** The partition key of the original message, reused for the DLQ message. */
  key: string | null;
}

export interface DeadLetterSink {
  publishDeadLetter(letter: DeadLetter): Promise<void>;
}

export function toDeadLetter(input: Omit<DeadLetter, 'failedAt' | 'error'> & { error: unknown }): DeadLetter {
  const { error } = input;
  return {
    ...input,
    failedAt: new Date().toISOString(),
    error: {
      name: error instanceof Error ? error.name : 'Error',
      message: describeError(error),
      ...(error instanceof InvalidEventError ? { reason: error.reason } : {}),
    },
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  // Nest's RPC exception filter turns a thrown error into `{ status: 'error', message }`.
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

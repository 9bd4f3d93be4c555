export const JobQueueErrorCode = {
  JobNotFound: 'JOB_NOT_FOUND',
  JobNotFailed: 'JOB_NOT_FAILED',
  InvalidJobId: 'INVALID_JOB_ID',
  InvalidOptions: 'INVALID_OPTIONS',
  NoHandler: 'NO_HANDLER',
  Closed: 'QUEUE_CLOSED',
} as const;
export type JobQueueErrorCode = (typeof JobQueueErrorCode)[keyof typeof JobQueueErrorCode];

export class JobQueueError extends Error {
  constructor(
    readonly code: JobQueueErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JobQueueError';
  }
}

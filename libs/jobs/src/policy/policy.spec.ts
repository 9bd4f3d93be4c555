import { JobQueueErrorCode } from '../job-queue.error';
import { backoffDelay } from './backoff';
import { PRIORITY_LIMIT, fairPriority } from './fairness';
import { validateAddOptions } from './job-options';

describe('backoffDelay', () => {
  it('doubles from the base delay (BullMQ exponential) or stays put (fixed)', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay({ type: 'exponential', delayMs: 30_000 }, n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3].map((n) => backoffDelay({ type: 'fixed', delayMs: 500 }, n))).toEqual([500, 500, 500]);
  });
});

describe('fairPriority', () => {
  it('is the backlog rank plus the requested priority, within BullMQ bounds', () => {
    expect(fairPriority(1)).toBe(1);
    expect(fairPriority(0)).toBe(1); // never 0: unprioritized jobs would bypass fairness in BullMQ
    expect(fairPriority(7, 10)).toBe(17);
    expect(fairPriority(PRIORITY_LIMIT, 5)).toBe(PRIORITY_LIMIT);
  });
});

describe('validateAddOptions', () => {
  it.each([
    [{ jobId: '' }, JobQueueErrorCode.InvalidJobId],
    [{ jobId: '12' }, JobQueueErrorCode.InvalidJobId],
    [{ jobId: 'x:y' }, JobQueueErrorCode.InvalidJobId],
    [{ attempts: 0 }, JobQueueErrorCode.InvalidOptions],
    [{ attempts: 1.5 }, JobQueueErrorCode.InvalidOptions],
    [{ delayMs: -1 }, JobQueueErrorCode.InvalidOptions],
    [{ priority: 0.5 }, JobQueueErrorCode.InvalidOptions],
    [{ priority: PRIORITY_LIMIT + 1 }, JobQueueErrorCode.InvalidOptions],
    [{ backoff: { type: 'fixed' as const, delayMs: Number.NaN } }, JobQueueErrorCode.InvalidOptions],
  ])('refuses %j', (options, code) => {
    expect(() => validateAddOptions(options)).toThrow(expect.objectContaining({ code }));
  });

  it('accepts ids such as uuids and prefixed keys', () => {
    expect(() => validateAddOptions({ jobId: 'email-1b4e28ba-2fa1-11d2-883f-0016d3cca427', attempts: 5, priority: 3, delayMs: 0 })).not.toThrow();
  });
});

import { InProcessQueueStore, type StoreJobOptions } from './in-process-queue-store';
import { PriorityHeap } from './priority-heap';

const options = (overrides: Partial<StoreJobOptions> = {}): StoreJobOptions => ({
  attempts: 1,
  backoff: { type: 'fixed', delayMs: 0 },
  delayMs: 0,
  priority: 0,
  removeOnComplete: { count: 100, ageSeconds: 60 },
  removeOnFail: { count: 100, ageSeconds: 60 },
  ...overrides,
});

describe('InProcessQueueStore', () => {
  it('removes finished jobs older than the age bound when the next one finishes (BullMQ semantics)', () => {
    let now = 0;
    const store = new InProcessQueueStore(() => now);
    const first = store.add('job', { institutionId: 'a' }, options());
    const second = store.add('job', { institutionId: 'a' }, options());
    store.complete(store.take()!, 'success');
    now = 61_000;
    store.complete(store.take()!, 'success');

    expect(store.get(first.id)).toBeUndefined();
    expect(store.get(second.id)?.state).toBe('completed');
  });

  it('hands out jobs round-robin across institutions', () => {
    const store = new InProcessQueueStore();
    for (let i = 0; i < 3; i++) store.add('job', { institutionId: 'flood' }, options());
    store.add('job', { institutionId: 'quiet' }, options());
    const order = [1, 2, 3, 4].map(() => store.take()!.payload.institutionId);

    expect(order).toEqual(['flood', 'quiet', 'flood', 'flood']);
  });
});

describe('PriorityHeap', () => {
  it('pops by priority, FIFO among equals', () => {
    const heap = new PriorityHeap();
    [5, 1, 3, 1, 2, 5].forEach((priority, seq) => heap.push({ id: `${priority}-${seq}`, priority, seq }));
    const ids: string[] = [];
    for (let entry = heap.pop(); entry; entry = heap.pop()) ids.push(entry.id);

    expect(ids).toEqual(['1-1', '1-3', '2-4', '3-2', '5-0', '5-5']);
  });
});

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * How long a lane works before it lets the event loop turn. On the embedded default every service
 * shares one loop: a lane whose deliveries need no I/O (an ignored event, a cached lookup) would
 * otherwise run its whole backlog as one chain of microtasks and hold every request behind it.
 */
export const LANE_SLICE_MS = 5;

/**
 * A sequential work queue: the in-process counterpart of a Kafka partition. Items are handled in
 * order, one `handle` call at a time; `handle` takes one or more items off the front of the queue
 * it is given (a run of events for a batch consumer) before its first await, always at least one,
 * and handles its own errors. It may `await turn()` between steps of a long run: that lets the
 * event loop turn once the lane's current slice has run LANE_SLICE_MS.
 */
export class Lane<T> {
  private readonly queue: T[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private sliceStart = 0;

  constructor(private readonly handle: (queue: T[], turn: () => Promise<void>) => Promise<void>) {}

  push(item: T): void {
    this.queue.push(item);
    if (!this.running) {
      this.running = true;
      // Delivery is asynchronous, as with Kafka: the publisher's transaction is never inside a handler.
      setImmediate(() => void this.pump());
    }
  }

  /** The items not taken yet (read-only: the consumer lag of the in-process bus). */
  get waiting(): readonly T[] {
    return this.queue;
  }

  get idle(): boolean {
    return !this.running && this.queue.length === 0;
  }

  whenIdle(): Promise<void> {
    return this.idle ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private readonly turn = async (): Promise<void> => {
    if (performance.now() - this.sliceStart < LANE_SLICE_MS) return;
    await yieldToEventLoop();
    this.sliceStart = performance.now();
  };

  private async pump(): Promise<void> {
    this.sliceStart = performance.now();
    while (this.queue.length > 0) {
      await this.handle(this.queue, this.turn).catch(() => undefined);
      await this.turn();
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}

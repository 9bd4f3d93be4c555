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
 * and handles its own errors.
 */
export class Lane<T> {
  private readonly queue: T[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly handle: (queue: T[]) => Promise<void>) {}

  push(item: T): void {
    this.queue.push(item);
    if (!this.running) {
      this.running = true;
      // Delivery is asynchronous, as with Kafka: the publisher's transaction is never inside a handler.
      setImmediate(() => void this.pump());
    }
  }

  get idle(): boolean {
    return !this.running && this.queue.length === 0;
  }

  whenIdle(): Promise<void> {
    return this.idle ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async pump(): Promise<void> {
    let sliceStart = performance.now();
    while (this.queue.length > 0) {
      await this.handle(this.queue).catch(() => undefined);
      if (performance.now() - sliceStart >= LANE_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}

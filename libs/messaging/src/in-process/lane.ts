/**
 * A sequential work queue: the in-process counterpart of a Kafka partition. Tasks run one at
 * a time in order; a task never throws out of the lane (the caller's task handles its errors).
 */
export class Lane {
  private readonly queue: (() => Promise<void>)[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];

  push(task: () => Promise<void>): void {
    this.queue.push(task);
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
    for (let task = this.queue.shift(); task; task = this.queue.shift()) {
      await task().catch(() => undefined);
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}

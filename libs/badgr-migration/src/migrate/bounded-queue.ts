/**
 * A queue of at most `capacity` items between one producer and one consumer: the producer waits
 * while it is full, so reading runs ahead of writing by that much and no more.
 */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private closed = false;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  constructor(private readonly capacity: number) {
    if (capacity < 1) throw new RangeError('capacity must be at least 1');
  }

  /** False once the queue is closed: the producer should stop. */
  async push(item: T): Promise<boolean> {
    while (this.items.length >= this.capacity && !this.closed) await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    if (this.closed) return false;
    this.items.push(item);
    this.wake('consumer');
    return true;
  }

  /** The next item, or `undefined` once closed and drained. */
  async take(): Promise<T | undefined> {
    while (this.items.length === 0 && !this.closed) await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    const item = this.items.shift();
    this.wake('producer');
    return item;
  }

  /** No more items: the consumer drains what is queued; a waiting producer is let go. */
  close(): void {
    this.closed = true;
    this.wake('consumer');
    this.wake('producer');
  }

  private wake(side: 'consumer' | 'producer'): void {
    const wake = side === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (side === 'consumer') this.wakeConsumer = null;
    else this.wakeProducer = null;
    wake?.();
  }
}

import { InProcessQueueStore } from './in-process-queue-store';

/** The in-process stand-in for Redis: one store per queue name, shared by all handles on it. */
export class InProcessJobBackend {
  private readonly stores = new Map<string, InProcessQueueStore>();

  constructor(private readonly now: () => number = Date.now) {}

  store(queueName: string): InProcessQueueStore {
    let store = this.stores.get(queueName);
    if (!store) {
      store = new InProcessQueueStore(this.now);
      this.stores.set(queueName, store);
    }
    return store;
  }

  /** Drops pending retry timers (tests, runner shutdown). */
  close(): void {
    for (const store of this.stores.values()) store.close();
  }
}

let shared: InProcessJobBackend | undefined;

/** The one backend of this process: every service of the embedded runner meets on it. */
export function sharedInProcessJobBackend(): InProcessJobBackend {
  shared ??= new InProcessJobBackend();
  return shared;
}

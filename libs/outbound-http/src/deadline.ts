import { OutboundFetchError } from './errors';

// One clock for the whole fetch, redirects included: a chain of slow hops cannot add up to
// more than timeoutMs, and neither can a server that trickles one byte at a time.
export class Deadline {
  private readonly endsAt: number;

  constructor(readonly timeoutMs: number) {
    this.endsAt = Date.now() + timeoutMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  error(url: string): OutboundFetchError {
    return new OutboundFetchError('timeout', `${url} did not answer completely within ${this.timeoutMs} ms.`, url);
  }

  /** Settles like `work`, or rejects with a timeout error if the deadline comes first. */
  race<T>(work: Promise<T>, url: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.error(url)), this.remainingMs());
    });
    return Promise.race([work, expired]).finally(() => clearTimeout(timer));
  }
}

import { Logger, type OnModuleDestroy } from '@nestjs/common';

/** `lastUsedAt` is news to a person, not an audit record: a minute's resolution is plenty. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Writes a client's `lastUsedAt` behind the request: at most once per LAST_USED_RESOLUTION_MS per
 * client in this process, never awaited by the request, a failed write only logged. With several
 * gateway processes each writes on its own schedule; the latest write wins, which is what the
 * column means.
 */
export class ClientUsageRecorder implements OnModuleDestroy {
  private readonly logger = new Logger(ClientUsageRecorder.name);
  private readonly writtenAt = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly write: (clientId: string, at: Date) => Promise<void>,
    private readonly resolutionMs = LAST_USED_RESOLUTION_MS,
    private readonly now: () => number = Date.now,
  ) {}

  record(clientId: string): void {
    const now = this.now();
    const last = this.writtenAt.get(clientId);
    if (last !== undefined && now - last < this.resolutionMs) return;
    this.writtenAt.set(clientId, now);
    const write: Promise<void> = this.write(clientId, new Date(now))
      .catch((error: unknown) => this.logger.warn(`lastUsedAt of client ${clientId} not written: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Waits for the writes under way (at shutdown, so none meets a closed database). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  onModuleDestroy(): Promise<void> {
    return this.flush();
  }
}

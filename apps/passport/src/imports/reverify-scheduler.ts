import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { JobName } from '@badges/jobs';
import { PROVINCE_INSTITUTION_ID } from '@badges/events';

import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import { REVERIFY_QUEUE, type ReverifyQueue } from './reverify-queue';

const BATCH = 500;

/**
 * Puts imported badges not verified for IMPORT_REVERIFY_HOURS on the `import-reverify` queue,
 * never on page views. The job id names the period, so every instance may sweep: each badge is
 * queued once per period whoever finds it first.
 */
@Injectable()
export class ReverifyScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReverifyScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(@Inject(REVERIFY_QUEUE) private readonly queue: ReverifyQueue, private readonly prisma: PassportPrismaService, @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig) {}

  onApplicationBootstrap(): void {
    if (this.config.reverifySweepMs <= 0) return;
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn(`re-verify sweep failed: ${String(error)}`)), this.config.reverifySweepMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues the badges due now; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const periodMs = this.config.reverifyHours * 3600 * 1000;
    const due = await this.prisma.award.findMany({
      where: { origin: 'imported', OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lte: new Date(now.getTime() - periodMs) } }] },
      select: { assertionId: true },
      orderBy: { lastVerifiedAt: { sort: 'asc', nulls: 'first' } },
      take: BATCH,
    });
    if (due.length === 0) return 0;
    const period = Math.floor(now.getTime() / periodMs);
    await this.queue.addBulk(
      due.map(({ assertionId }) => ({ name: JobName.ReverifyImport, payload: { institutionId: PROVINCE_INSTITUTION_ID, assertionId }, options: { jobId: `reverify-${assertionId}-${period}` } })),
    );
    return due.length;
  }
}

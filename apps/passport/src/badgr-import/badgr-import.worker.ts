import { Inject, Injectable, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { JobName, JobStatus, type JobOf } from '@badges/jobs';

import { learnerScope } from '../common/learner-scope';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import { BADGR_IMPORT_QUEUE, type BadgrImportQueue } from './badgr-import-queue';
import { BadgrImportRepository } from './badgr-import.repository';
import { BadgrCollectionsWriter } from './badgr-collections.writer';
import { BackpackItemImporter } from './backpack-item-importer';

/**
 * `import-badgr-backpack` jobs: the items still pending, one by one (each result is saved as it
 * is known, so the learner watches it progress and a retried job does not repeat them), then the
 * collections. An item's own failure is its result; only the database failing fails the job.
 */
@Injectable()
export class BadgrImportWorker implements OnModuleInit, BeforeApplicationShutdown {
  constructor(
    @Inject(BADGR_IMPORT_QUEUE) private readonly queue: BadgrImportQueue,
    private readonly prisma: PassportPrismaService,
    private readonly imports: BadgrImportRepository,
    private readonly items: BackpackItemImporter,
    private readonly collections: BadgrCollectionsWriter,
  ) {}

  onModuleInit(): void {
    this.queue.process(JobName.ImportBadgrBackpack, (payload) => this.run(payload));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  async run({ importId }: JobOf<typeof JobName.ImportBadgrBackpack>): Promise<JobStatus> {
    const run = await this.imports.forJob(importId);
    if (!run || run.status === 'completed') return JobStatus.Skipped;
    await this.imports.markRunning(importId);
    const scope = learnerScope(run.learnerId);
    const identifiers = await this.prisma.learnerIdentifier.findMany({ where: { learnerId: run.learnerId, verifiedAt: { not: null } }, select: { type: true, value: true } });
    const items = [...run.items];
    for (const [index, item] of items.entries()) {
      if (item.outcome !== 'pending') continue;
      const result = await this.items.importItem(scope, identifiers, item, `badgr-import-${importId}`);
      await this.imports.saveItem(importId, item.position, result);
      items[index] = { ...item, outcome: result.outcome, assertionId: result.assertionId ?? null };
    }
    for (const collection of run.collections) {
      await this.imports.saveCollection(importId, collection.position, await this.collections.write(scope, run.badgrOrigin, collection, items));
    }
    await this.imports.markCompleted(importId);
    return JobStatus.Success;
  }
}

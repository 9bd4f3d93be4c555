import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import type { QueuePayloads } from '../catalogue/job-payloads';
import { JobName, QueueName } from '../catalogue/queue-name';
import { InProcessJobBackend } from '../in-process/in-process-backend';
import { JobStatus, type JobQueue } from '../job-queue';
import { JobQueueModule, jobQueueToken } from './job-queue.module';

const sent: string[] = [];

@Injectable()
class EmailWorker implements OnModuleInit {
  constructor(@Inject(jobQueueToken(QueueName.Email)) readonly queue: JobQueue<QueuePayloads<typeof QueueName.Email>>) {}

  onModuleInit(): void {
    this.queue.process(JobName.SendEmail, async ({ deliveryId }) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      sent.push(deliveryId);
      return JobStatus.Success;
    });
  }
}

describe('JobQueueModule', () => {
  it('injects the queue and lets active jobs finish when the app closes', async () => {
    const backend = new InProcessJobBackend();
    @Module({ imports: [JobQueueModule.forQueues([QueueName.Email], {}, { inProcess: backend })], providers: [EmailWorker] })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const { queue } = app.get(EmailWorker);
    const { id } = await queue.add(JobName.SendEmail, { institutionId: 'inst-a', deliveryId: 'd-1' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await queue.getJob(id))?.state).toBe('active');

    await app.close();

    expect(sent).toEqual(['d-1']);
    expect((await queue.getJob(id))?.state).toBe('completed');
    backend.close();
  });
});

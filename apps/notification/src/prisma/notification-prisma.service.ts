import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';

import type { Database } from '@badges/persistence';

import { NOTIFICATION_DATABASE } from '../common/tokens';
import { PrismaClient } from '../generated/prisma/client';

type PrismaAdapterOption = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'];

/** The Postgres schema that holds this service's tables (and its outbox and ProcessedEvent). */
export const NOTIFICATION_SCHEMA = 'notification';

/** A Prisma transaction handle; repositories accept it so one handler can span several tables. */
export type NotificationTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** Built from the shared `Database` handle's driver adapter: same code on PGlite and PostgreSQL. */
@Injectable()
export class NotificationPrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATION_DATABASE) readonly database: Database) {
    // The PGlite adapter is typed against an older driver-adapter-utils than Prisma 6.19's.
    super({ adapter: database.prismaAdapter() as unknown as PrismaAdapterOption });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

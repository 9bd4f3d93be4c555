import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';

import type { Database } from '@badges/persistence';

import { PASSPORT_DATABASE } from '../common/tokens';
import { PrismaClient } from '../generated/prisma/client';

type PrismaAdapterOption = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'];

/** A Prisma transaction handle; repositories accept it so one handler can span several tables. */
export type PassportTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** Built from the shared `Database` handle's driver adapter: same code on PGlite and PostgreSQL. */
@Injectable()
export class PassportPrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(PASSPORT_DATABASE) readonly database: Database) {
    // The PGlite adapter is typed against an older driver-adapter-utils than Prisma 6.19's.
    super({ adapter: database.prismaAdapter() as unknown as PrismaAdapterOption });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

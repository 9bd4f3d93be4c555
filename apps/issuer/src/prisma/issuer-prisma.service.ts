import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';

import type { Database } from '@badges/persistence';

import { ISSUER_DATABASE } from '../common/tokens';
import { PrismaClient } from '../generated/prisma/client';

type PrismaAdapterOption = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'];

/** A Prisma transaction handle; repositories accept it so one use case can span several tables. */
export type IssuerTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * The service's Prisma client. It is built from the shared `Database` handle's driver adapter, so
 * the same code runs on PGlite (embedded) and PostgreSQL (distributed) without knowing which.
 */
@Injectable()
export class IssuerPrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(ISSUER_DATABASE) readonly database: Database) {
    // The PGlite adapter is typed against an older driver-adapter-utils than Prisma 6.19's; the
    // runtime interface is the same (verified by the specs on both targets).
    super({ adapter: database.prismaAdapter() as unknown as PrismaAdapterOption });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

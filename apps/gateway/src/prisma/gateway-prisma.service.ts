import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

import type { Database } from '@badges/persistence';

import { type Prisma, PrismaClient } from '../generated/prisma/client';
import { GATEWAY_DATABASE } from '../gateway.tokens';

/** A Prisma transaction handle: a change and its audit entry are written through the same one. */
export type GatewayTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * The gateway's Prisma client. It connects through the shared Database's driver adapter, so the
 * same code runs on PGlite (embedded) and PostgreSQL (distributed); it only touches schema "gateway".
 */
@Injectable()
export class GatewayPrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  constructor(@Inject(GATEWAY_DATABASE) database: Database) {
    // pglite-prisma-adapter 0.6 is typed against driver-adapter-utils 6.10, Prisma 6.19 against 6.19:
    // the runtime contract is the same, only the declared types drift.
    super({ adapter: database.prismaAdapter() as unknown as NonNullable<Prisma.PrismaClientOptions['adapter']> });
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

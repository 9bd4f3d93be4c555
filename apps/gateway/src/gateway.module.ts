import { type DynamicModule, Global, Module } from '@nestjs/common';

import type { OutboxRelay } from '@badges/messaging';
import type { Database } from '@badges/persistence';
import type { ServiceClient } from '@badges/service-kit';

import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClientsModule } from './clients/clients.module';
import type { GatewayConfig } from './config/gateway.config';
import { GATEWAY_CONFIG, GATEWAY_DATABASE, GATEWAY_OUTBOX_RELAY, SERVICE_CLIENTS } from './gateway.tokens';
import { HealthModule } from './health/health.module';
import { PublicCacheModule } from './public-cache/public-cache.module';
import { GatewayPrismaService } from './prisma/gateway-prisma.service';
import { RoutingModule } from './routing/routing.module';
import { SsoModule } from './sso/sso.module';
import { StaffModule } from './staff/staff.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { WebSessionModule } from './web-session/web-session.module';

export interface GatewayModuleOptions {
  database: Database;
  config: GatewayConfig;
  services: Record<string, ServiceClient>;
}

/** What createGatewayApp adds to its caller's options before building the module. */
export interface GatewayModuleInput extends GatewayModuleOptions {
  relay: OutboxRelay;
}

/** What every feature module may inject: the values createGatewayApp was given, and Prisma. */
@Global()
@Module({})
class GatewayCoreModule {
  static forRoot(options: GatewayModuleInput): DynamicModule {
    const providers = [
      { provide: GATEWAY_CONFIG, useValue: options.config },
      { provide: GATEWAY_DATABASE, useValue: options.database },
      { provide: SERVICE_CLIENTS, useValue: options.services },
      { provide: GATEWAY_OUTBOX_RELAY, useValue: options.relay },
      GatewayPrismaService,
    ];
    return { module: GatewayCoreModule, providers, exports: providers };
  }
}

@Module({})
export class GatewayModule {
  static forRoot(options: GatewayModuleInput): DynamicModule {
    return {
      module: GatewayModule,
      imports: [GatewayCoreModule.forRoot(options), AuthModule, TenancyModule, ClientsModule, StaffModule, SsoModule, AuditModule, RoutingModule, PublicCacheModule, HealthModule, WebSessionModule],
    };
  }
}

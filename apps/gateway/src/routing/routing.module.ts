import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { PublicCacheModule } from '../public-cache/public-cache.module';
import { BulkProgressRoute } from './bulk-progress.route';
import { ForwardingRoutes } from './forwarding.routes';

@Module({
  imports: [AuthModule, PublicCacheModule],
  providers: [ForwardingRoutes, BulkProgressRoute],
  exports: [ForwardingRoutes, BulkProgressRoute],
})
export class RoutingModule {}

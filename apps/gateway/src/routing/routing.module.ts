import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { BulkProgressRoute } from './bulk-progress.route';
import { ForwardingRoutes } from './forwarding.routes';

@Module({
  imports: [AuthModule],
  providers: [ForwardingRoutes, BulkProgressRoute],
  exports: [ForwardingRoutes, BulkProgressRoute],
})
export class RoutingModule {}

import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { ForwardingRoutes } from './forwarding.routes';

@Module({
  imports: [AuthModule],
  providers: [ForwardingRoutes],
  exports: [ForwardingRoutes],
})
export class RoutingModule {}

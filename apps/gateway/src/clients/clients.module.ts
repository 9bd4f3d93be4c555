import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { AdminTokenGuard } from '../tenancy/admin-token.guard';
import { AdminClientsController } from './admin-clients.controller';
import { ClientsController } from './clients.controller';
import { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';

@Module({
  imports: [AuthModule],
  controllers: [ClientsController, AdminClientsController],
  providers: [ClientsRepository, ClientsService, AdminTokenGuard],
})
export class ClientsModule {}

import { Module } from '@nestjs/common';

import { AdminTokenGuard } from './admin-token.guard';
import { AdminMigrationsController } from './admin-migrations.controller';
import { AdminController } from './admin.controller';
import { InstitutionProvisioner } from './institution-provisioner';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsRepository } from './institutions.repository';
import { InstitutionsService } from './institutions.service';
import { IssuerCountsClient } from './issuer-counts.client';
import { AuthModule } from '../auth/auth.module';

@Module({
  imports: [AuthModule],
  controllers: [AdminController, AdminMigrationsController, InstitutionsController],
  providers: [InstitutionsRepository, InstitutionProvisioner, InstitutionsService, IssuerCountsClient, AdminTokenGuard],
  exports: [InstitutionsRepository],
})
export class TenancyModule {}

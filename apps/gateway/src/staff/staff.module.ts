import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { IssuerDirectory } from './issuer-directory';
import { StaffEvents } from './staff-events';
import { StaffSelfController } from './staff-self.controller';
import { StaffSelfService } from './staff-self.service';
import { StaffTokensRepository } from './staff-tokens.repository';
import { IssuerStaffController, StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

/** People of the institutions (issue #16): managed by admins, self-service by the person; their sign-in is auth/. */
@Module({
  imports: [AuthModule],
  // The person's own routes first: `GET /v2/staff/self` is theirs, whatever the admins' routes match.
  controllers: [StaffSelfController, StaffController, IssuerStaffController],
  providers: [StaffRepository, StaffTokensRepository, StaffEvents, IssuerDirectory, StaffService, StaffSelfService],
  // Single sign-on (sso/) finds and provisions people, and checks the issuers its role mappings name.
  exports: [StaffRepository, IssuerDirectory, StaffEvents],
})
export class StaffModule {}

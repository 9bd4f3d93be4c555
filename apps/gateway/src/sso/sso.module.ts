import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { StaffModule } from '../staff/staff.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { WebSessionModule } from '../web-session/web-session.module';
import { SsoClientSecretSealer } from './sso-client-secret.sealer';
import { SsoSettingsController } from './sso-settings.controller';
import { SsoSettingsService } from './sso-settings.service';
import { SsoSignInController } from './sso-sign-in.controller';
import { SsoSignInService } from './sso-sign-in.service';
import { SsoRepository } from './sso.repository';

/** Single sign-on per institution (issue #16, decision 0031): OpenID Connect, set by the institution's admins. */
@Module({
  imports: [AuthModule, StaffModule, TenancyModule, WebSessionModule],
  controllers: [SsoSettingsController, SsoSignInController],
  providers: [SsoRepository, SsoClientSecretSealer, SsoSettingsService, SsoSignInService],
})
export class SsoModule {}

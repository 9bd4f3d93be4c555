import { type DynamicModule, Module } from '@nestjs/common';

import type { InProcessJobBackend } from '@badges/jobs';
import type { OutboxRelay } from '@badges/messaging';
import type { Database } from '@badges/persistence';
import type { ServiceClient } from '@badges/service-kit';

import { AccountsService } from './accounts/accounts.service';
import { AuthController } from './accounts/auth.controller';
import { IdentifierLookup } from './accounts/identifier-lookup';
import { IdentifiersService } from './accounts/identifiers.service';
import { LearnerLanguages } from './accounts/learner-language';
import { LearnerAuthGuard, OptionalLearnerGuard } from './accounts/learner-auth.guard';
import { SessionsService } from './accounts/sessions.service';
import { UrlProof } from './accounts/url-proof';
import { UsersController } from './accounts/users.controller';
import { BackpackController } from './backpack/backpack.controller';
import { BackpackRepository } from './backpack/backpack.repository';
import { BadgeAcceptanceService } from './backpack/badge-acceptance.service';
import { BadgeCollector } from './backpack/badge-collector';
import { BadgrCollectionsWriter } from './badgr-import/badgr-collections.writer';
import { badgrImportQueueProviders } from './badgr-import/badgr-import-queue';
import { BadgrImportController } from './badgr-import/badgr-import.controller';
import { BadgrImportRepository } from './badgr-import/badgr-import.repository';
import { BadgrImportService } from './badgr-import/badgr-import.service';
import { BadgrImportWorker } from './badgr-import/badgr-import.worker';
import { BackpackItemImporter } from './badgr-import/backpack-item-importer';
import { BadgeConnectAuthGuard } from './badge-connect/badge-connect-auth.guard';
import { BadgeConnectResourcesController } from './badge-connect/badge-connect-resources.controller';
import { BadgeConnectController } from './badge-connect/badge-connect.controller';
import { BadgeConnectService } from './badge-connect/badge-connect.service';
import { ConnectedAppsController } from './badge-connect/connected-apps.controller';
import { ConnectedAppsService } from './badge-connect/connected-apps.service';
import { CollectionsController } from './collections/collections.controller';
import { CollectionsService } from './collections/collections.service';
import { EntityIdPipe } from './common/entity-id.pipe';
import { CredentialIntakeService } from './credentials/credential-intake.service';
import { KeptCredentialsService } from './credentials/kept-credentials.service';
import { ISSUER_CLIENT, PASSPORT_CONFIG, PASSPORT_DATABASE, PASSPORT_OUTBOX_RELAY, VERIFICATION_CLIENT, VERIFIER } from './common/tokens';
import type { PassportConfig } from './config/passport.config';
import { EndorsementIntakeService } from './endorsements/endorsement-intake.service';
import { AwardIntakeService } from './events/award-intake.service';
import { PassportEvents } from './events/passport-events';
import { PassportEventsConsumer } from './events/passport-events.consumer';
import { AwardCopiesService } from './export/award-copies.service';
import { ExportController } from './export/export.controller';
import { ExportService } from './export/export.service';
import { IssuerDocumentsClient } from './export/issuer-documents.client';
import { BadgeEditionsService } from './badge-texts/badge-editions.service';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { reverifyQueueProviders } from './imports/reverify-queue';
import { ReverifyScheduler } from './imports/reverify-scheduler';
import { ReverifyWorker } from './imports/reverify.worker';
import { VerificationServiceClient, type Verifier } from './imports/verification.client';
import { HealthController } from './health/health.controller';
import { LearnerProfileService } from './open-badges-api/learner-profile.service';
import { OpenBadgesApiController } from './open-badges-api/open-badges-api.controller';
import { PassportPrismaService } from './prisma/passport-prisma.service';
import { PublicSharesController } from './shares/public-shares.controller';
import { ShareViewsController } from './shares/share-views.controller';
import { SharesController } from './shares/shares.controller';
import { SharesService } from './shares/shares.service';

export interface PassportModuleOptions {
  database: Database;
  config: PassportConfig;
  relay: OutboxRelay;
  /** The issuer service (baked images and assertion documents for the export). */
  issuer: ServiceClient;
  /** The verification service (imports); absent where it does not run (imports answer 503). */
  verification?: ServiceClient;
  /** Test seam: verifies imports instead of the verification service. */
  verifier?: Verifier;
  /** The jobs env (REDIS_URL, WORKERS, JOBS_*): BullMQ or the in-process runner. */
  env: NodeJS.ProcessEnv;
  inProcessJobs?: InProcessJobBackend;
}

/** One module for the service, as in the issuer and notification: small features, one Prisma client. */
@Module({})
export class PassportModule {
  static forRoot(options: PassportModuleOptions): DynamicModule {
    return {
      module: PassportModule,
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        BackpackController,
        CollectionsController,
        SharesController,
        PublicSharesController,
        ShareViewsController,
        ExportController,
        ImportsController,
        BadgrImportController,
        BadgeConnectController,
        BadgeConnectResourcesController,
        ConnectedAppsController,
        OpenBadgesApiController,
        PassportEventsConsumer,
      ],
      providers: [
        { provide: PASSPORT_DATABASE, useValue: options.database },
        { provide: PASSPORT_CONFIG, useValue: options.config },
        { provide: PASSPORT_OUTBOX_RELAY, useValue: options.relay },
        { provide: ISSUER_CLIENT, useValue: options.issuer },
        { provide: VERIFICATION_CLIENT, useValue: options.verification },
        VerificationServiceClient,
        options.verifier ? { provide: VERIFIER, useValue: options.verifier } : { provide: VERIFIER, useExisting: VerificationServiceClient },
        ImportsService,
        ...reverifyQueueProviders(options.env, options.inProcessJobs),
        ReverifyWorker,
        ReverifyScheduler,
        ...badgrImportQueueProviders(options.env, options.inProcessJobs),
        BadgrImportRepository,
        BadgrImportService,
        BackpackItemImporter,
        BadgrCollectionsWriter,
        BadgrImportWorker,
        BadgeConnectService,
        ConnectedAppsService,
        BadgeConnectAuthGuard,
        PassportPrismaService,
        EntityIdPipe,
        IdentifierLookup,
        SessionsService,
        LearnerAuthGuard,
        OptionalLearnerGuard,
        IdentifiersService,
        LearnerLanguages,
        UrlProof,
        AccountsService,
        PassportEvents,
        BadgeCollector,
        AwardIntakeService,
        EndorsementIntakeService,
        BackpackRepository,
        BadgeAcceptanceService,
        CollectionsService,
        SharesService,
        IssuerDocumentsClient,
        BadgeEditionsService,
        ExportService,
        AwardCopiesService,
        KeptCredentialsService,
        CredentialIntakeService,
        LearnerProfileService,
      ],
    };
  }
}

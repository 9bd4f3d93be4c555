import { type DynamicModule, Module } from '@nestjs/common';

import type { InProcessJobBackend } from '@badges/jobs';
import type { OutboxRelay } from '@badges/messaging';
import type { Database } from '@badges/persistence';

import { AssertionsController } from './assertions/assertions.controller';
import { AssertionsRepository } from './assertions/assertions.repository';
import { AssertionsService } from './assertions/assertions.service';
import { AwardUseCase } from './assertions/award.usecase';
import { RecipientIdentity } from './assertions/recipient-identity';
import { bulkAwardQueueProviders } from './bulk-awards/bulk-award-queue';
import { BulkAwardWorker } from './bulk-awards/bulk-award.worker';
import { BulkAwardsController } from './bulk-awards/bulk-awards.controller';
import { BulkAwardsRepository } from './bulk-awards/bulk-awards.repository';
import { BulkAwardsService } from './bulk-awards/bulk-awards.service';
import { BulkProgressStream } from './bulk-awards/bulk-progress.stream';
import { BadgeClassesController } from './badge-classes/badge-classes.controller';
import { BadgeClassesRepository } from './badge-classes/badge-classes.repository';
import { BadgeClassesService } from './badge-classes/badge-classes.service';
import { EntityIdPipe } from './common/entity-id.pipe';
import { OwnedEntities } from './common/owned-entities';
import { PublicUrls } from './common/public-urls';
import { ISSUER_CONFIG, ISSUER_DATABASE, ISSUER_OUTBOX_RELAY } from './common/tokens';
import { CredentialDocumentsService } from './credentials/credential-documents.service';
import { CredentialSigner } from './credentials/credential-signer';
import { CredentialsController } from './credentials/credentials.controller';
import { StatusListsRepository } from './credentials/status-lists.repository';
import { StatusListsService } from './credentials/status-lists.service';
import type { IssuerConfig } from './config/issuer.config';
import { AssertionEngagementsRepository } from './dashboards/assertion-engagements.repository';
import { AwardStatsRepository } from './dashboards/award-stats.repository';
import { DashboardsController } from './dashboards/dashboards.controller';
import { EngagementEventsConsumer } from './dashboards/engagement-events.consumer';
import { EndorsementEventsConsumer } from './endorsements/endorsement-events.consumer';
import { IssuerStaffRepository } from './issuer-staff/issuer-staff.repository';
import { StaffEventsConsumer } from './issuer-staff/staff-events.consumer';
import { EndorsementIntakeService } from './endorsements/endorsement-intake.service';
import { ReceivedEndorsementsRepository } from './endorsements/received-endorsements.repository';
import { IssuerEvents } from './events/issuer-events';
import { HealthController } from './health/health.controller';
import { AssertionImageBaker } from './images/assertion-image.baker';
import { BakeScheduler } from './images/bake-scheduler';
import { BakedImagesRepository } from './images/baked-images.repository';
import { imageBakingQueueProviders } from './images/image-baking-queue';
import { ImageBakingWorker } from './images/image-baking.worker';
import { AssertionImagesController } from './images/assertion-images.controller';
import { ImagesController } from './images/images.controller';
import { ImagesRepository } from './images/images.repository';
import { ImagesService } from './images/images.service';
import { InstitutionsController } from './institutions/institutions.controller';
import { InstitutionsRepository } from './institutions/institutions.repository';
import { IssuersController } from './issuers/issuers.controller';
import { IssuersRepository } from './issuers/issuers.repository';
import { IssuersService } from './issuers/issuers.service';
import { AssertionRecordsWriter } from './migrations-in/assertion-records.writer';
import { BadgrRunsService } from './migrations-in/badgr-runs.service';
import { MigrationRunsRepository } from './migrations-in/migration-runs.repository';
import { MigrationWriterService } from './migrations-in/migration-writer.service';
import { MigrationsInController } from './migrations-in/migrations-in.controller';
import { ParentRecordsWriter } from './migrations-in/parent-records.writer';
import { IssuerPrismaService } from './prisma/issuer-prisma.service';
import { PublicDocumentsController } from './public-documents/public-documents.controller';
import { PublicDocumentsRepository } from './public-documents/public-documents.repository';
import { PublicDocumentsService } from './public-documents/public-documents.service';
import { SigningDocumentsController } from './public-documents/signing-documents.controller';
import { SigningDocumentsService } from './public-documents/signing-documents.service';
import { AssertionSigner } from './signing/assertion-signer';
import { KeySealer } from './signing/key-sealer';
import { SigningKeysController } from './signing/signing-keys.controller';
import { SigningKeysRepository } from './signing/signing-keys.repository';
import { SigningKeysService } from './signing/signing-keys.service';

export interface IssuerModuleOptions {
  database: Database;
  config: IssuerConfig;
  /** Publishes the outbox; the services wake it after committing events. */
  relay: OutboxRelay;
  /** Selects the job backend (REDIS_URL) and this process's worker role (WORKERS). */
  env?: NodeJS.ProcessEnv;
  /** The embedded job backend; the process-wide one unless a test gives its own. */
  inProcessJobs?: InProcessJobBackend;
}

/**
 * One module for the service: its features are small and share the Prisma client, so feature
 * modules would add wiring without adding isolation. The database and config come from the
 * caller (main.ts or the embedded runner), never from globals.
 */
@Module({})
export class IssuerModule {
  static forRoot(options: IssuerModuleOptions): DynamicModule {
    return {
      module: IssuerModule,
      controllers: [
        HealthController,
        InstitutionsController,
        IssuersController,
        BadgeClassesController,
        AssertionsController,
        PublicDocumentsController,
        SigningDocumentsController,
        ImagesController,
        AssertionImagesController,
        SigningKeysController,
        BulkAwardsController,
        EndorsementEventsConsumer,
        StaffEventsConsumer,
        DashboardsController,
        EngagementEventsConsumer,
        MigrationsInController,
        CredentialsController,
      ],
      providers: [
        { provide: ISSUER_DATABASE, useValue: options.database },
        { provide: ISSUER_CONFIG, useValue: options.config },
        { provide: ISSUER_OUTBOX_RELAY, useValue: options.relay },
        IssuerEvents,
        IssuerPrismaService,
        PublicUrls,
        EntityIdPipe,
        OwnedEntities,
        InstitutionsRepository,
        ImagesRepository,
        IssuersRepository,
        IssuerStaffRepository,
        AssertionEngagementsRepository,
        AwardStatsRepository,
        IssuersService,
        BadgeClassesRepository,
        BadgeClassesService,
        RecipientIdentity,
        AssertionsRepository,
        AssertionsService,
        AwardUseCase,
        PublicDocumentsRepository,
        PublicDocumentsService,
        ImagesService,
        KeySealer,
        SigningKeysRepository,
        SigningKeysService,
        AssertionSigner,
        SigningDocumentsService,
        ...bulkAwardQueueProviders(options.env ?? process.env, options.inProcessJobs),
        BulkAwardsRepository,
        BulkAwardsService,
        BulkProgressStream,
        BulkAwardWorker,
        ...imageBakingQueueProviders(options.env ?? process.env, options.inProcessJobs),
        BakedImagesRepository,
        AssertionImageBaker,
        BakeScheduler,
        ImageBakingWorker,
        ReceivedEndorsementsRepository,
        EndorsementIntakeService,
        MigrationRunsRepository,
        ParentRecordsWriter,
        AssertionRecordsWriter,
        MigrationWriterService,
        BadgrRunsService,
        StatusListsRepository,
        StatusListsService,
        CredentialSigner,
        CredentialDocumentsService,
      ],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';

import type { OutboxRelay } from '@badges/messaging';
import type { Database } from '@badges/persistence';
import type { ServiceClient } from '@badges/service-kit';

import { EntityIdPipe } from './common/entity-id.pipe';
import { PublicUrls } from './common/public-urls';
import { ENDORSEMENT_CONFIG, ENDORSEMENT_DATABASE, ENDORSEMENT_OUTBOX_RELAY, ISSUER_CLIENT } from './common/tokens';
import type { EndorsementConfig } from './config/endorsement.config';
import { EndorsementRequestsController } from './endorsement-requests/endorsement-requests.controller';
import { EndorsementRequestsRepository } from './endorsement-requests/endorsement-requests.repository';
import { EndorsementWorkflow } from './endorsement-requests/endorsement-workflow.usecase';
import { EndorsementsController } from './endorsements/endorsements.controller';
import { EndorsementsRepository } from './endorsements/endorsements.repository';
import { EndorsersController } from './endorsers/endorsers.controller';
import { EndorsersRepository } from './endorsers/endorsers.repository';
import { EndorsementEvents } from './events/endorsement-events';
import { HealthController } from './health/health.controller';
import { IssuerTargetsClient } from './issuer-targets/issuer-targets.client';
import { EndorsementPrismaService } from './prisma/endorsement-prisma.service';
import { PublicDocumentsController } from './public-documents/public-documents.controller';
import { EndorsementSigner } from './signing/endorsement-signer';
import { EndorserKeySealer } from './signing/endorser-key-sealer';
import { EndorserKeysController } from './signing/endorser-keys.controller';
import { EndorserKeysRepository } from './signing/endorser-keys.repository';
import { EndorserKeysService } from './signing/endorser-keys.service';

export interface EndorsementModuleOptions {
  database: Database;
  config: EndorsementConfig;
  /** The issuer service: it owns the entities to endorse. */
  issuer: ServiceClient;
  relay: OutboxRelay;
}

/** One module for the service, as in the issuer and notification; dependencies come from the caller. */
@Module({})
export class EndorsementModule {
  static forRoot(options: EndorsementModuleOptions): DynamicModule {
    return {
      module: EndorsementModule,
      controllers: [HealthController, EndorsersController, EndorserKeysController, EndorsementRequestsController, EndorsementsController, PublicDocumentsController],
      providers: [
        { provide: ENDORSEMENT_DATABASE, useValue: options.database },
        { provide: ENDORSEMENT_CONFIG, useValue: options.config },
        { provide: ISSUER_CLIENT, useValue: options.issuer },
        { provide: ENDORSEMENT_OUTBOX_RELAY, useValue: options.relay },
        EndorsementPrismaService,
        EntityIdPipe,
        PublicUrls,
        EndorsersRepository,
        EndorsementRequestsRepository,
        EndorsementsRepository,
        IssuerTargetsClient,
        EndorsementEvents,
        EndorsementWorkflow,
        EndorserKeySealer,
        EndorserKeysRepository,
        EndorserKeysService,
        EndorsementSigner,
      ],
    };
  }
}

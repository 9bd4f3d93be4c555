import { Inject, Injectable } from '@nestjs/common';

import type { BadgrImportBody, BadgrImportV2 } from '@badges/api-contracts';
import { BadgrReadError, BadgrSession, readBadgrBackpack, type BadgrBackpackRead } from '@badges/badgr-migration';
import { PROVINCE_INSTITUTION_ID } from '@badges/events';
import { JobName } from '@badges/jobs';
import { isSecureOrLoopbackUrl } from '@badges/outbound-http';
import { ApiError, ErrorCode } from '@badges/service-kit';

import type { LearnerScope } from '../common/learner-scope';
import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import { BADGR_IMPORT_QUEUE, type BadgrImportQueue } from './badgr-import-queue';
import { toBadgrImportV2 } from './badgr-import.mapper';
import { BadgrImportRepository, type BadgrImportWith } from './badgr-import.repository';

/** An unfinished import older than this no longer blocks a new one (its job gave up). */
const STUCK_AFTER_MS = 60 * 60 * 1000;
/** A learner waits on the sign-in and the backpack read: fail fast rather than retry for minutes. */
const BADGR_TIMEOUT_MS = 15_000;
const BADGR_RETRIES = 1;

/** Why a Badgr could not be read, in words a learner can act on (never Badgr's own text: it may echo the username). */
const READ_ERRORS: Record<BadgrReadError['code'], { code: string; field: string; message: string }> = {
  sign_in_failed: { code: 'badgr_sign_in_failed', field: 'password', message: 'Badgr refused this username and password. Check them on the Badgr site and try again.' },
  unreachable: { code: 'badgr_unreachable', field: 'badgrUrl', message: 'The Badgr server at this address could not be reached. Check the address and try again later.' },
  unexpected_response: { code: 'badgr_unexpected_response', field: 'badgrUrl', message: 'This address did not answer as a Badgr server (API v2) does. Check the address.' },
};

/**
 * A learner brings their Badgr backpack (decision 0046). The request signs in to Badgr with the
 * learner's own credentials (their consent), reads the backpack and stores it; the password is
 * used for that one grant and forgotten with the request. The `badgr-import` job does the rest.
 */
@Injectable()
export class BadgrImportService {
  constructor(
    private readonly imports: BadgrImportRepository,
    @Inject(BADGR_IMPORT_QUEUE) private readonly queue: BadgrImportQueue,
    @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig,
  ) {}

  async start(scope: LearnerScope, body: BadgrImportBody): Promise<BadgrImportV2> {
    if (!isSecureOrLoopbackUrl(body.badgrUrl, this.config.badgrImportAllowHttp)) {
      throw ApiError.validation('The Badgr address must start with https:// (your password is sent there).', 'badgrUrl');
    }
    if (await this.imports.unfinishedSince(scope, new Date(Date.now() - STUCK_AFTER_MS))) {
      throw new ApiError(409, ErrorCode.Conflict, 'An import from Badgr is already under way. Wait for it to finish before starting another.');
    }
    const origin = new URL(body.badgrUrl).origin;
    const read = await this.readBackpack(origin, body);
    const id = await this.imports.create(scope, origin, read);
    await this.queue.add(JobName.ImportBadgrBackpack, { institutionId: PROVINCE_INSTITUTION_ID, importId: id }, { jobId: `badgr-import-${id}` });
    return this.get(scope, id);
  }

  async get(scope: LearnerScope, id: string): Promise<BadgrImportV2> {
    const run = await this.imports.find(scope, id);
    if (!run) throw ApiError.notFound('import');
    return this.view(scope, run, true);
  }

  async list(scope: LearnerScope): Promise<BadgrImportV2[]> {
    return Promise.all((await this.imports.list(scope)).map((run) => this.view(scope, run, false)));
  }

  private async view(scope: LearnerScope, run: BadgrImportWith, withItems: boolean): Promise<BadgrImportV2> {
    const assertionIds = withItems ? run.items.flatMap((item) => (item.assertionId ? [item.assertionId] : [])) : [];
    return toBadgrImportV2(run, await this.imports.statuses(scope, assertionIds), withItems);
  }

  private async readBackpack(origin: string, body: BadgrImportBody): Promise<BadgrBackpackRead> {
    const connection = { baseUrl: origin, allowPrivateNetwork: this.config.allowPrivateNetwork, timeoutMs: BADGR_TIMEOUT_MS, retries: BADGR_RETRIES };
    try {
      return await readBadgrBackpack(await BadgrSession.signIn(connection, { username: body.username, password: body.password }));
    } catch (error) {
      if (!(error instanceof BadgrReadError)) throw error;
      const refusal = READ_ERRORS[error.code];
      throw new ApiError(400, refusal.code, refusal.message, refusal.field);
    }
  }
}

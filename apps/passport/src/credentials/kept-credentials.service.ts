import { Injectable, Logger } from '@nestjs/common';

import { ApiError, ErrorCode } from '@badges/service-kit';

import type { LearnerScope } from '../common/learner-scope';
import { IssuerDocumentsClient } from '../export/issuer-documents.client';
import type { Award } from '../generated/prisma/client';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import type { CredentialFormat } from './credential-document';

/** A credential as kept: its form and its text exactly as signed. */
export interface KeptCredential {
  format: CredentialFormat;
  text: string;
}

type CredentialOwner = Pick<Award, 'assertionId' | 'credentialUrl'>;

/** Issuer fetches at once for one page: the issuer is this platform's own, but a page is up to 100. */
const FETCHES_AT_ONCE = 8;

/**
 * The OB 3.0 credentials the passport holds. A learner's own award names its credential on this
 * platform (the issued event's `credentialUrl`): it is fetched from the issuer the first time it is
 * needed (a wallet's read, the export, a share, an acceptance) and kept, as the export keeps 2.0
 * documents; a credential given by the learner or a wallet was kept when it was verified.
 */
@Injectable()
export class KeptCredentialsService {
  private readonly logger = new Logger(KeptCredentialsService.name);

  constructor(private readonly prisma: PassportPrismaService, private readonly issuer: IssuerDocumentsClient) {}

  /**
   * The credentials of these awards, by assertion id; an award without one is absent. A 503 when
   * the issuer cannot answer now (the caller retries), rather than a list that silently lacks one.
   */
  async of(awards: readonly CredentialOwner[]): Promise<Map<string, KeptCredential>> {
    if (awards.length === 0) return new Map();
    const rows = await this.prisma.awardCredential.findMany({ where: { assertionId: { in: awards.map((award) => award.assertionId) } } });
    const found = new Map<string, KeptCredential>(rows.map((row) => [row.assertionId, { format: row.format as CredentialFormat, text: row.credential }]));
    const missing = awards.filter((award) => award.credentialUrl !== null && !found.has(award.assertionId));
    for (let at = 0; at < missing.length; at += FETCHES_AT_ONCE) {
      const fetched = await Promise.all(missing.slice(at, at + FETCHES_AT_ONCE).map(async (award) => [award.assertionId, await this.fetchAndKeep(award.assertionId)] as const));
      for (const [assertionId, credential] of fetched) if (credential) found.set(assertionId, credential);
    }
    return found;
  }

  /** Keeps an accepted badge's credential now, while the issuer serves it; a failure leaves it to the next read. */
  async keep(award: CredentialOwner): Promise<void> {
    if (award.credentialUrl === null) return;
    try {
      await this.of([award]);
    } catch (error) {
      this.logger.warn(`could not keep the credential of assertion ${award.assertionId}; it will be fetched when read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * One page of a learner's accepted badges that have an OB 3.0 credential, oldest issued first
   * (so a wallet paging with `since` meets new ones last), and how many there are in all.
   */
  async page(scope: LearnerScope, request: { limit: number; offset: number; since?: Date }): Promise<{ total: number; credentials: KeptCredential[] }> {
    const where = {
      learnerId: scope.learnerId,
      status: 'accepted',
      award: { OR: [{ credentialUrl: { not: null } }, { credential: { isNot: null } }], ...(request.since ? { issuedOn: { gt: request.since } } : {}) },
    };
    const [total, badges] = await Promise.all([
      this.prisma.backpackBadge.count({ where }),
      this.prisma.backpackBadge.findMany({
        where,
        select: { award: { select: { assertionId: true, credentialUrl: true } } },
        orderBy: [{ award: { issuedOn: 'asc' } }, { id: 'asc' }],
        skip: request.offset,
        take: request.limit,
      }),
    ]);
    const kept = await this.of(badges.map((badge) => badge.award));
    return { total, credentials: badges.flatMap(({ award }) => kept.get(award.assertionId) ?? []) };
  }

  private async fetchAndKeep(assertionId: string): Promise<KeptCredential | undefined> {
    let answer: Awaited<ReturnType<IssuerDocumentsClient['credential']>>;
    try {
      answer = await this.issuer.credential(assertionId);
    } catch (error) {
      this.logger.warn(`the issuer did not give the credential of assertion ${assertionId}: ${error instanceof Error ? error.message : String(error)}`);
      throw new ApiError(503, ErrorCode.ServiceUnavailable, 'A badge’s credential could not be read from its issuer right now. Try again shortly.');
    }
    // Named by the event but not served: nothing to give (logged, since it should not happen).
    if (answer.kind === 'gone') {
      this.logger.warn(`the issuer answered ${answer.status} for the credential of assertion ${assertionId}`);
      return undefined;
    }
    await this.prisma.awardCredential.createMany({ data: [{ assertionId, format: answer.value.format, credential: answer.value.text }], skipDuplicates: true });
    return answer.value;
  }
}

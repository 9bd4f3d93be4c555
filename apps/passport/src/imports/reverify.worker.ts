import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { JobName, JobStatus, type JobOf } from '@badges/jobs';

import { VERIFIER } from '../common/tokens';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import { REVERIFY_QUEUE, type ReverifyQueue } from './reverify-queue';
import type { ExpectedRecipient, Verifier } from './verification.client';

/** Verifier codes that mean "revoked" (hosted flag, revocation list, or 410 Gone). */
const REVOKED_CODES = new Set(['ASSERTION_NOT_REVOKED', 'VERIFY_SIGNED_ASSERTION_NOT_REVOKED', 'PROCESS_410_GONE']);
/**
 * An OB 3.0 status list's bit says it by its sentence: the list's code (BitstringStatusListProbe,
 * RevocationListProbe) also reports a list that could not be read, which is no revocation.
 */
const REVOKED_SENTENCES = new Set(['VC_REVOKED_IN_LIST', 'REVOKED_LISTED']);

/**
 * `reverify-import` jobs: checks one imported badge again with the verification service: an OB 3.0
 * credential as kept, a 2.0 badge from its URL when it has one (a hosted badge can be revoked
 * there) and from the kept JSON otherwise. A
 * revocation found is stored like an issuer's, so the badge shows revoked and leaves public
 * shares; expiry needs no fetch (the stored `expires` is compared when shown). A verifier that
 * fails throws, so the job is retried with backoff.
 */
@Injectable()
export class ReverifyWorker implements OnModuleInit {
  constructor(@Inject(REVERIFY_QUEUE) private readonly queue: ReverifyQueue, private readonly prisma: PassportPrismaService, @Inject(VERIFIER) private readonly verifier: Verifier) {}

  onModuleInit(): void {
    this.queue.process(JobName.ReverifyImport, (payload) => this.run(payload));
  }

  async run({ assertionId }: JobOf<typeof JobName.ReverifyImport>): Promise<JobStatus> {
    const award = await this.prisma.award.findUnique({ where: { assertionId }, include: { badges: { select: { learnerId: true } } } });
    if (!award || award.origin !== 'imported' || award.badges.length === 0) return JobStatus.Skipped;
    const [copy, credential] = await Promise.all([this.prisma.awardCopy.findUnique({ where: { assertionId } }), this.prisma.awardCredential.findUnique({ where: { assertionId } })]);
    const identifiers = await this.prisma.learnerIdentifier.findMany({ where: { learnerId: { in: award.badges.map((b) => b.learnerId) }, verifiedAt: { not: null } } });
    const expected = identifiers.map((i) => ({ type: i.type, identity: i.value }) as ExpectedRecipient);
    // An OB 3.0 credential is checked as kept (its status list says whether it was revoked since).
    const input = credential ? { json: credential.format === 'ldp' ? (JSON.parse(credential.credential) as Record<string, unknown>) : credential.credential } : /^https?:\/\//.test(award.assertionUrl) ? { url: award.assertionUrl } : copy?.assertionJson ? { json: copy.assertionJson } : undefined;
    if (!input) return JobStatus.Skipped;
    const answer = await this.verifier.verify(input, expected);
    const revoked = answer.report.messages.find((m) => m.level === 'ERROR' && (REVOKED_CODES.has(m.code) || (m.messageCode !== undefined && REVOKED_SENTENCES.has(m.messageCode))));
    await this.prisma.$transaction(async (tx) => {
      if (revoked) {
        const data = { reason: revoked.message, revokedAt: new Date() };
        await tx.awardRevocation.upsert({ where: { assertionId }, create: { assertionId, ...data }, update: {} });
      }
      await tx.award.update({ where: { assertionId }, data: { lastVerifiedAt: new Date() } });
    });
    return JobStatus.Success;
  }
}

import { Inject, Injectable } from '@nestjs/common';

import type { BadgeStatus } from '@badges/api-contracts';
import { identityMatches } from '@badges/openbadges';
import { newEntityId } from '@badges/persistence';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { BackpackRepository, type BadgeView } from '../backpack/backpack.repository';
import type { LearnerScope } from '../common/learner-scope';
import { VERIFIER } from '../common/tokens';
import { bakedCredential, readCredential } from '../credentials/credential-document';
import { CredentialIntakeService } from '../credentials/credential-intake.service';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import { vetImportedImage } from './imported-image';
import type { Verifier, VerifyInput } from './verification.client';
import { expectedRecipients, IMPORT_FAILED, RECIPIENT_MISMATCH, refuseInvalid, SOMEONE_ELSES } from './verification-answer';

export { IMPORT_FAILED, RECIPIENT_MISMATCH } from './verification-answer';

type Node = Record<string, unknown>;

/**
 * Imports a badge made elsewhere: the verification service checks it (and its recipient against
 * the learner's verified identifiers); the passport stores it as accepted, with the file the
 * learner gave (an SVG sanitised) and the assertion as verified. A failed import says the verifier's reasons.
 * A Badgr backpack import passes the learner's acceptance there instead (decision 0046). An OB 3.0
 * credential goes to CredentialIntakeService, which keeps it as signed.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly prisma: PassportPrismaService,
    private readonly backpack: BackpackRepository,
    private readonly credentials: CredentialIntakeService,
    @Inject(VERIFIER) private readonly verifier: Verifier,
  ) {}

  async import(scope: LearnerScope, given: VerifyInput, status: BadgeStatus = 'accepted'): Promise<BadgeView> {
    const input = 'image' in given ? vetImportedImage(given) : given;
    // An OB 3.0 credential (JSON, VC-JWT, or baked in the image) is kept as a credential; anything else is checked as OB 2.0.
    const credential = 'json' in input ? readCredential(input.json) : 'image' in input ? bakedCredential(input.image) : undefined;
    if (credential) return (await this.credentials.hold(scope, credential, { existing: 'conflict', status, ...('image' in input ? { image: input } : {}) })).view;
    const identifiers = await this.prisma.learnerIdentifier.findMany({ where: { learnerId: scope.learnerId, verifiedAt: { not: null } } });
    const expected = expectedRecipients(identifiers);
    const answer = await this.verifier.verify(input, expected);
    refuseInvalid(answer);
    const assertion = nodeOfType(answer.graph, 'Assertion');
    const badge = resolve(answer.graph, assertion?.badge);
    const issuer = resolve(answer.graph, badge?.issuer);
    if (!assertion || !badge || !issuer || typeof assertion.id !== 'string') throw new ApiError(400, IMPORT_FAILED, 'The verifier found no complete badge (assertion, badge class and issuer) in this input.');
    const recipient = (assertion.recipient ?? {}) as { type?: string; identity?: string; hashed?: boolean; salt?: string };
    const type = recipient.type ?? 'email';
    // The verifier already compared; checked again here so no verifier bug can put someone else's badge in this passport.
    if (!identifiers.some((i) => i.type === type && identityMatches(recipient, i.value))) {
      throw new ApiError(400, RECIPIENT_MISMATCH, SOMEONE_ELSES);
    }
    const assertionUrl = assertion.id;
    if (await this.prisma.backpackBadge.findFirst({ where: { learnerId: scope.learnerId, award: { assertionUrl } }, select: { id: true } })) {
      throw new ApiError(409, ErrorCode.Conflict, 'This badge is already in your passport.');
    }
    const assertionId = newEntityId();
    await this.prisma.$transaction(async (tx) => {
      await tx.award.create({
        data: {
          assertionId,
          origin: 'imported',
          institutionId: 'external',
          lookup: null,
          assertionUrl,
          imageUrl: httpUrl(assertion.image) ?? httpUrl(badge.image) ?? '',
          badgeClassId: String(badge.id ?? ''),
          badgeClassName: text(badge.name, 'Untitled badge'),
          issuerId: String(issuer.id ?? ''),
          issuerName: text(issuer.name, 'Unknown issuer'),
          recipientType: type,
          recipientIdentity: String(recipient.identity ?? ''),
          recipientSalt: recipient.salt ?? null,
          recipientHashed: recipient.hashed === true,
          issuedOn: date(assertion.issuedOn) ?? new Date(),
          expires: date(assertion.expires),
          lastVerifiedAt: new Date(),
        },
      });
      await tx.backpackBadge.create({ data: { id: newEntityId(), learnerId: scope.learnerId, assertionId, status } });
      // Always kept: an imported badge has no issuer on this platform to fetch it from later.
      const image = 'image' in input ? { imageType: input.contentType === 'image/png' ? 'png' : 'svg', imageBase64: input.image.toString('base64') } : {};
      await tx.awardCopy.create({ data: { assertionId, ...image, assertionJson: JSON.stringify(assertion) } });
    });
    const view = await this.backpack.findByAssertion(scope, assertionId);
    if (!view) throw new Error('the imported badge vanished');
    return view;
  }
}

function nodeOfType(graph: Node[], type: string): Node | undefined {
  return graph.find((node) => node.type === type || (Array.isArray(node.type) && node.type.includes(type)));
}

function resolve(graph: Node[], ref: unknown): Node | undefined {
  if (ref && typeof ref === 'object' && !Array.isArray(ref)) return ref as Node;
  return typeof ref === 'string' ? graph.find((node) => node.id === ref) : undefined;
}

function httpUrl(value: unknown): string | undefined {
  const url = typeof value === 'string' ? value : value && typeof value === 'object' ? (value as Node).id : undefined;
  return typeof url === 'string' && /^https?:\/\//.test(url) && url.length <= 2048 ? url : undefined;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : fallback;
}

function date(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

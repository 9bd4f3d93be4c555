import { Injectable, Logger } from '@nestjs/common';

import { KeptCredentialsService } from '../credentials/kept-credentials.service';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import { IssuerDocumentsClient } from './issuer-documents.client';

export interface AwardFiles {
  image?: { extension: 'png' | 'svg'; content: Buffer };
  json?: Record<string, unknown>;
}

/**
 * Keeps the learner's copy of an accepted badge (baked image and assertion JSON), so the export
 * holds it even once the issuer no longer serves it. Taking the copy is best effort: a failure
 * leaves the export to fetch the files live.
 */
@Injectable()
export class AwardCopiesService {
  private readonly logger = new Logger(AwardCopiesService.name);

  constructor(private readonly prisma: PassportPrismaService, private readonly issuer: IssuerDocumentsClient, private readonly credentials: KeptCredentialsService) {}

  /** Also keeps the award's OB 3.0 credential, when it has one. */
  async keep(assertionId: string): Promise<void> {
    const award = await this.prisma.award.findUnique({ where: { assertionId }, select: { assertionId: true, credentialUrl: true } });
    if (award) await this.credentials.keep(award);
    try {
      if (await this.prisma.awardCopy.findUnique({ where: { assertionId }, select: { assertionId: true } })) return;
      const [image, json] = await Promise.all([this.issuer.bakedImage(assertionId), this.issuer.assertionJson(assertionId)]);
      if (image.kind !== 'ok' || json.kind !== 'ok') return;
      await this.prisma.awardCopy.createMany({
        data: [{ assertionId, imageType: image.value.extension, imageBase64: image.value.content.toString('base64'), assertionJson: JSON.stringify(json.value) }],
        skipDuplicates: true,
      });
    } catch (error) {
      this.logger.warn(`could not keep a copy of assertion ${assertionId}; the export will fetch it live: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The kept copy, else what the issuer serves now. */
  async filesOf(assertionId: string): Promise<AwardFiles> {
    const copy = await this.prisma.awardCopy.findUnique({ where: { assertionId } });
    if (copy) {
      const image = copy.imageBase64 ? { extension: copy.imageType === 'svg' ? ('svg' as const) : ('png' as const), content: Buffer.from(copy.imageBase64, 'base64') } : undefined;
      return { ...(image ? { image } : {}), ...(copy.assertionJson ? { json: JSON.parse(copy.assertionJson) as Record<string, unknown> } : {}) };
    }
    const [image, json] = await Promise.all([this.issuer.bakedImage(assertionId), this.issuer.assertionJson(assertionId)]);
    return { ...(image.kind === 'ok' ? { image: image.value } : {}), ...(json.kind === 'ok' ? { json: json.value } : {}) };
  }
}

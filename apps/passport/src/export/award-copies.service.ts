import { Injectable, Logger } from '@nestjs/common';

import { KeptCredentialsService } from '../credentials/kept-credentials.service';
import type { Award } from '../generated/prisma/client';
import { PassportPrismaService } from '../prisma/passport-prisma.service';
import { IssuerDocumentsClient } from './issuer-documents.client';

type AwardRef = Pick<Award, 'assertionId' | 'credentialUrl'>;

export interface AwardFiles {
  image?: { extension: 'png' | 'svg'; content: Buffer };
  json?: Record<string, unknown>;
}

/**
 * Keeps the learner's copy of an accepted badge (baked image and assertion JSON, and its OB 3.0
 * credential), so the export holds it even once the issuer no longer serves it. Taking the copy is
 * best effort: a failure leaves the export to fetch the files live.
 */
@Injectable()
export class AwardCopiesService {
  private readonly logger = new Logger(AwardCopiesService.name);

  constructor(private readonly prisma: PassportPrismaService, private readonly issuer: IssuerDocumentsClient, private readonly credentials: KeptCredentialsService) {}

  /**
   * Also keeps the award's OB 3.0 credential, when it has one. An award in OB 3.0 only has no 2.0
   * assertion: its copy is its credential's baked image alone.
   */
  async keep(assertionId: string): Promise<void> {
    const award = await this.prisma.award.findUnique({ where: { assertionId }, select: { assertionId: true, credentialUrl: true } });
    if (!award) return;
    await this.credentials.keep(award);
    try {
      if (await this.prisma.awardCopy.findUnique({ where: { assertionId }, select: { assertionId: true } })) return;
      const { image, json } = await this.liveFiles(award);
      if (!image || (!json && award.credentialUrl === null)) return;
      await this.prisma.awardCopy.createMany({
        data: [{ assertionId, imageType: image.extension, imageBase64: image.content.toString('base64'), assertionJson: json ? JSON.stringify(json) : null }],
        skipDuplicates: true,
      });
    } catch (error) {
      this.logger.warn(`could not keep a copy of assertion ${assertionId}; the export will fetch it live: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The kept copy, else what the issuer serves now. */
  async filesOf(award: AwardRef): Promise<AwardFiles> {
    const copy = await this.prisma.awardCopy.findUnique({ where: { assertionId: award.assertionId } });
    if (copy) {
      const image = copy.imageBase64 ? { extension: copy.imageType === 'svg' ? ('svg' as const) : ('png' as const), content: Buffer.from(copy.imageBase64, 'base64') } : undefined;
      return { ...(image ? { image } : {}), ...(copy.assertionJson ? { json: JSON.parse(copy.assertionJson) as Record<string, unknown> } : {}) };
    }
    return this.liveFiles(award);
  }

  /** What the issuer serves now: the 2.0 baked image and assertion, or for an award in 3.0 only its credential's baked image. */
  private async liveFiles(award: AwardRef): Promise<AwardFiles> {
    const [image, json] = await Promise.all([this.issuer.bakedImage(award.assertionId), this.issuer.assertionJson(award.assertionId)]);
    if (json.kind === 'ok') return { ...(image.kind === 'ok' ? { image: image.value } : {}), json: json.value };
    const credentialImage = award.credentialUrl !== null ? await this.issuer.bakedImage(award.assertionId, 'credential') : image;
    return credentialImage.kind === 'ok' ? { image: credentialImage.value } : {};
  }
}

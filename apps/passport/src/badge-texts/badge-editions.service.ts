import { Inject, Injectable, Logger } from '@nestjs/common';

import { badgeEditions, editionTexts, type BadgeEdition } from '@badges/openbadges';
import { chooseEdition } from '@badges/service-kit';

import { PASSPORT_CONFIG } from '../common/tokens';
import type { PassportConfig } from '../config/passport.config';
import { IssuerDocumentsClient } from '../export/issuer-documents.client';
import type { Award } from '../generated/prisma/client';

/**
 * Badges' texts in a reader's language, for every passport page that shows badges: the badge
 * class's own translation, chosen among the editions it publishes (OB 2.0 `@language` +
 * `related`) as the issuer's public pages and the verifier choose. Badges issued here are read
 * from the issuer over its internal client; imported ones keep the texts they were imported with.
 */
@Injectable()
export class BadgeEditionsService {
  private readonly logger = new Logger(BadgeEditionsService.name);

  constructor(
    private readonly issuer: IssuerDocumentsClient,
    @Inject(PASSPORT_CONFIG) private readonly config: PassportConfig,
  ) {}

  /**
   * By badge class id: the edition a reader of `preferred` (languages, most wanted first) reads of
   * each award's badge class, when that is a translation (absent: the badge as issued).
   */
  async editionsFor(awards: readonly Award[], preferred: readonly string[]): Promise<Map<string, BadgeEdition>> {
    const found = new Map<string, BadgeEdition>();
    if (preferred.length === 0) return found;
    const classIds = [...new Set(awards.filter((award) => award.origin === 'platform').map((award) => award.badgeClassId))];
    await Promise.all(
      classIds.map(async (id) => {
        const edition = await this.editionOf(id, preferred).catch((failure: unknown) => {
          // A page still shows the badge as issued: its translation is a nicety, never a failure.
          this.logger.warn(`badge class ${id}: no edition for ${preferred.join(', ')} (${failure instanceof Error ? failure.message : String(failure)})`);
          return undefined;
        });
        if (edition) found.set(id, edition);
      }),
    );
    return found;
  }

  private async editionOf(badgeClassId: string, preferred: readonly string[]): Promise<BadgeEdition | undefined> {
    const own = await this.issuer.badgeClassJson(`/public/badges/${encodeURIComponent(badgeClassId)}`);
    if (own.kind === 'gone') return undefined;
    const editions = badgeEditions(own.value);
    const choice = chooseEdition(editions.map((edition) => edition.language), preferred);
    const edition = editions.find((candidate) => candidate.language === choice);
    const prefix = `${this.config.publicUrl}/public/badges/`;
    if (!edition || edition.id === own.value.id || !edition.id.startsWith(prefix)) return undefined;
    const translated = await this.issuer.badgeClassJson(edition.id.slice(this.config.publicUrl.length));
    return translated.kind === 'ok' ? editionTexts(translated.value, edition, own.value) : undefined;
  }
}

import { Injectable } from '@nestjs/common';

import { hasOb2Form, SIGNED_NEEDS_OB2_MESSAGE, type Alignment, type BadgeClassCreateBody, type BadgeClassTranslation, type BadgeClassUpdateBody } from '@badges/api-contracts';
import { fieldChanges, type EventOrigin } from '@badges/events';
import { prismaSqlSession } from '@badges/persistence';
import { ApiError, ErrorCode, type TenantScope } from '@badges/service-kit';

import { createdByOf } from '../common/created-by';
import { BakeScheduler } from '../images/bake-scheduler';
import { checkImageDataUri } from '../images/image-intake';
import { ImagesRepository } from '../images/images.repository';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuerEvents } from '../events/issuer-events';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { SigningKeysService } from '../signing/signing-keys.service';
import {
  BadgeClassesRepository,
  type AlignmentFields,
  type BadgeClassFields,
  type BadgeClassRecord,
  type TranslationFields,
} from './badge-classes.repository';

@Injectable()
export class BadgeClassesService {
  constructor(
    private readonly prisma: IssuerPrismaService,
    private readonly badgeClasses: BadgeClassesRepository,
    private readonly issuers: IssuersRepository,
    private readonly images: ImagesRepository,
    private readonly events: IssuerEvents,
    private readonly signingKeys: SigningKeysService,
    private readonly bakes: BakeScheduler,
  ) {}

  async create(scope: TenantScope, issuerId: string, body: BadgeClassCreateBody, origin: EventOrigin): Promise<BadgeClassRecord> {
    const image = checkImageDataUri(body.image, 'image');
    const created = await this.prisma.$transaction(async (tx) => {
      if (!(await this.issuers.findById(scope, issuerId, tx))) throw ApiError.notFound('issuer');
      const imageId = await this.images.create(scope, image, tx);
      const fields: BadgeClassFields = {
        name: body.name,
        description: body.description,
        imageId,
        criteriaUrl: blankToNull(body.criteriaUrl),
        criteriaNarrative: blankToNull(body.criteriaNarrative),
        tags: body.tags ?? [],
        expiresAmount: body.expires?.amount ?? null,
        expiresDuration: body.expires?.duration ?? null,
        language: body.language,
        verification: body.verification,
        openBadgesVersion: body.openBadgesVersion,
      };
      // The first signed class of an issuer makes its key now, so the key is published before
      // the first signed badge points at it.
      if (fields.verification === 'signed') await this.signingKeys.activeKey(scope, issuerId, tx, origin);
      const children = { alignments: toAlignments(body.alignments ?? []), translations: toTranslations(body.translations) };
      const badgeClass = await this.badgeClasses.create(scope, issuerId, { ...fields, createdBy: createdByOf(origin) }, children, tx);
      await this.events.badgeClassCreated(prismaSqlSession(tx), scope, origin, badgeClass);
      return badgeClass;
    });
    this.events.published();
    return created;
  }

  async get(scope: TenantScope, id: string): Promise<BadgeClassRecord> {
    const badgeClass = await this.badgeClasses.findById(scope, id);
    if (!badgeClass) throw ApiError.notFound('badge class');
    return badgeClass;
  }

  list(scope: TenantScope): Promise<BadgeClassRecord[]> {
    return this.badgeClasses.list(scope);
  }

  async listForIssuer(scope: TenantScope, issuerId: string): Promise<BadgeClassRecord[]> {
    if (!(await this.issuers.findById(scope, issuerId))) throw ApiError.notFound('issuer');
    return this.badgeClasses.list(scope, { issuerId });
  }

  /**
   * As Badgr: name and description replace; absent image/criteria/alignments/tags/expires keep
   * the stored value (`expires: null` clears it). Assertions already issued are not touched,
   * except that a new image re-bakes their images (in the background).
   */
  async update(scope: TenantScope, id: string, body: BadgeClassUpdateBody, origin: EventOrigin): Promise<BadgeClassRecord> {
    const image = body.image ? checkImageDataUri(body.image, 'image') : undefined;
    const updated = await this.prisma.$transaction(async (tx) => {
      const current = await this.badgeClasses.findById(scope, id, tx);
      if (!current) throw ApiError.notFound('badge class');
      const criteriaUrl = body.criteriaUrl === undefined ? current.criteriaUrl : blankToNull(body.criteriaUrl);
      const criteriaNarrative = body.criteriaNarrative === undefined ? current.criteriaNarrative : blankToNull(body.criteriaNarrative);
      if (!criteriaUrl && !criteriaNarrative) {
        throw ApiError.validation('Changes cannot be made that would leave both criteriaUrl and criteriaNarrative blank.', 'criteriaUrl');
      }
      const language = body.language ?? current.language;
      const translations = body.translations ? toTranslations(body.translations) : current.translations;
      const clash = translations.findIndex((t) => t.language.toLowerCase() === language.toLowerCase());
      if (clash >= 0) {
        throw ApiError.validation(`A translation cannot be in the badge class's own language ("${language}").`, body.translations ? `translations.${clash}.language` : 'language');
      }
      const expires = body.expires === undefined ? { amount: current.expiresAmount, duration: current.expiresDuration } : { amount: body.expires?.amount ?? null, duration: body.expires?.duration ?? null };
      const imageId = image ? await this.images.create(scope, image, tx) : current.imageId;
      const verification = body.verification ?? current.verification;
      const openBadgesVersion = body.openBadgesVersion ?? current.openBadgesVersion;
      if (verification === 'signed' && !hasOb2Form(openBadgesVersion)) throw ApiError.validation(SIGNED_NEEDS_OB2_MESSAGE, 'verification');
      // Switching to signed (or to another openBadgesVersion) affects only assertions awarded from now on (issued ones keep their forms).
      if (body.verification === 'signed' && current.verification !== 'signed') await this.signingKeys.activeKey(scope, current.issuerId, tx, origin);
      const fields: BadgeClassFields = {
        name: body.name,
        description: body.description,
        imageId,
        criteriaUrl,
        criteriaNarrative,
        tags: body.tags ?? current.tags,
        expiresAmount: expires.amount,
        expiresDuration: expires.duration,
        language,
        verification,
        openBadgesVersion,
      };
      const children = { alignments: body.alignments ? toAlignments(body.alignments) : undefined, translations: body.translations ? toTranslations(body.translations) : undefined };
      const saved = await this.badgeClasses.update(scope, id, fields, children, tx);
      if (image) await this.images.delete(scope, current.imageId, tx);
      const changes = fieldChanges(
        { ...current, alignments: toAlignments(current.alignments), translations: toTranslations(current.translations) },
        { ...fields, ...(children.alignments && { alignments: children.alignments }), ...(children.translations && { translations: children.translations }) },
        AUDITED_FIELDS,
      );
      await this.events.badgeClassUpdated(prismaSqlSession(tx), scope, origin, { id, issuerId: current.issuerId, name: saved?.name ?? current.name, imageChanged: Boolean(image), changes });
      return saved as BadgeClassRecord;
    });
    this.events.published();
    // Revocation never changes images; a new badge class image re-bakes the class's assertions.
    if (image) await this.bakes.imageChanged(scope, id, updated.imageId);
    return updated;
  }

  async delete(scope: TenantScope, id: string, origin: EventOrigin): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // Read first: its event names it as it was.
      const current = await this.badgeClasses.findById(scope, id, tx);
      const result = await this.badgeClasses.delete(scope, id, tx);
      if (!current || result.outcome === 'not_found') throw ApiError.notFound('badge class');
      if (result.outcome === 'in_use') {
        throw new ApiError(409, ErrorCode.Conflict, 'This badge class has assertions; it cannot be deleted (revoke them instead).');
      }
      await this.images.delete(scope, result.imageId, tx);
      await this.events.badgeClassDeleted(prismaSqlSession(tx), scope, origin, current);
    });
    this.events.published();
  }
}

/** What an edit's event lists before and after: every field a PUT can change (the image by its stored id). */
const AUDITED_FIELDS = [
  'name',
  'description',
  'imageId',
  'criteriaUrl',
  'criteriaNarrative',
  'tags',
  'expiresAmount',
  'expiresDuration',
  'language',
  'verification',
  'openBadgesVersion',
  'alignments',
  'translations',
] as const;

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

function toAlignments(alignments: Alignment[]): AlignmentFields[] {
  return alignments.map((a) => ({
    targetName: a.targetName,
    targetUrl: a.targetUrl,
    targetDescription: blankToNull(a.targetDescription),
    targetFramework: blankToNull(a.targetFramework),
    targetCode: blankToNull(a.targetCode),
  }));
}

function toTranslations(translations: BadgeClassTranslation[]): TranslationFields[] {
  return translations.map((t) => ({
    language: t.language,
    name: t.name,
    description: blankToNull(t.description),
    criteriaNarrative: blankToNull(t.criteriaNarrative),
  }));
}

import { Injectable } from '@nestjs/common';

import type { AssertionCreateBody } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { newEntityId, prismaSqlSession, type SqlSession } from '@badges/persistence';
import { ApiError, LoopSlicer, type TenantScope } from '@badges/service-kit';

import { BadgeClassesRepository, type BadgeClassRecord } from '../badge-classes/badge-classes.repository';
import { createdByOf } from '../common/created-by';
import { IssuerEvents } from '../events/issuer-events';
import { BakeScheduler } from '../images/bake-scheduler';
import { IssuersRepository } from '../issuers/issuers.repository';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';
import { AssertionSigner } from '../signing/assertion-signer';
import { SigningKeysService, type UnsealedSigningKey } from '../signing/signing-keys.service';
import { AssertionsRepository, type AssertionRecord, type NewAssertion } from './assertions.repository';
import { storedEvidence, storedNarrative } from './assertion-texts';
import { addExpiry, checkExpiry } from './expiry';
import { RecipientIdentity } from './recipient-identity';

/** What became of one row of a bulk award chunk. */
export type ChunkOutcome = { kind: 'awarded'; assertionId: string } | { kind: 'duplicate'; message: string } | { kind: 'failed'; message: string };

/** What every chunk of a bulk award run needs, read once per run (see `chunkSource`). */
export interface ChunkSource {
  badgeClass: BadgeClassRecord;
  issuerName: string;
  signingKey?: UnsealedSigningKey;
}

export interface Awarded {
  assertion: AssertionRecord;
  /** Only known at creation time: a hashed recipient's plaintext is never stored. */
  plaintextIdentity: string;
}

/**
 * Awarding one or many assertions of a badge class. One award is a batch of one, so the single
 * and batch routes share every rule, and both write in ONE transaction: a bad row means nothing
 * is written. `fieldPrefix` points errors at the row (`assertions.3.recipient`).
 */
@Injectable()
export class AwardUseCase {
  constructor(
    private readonly prisma: IssuerPrismaService,
    private readonly badgeClasses: BadgeClassesRepository,
    private readonly assertions: AssertionsRepository,
    private readonly recipients: RecipientIdentity,
    private readonly issuers: IssuersRepository,
    private readonly events: IssuerEvents,
    private readonly signingKeys: SigningKeysService,
    private readonly signer: AssertionSigner,
    private readonly bakes: BakeScheduler,
  ) {}

  async award(
    scope: TenantScope,
    badgeClassId: string,
    items: AssertionCreateBody[],
    options: { fieldPrefix: (index: number) => string; notifyAll?: boolean; origin: EventOrigin },
  ): Promise<Awarded[]> {
    const now = new Date();
    let imageId: string | undefined;
    const awarded = await this.prisma.$transaction(async (tx) => {
      const badgeClass = await this.badgeClasses.findById(scope, badgeClassId, tx);
      if (!badgeClass) throw ApiError.notFound('badge class');
      imageId = badgeClass.imageId;
      const issuer = await this.issuers.findById(scope, badgeClass.issuerId, tx);
      if (!issuer) throw ApiError.notFound('issuer');
      const sql = prismaSqlSession(tx);
      const prepared = items.map((item, index) => this.prepare(badgeClass, item, { now, origin: options.origin, prefix: options.fieldPrefix(index), notifyAll: options.notifyAll }));
      await this.refuseDuplicates(scope, badgeClass.id, items, prepared, options.fieldPrefix, sql);
      if (badgeClass.verification === 'signed') await this.signAll(prepared.map((p) => p.row), await this.signingKeys.activeKey(scope, badgeClass.issuerId, tx, options.origin));
      const created = await this.assertions.createMany(scope, prepared.map((p) => p.row), sql);
      const result = created.map((assertion, index) => ({ assertion, plaintextIdentity: prepared[index].plaintext }));
      await this.events.assertionsIssued(sql, scope, options.origin, awardNames(badgeClass, issuer.name), result);
      return result;
    });
    this.events.published();
    await this.bakes.awarded(scope, badgeClassId, awarded.map((a) => a.assertion.id), imageId);
    return awarded;
  }

  /**
   * What every chunk of a bulk award needs, read before their transactions: the badge class,
   * its issuer and, for a signed class, the signing key. A string says why nothing can be awarded.
   * `origin`: the bulk award's (a first signing key made here names it).
   */
  async chunkSource(scope: TenantScope, badgeClassId: string, origin: EventOrigin): Promise<ChunkSource | string> {
    const badgeClass = await this.badgeClasses.findById(scope, badgeClassId);
    if (!badgeClass) return 'The badge class no longer exists.';
    const issuer = await this.issuers.findById(scope, badgeClass.issuerId);
    if (!issuer) return 'The issuer no longer exists.';
    const signingKey = badgeClass.verification === 'signed' ? await this.signingKeys.activeKey(scope, badgeClass.issuerId, this.prisma, origin) : undefined;
    return { badgeClass, issuerName: issuer.name, signingKey };
  }

  /**
   * The bulk path: awards a chunk of rows inside the CALLER's transaction (plain SQL on the
   * Database handle, see decision 0015), so the caller marks its rows in the same commit as the
   * assertions and their outbox events. Unlike `award`, one bad row does not sink the chunk: it
   * comes back `failed` (or `duplicate` when the row refuses duplicate awards and the recipient
   * holds one) and the others are awarded. Call `afterCommit` with the outcomes once the
   * transaction committed.
   */
  async awardChunk(
    sql: SqlSession,
    scope: TenantScope,
    source: ChunkSource,
    items: AssertionCreateBody[],
    options: { origin: EventOrigin; now?: Date },
  ): Promise<ChunkOutcome[]> {
    const { badgeClass } = source;
    const now = options.now ?? new Date();
    const outcomes: ChunkOutcome[] = new Array(items.length);
    const prepared: { index: number; row: NewAssertion; plaintext: string }[] = [];
    // Hashing a chunk's recipients takes tens of ms: in slices, so the shared event loop keeps turning.
    const slicer = new LoopSlicer();
    for (const [index, item] of items.entries()) {
      await slicer.turn();
      try {
        prepared.push({ index, ...this.prepare(badgeClass, item, { now, origin: options.origin, prefix: '' }) });
      } catch (error) {
        outcomes[index] = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    }
    const strict = prepared.filter((p) => !items[p.index].allowDuplicateAwards);
    const existing = await this.assertions.liveAwardLookups(scope, badgeClass.id, strict.map((p) => p.row.recipientLookup), sql);
    const toCreate = prepared.filter((p) => {
      if (items[p.index].allowDuplicateAwards || !existing.has(p.row.recipientLookup)) return true;
      outcomes[p.index] = { kind: 'duplicate', message: 'A previous award of this badge already exists for this recipient.' };
      return false;
    });
    if (toCreate.length > 0) {
      if (source.signingKey) await this.signAll(toCreate.map((p) => p.row), source.signingKey);
      const created = await this.assertions.createMany(scope, toCreate.map((p) => p.row), sql);
      const result = created.map((assertion, i) => ({ assertion, plaintextIdentity: toCreate[i].plaintext }));
      await this.events.assertionsIssued(sql, scope, options.origin, awardNames(badgeClass, source.issuerName), result);
      toCreate.forEach((p) => (outcomes[p.index] = { kind: 'awarded', assertionId: p.row.id }));
    }
    return outcomes;
  }

  /**
   * Wakes the outbox relay and adds the awarded assertions' bake jobs; call after the
   * transaction of `awardChunk` committed.
   */
  async afterCommit(scope: TenantScope, badgeClassId: string, outcomes: readonly ChunkOutcome[]): Promise<void> {
    this.events.published();
    await this.bakes.awarded(scope, badgeClassId, outcomes.flatMap((o) => (o.kind === 'awarded' ? [o.assertionId] : [])));
  }

  private prepare(
    badgeClass: BadgeClassRecord,
    item: AssertionCreateBody,
    { now, origin, prefix, notifyAll }: { now: Date; origin: EventOrigin; prefix: string; notifyAll?: boolean },
  ): { row: NewAssertion; plaintext: string } {
    const issuedOn = item.issuedOn ? new Date(item.issuedOn) : now;
    let expires: Date | null;
    if (item.expires !== undefined) {
      expires = item.expires === null ? null : new Date(item.expires);
    } else if (badgeClass.expiresAmount && badgeClass.expiresDuration) {
      expires = addExpiry(issuedOn, badgeClass.expiresAmount, badgeClass.expiresDuration);
    } else {
      expires = null;
    }
    checkExpiry(issuedOn, expires, prefix);
    const recipient = this.recipients.toStored(item.recipient);
    return {
      plaintext: item.recipient.identity,
      row: {
        id: newEntityId(),
        issuerId: badgeClass.issuerId,
        badgeClassId: badgeClass.id,
        recipientType: recipient.type,
        recipientIdentity: recipient.identity,
        recipientHashed: recipient.hashed,
        recipientSalt: recipient.salt,
        recipientLookup: recipient.lookup,
        recipientName: item.recipientName || null,
        narrative: storedNarrative(item.narrative),
        issuedOn,
        expires,
        notify: notifyAll || item.notify,
        createdBy: createdByOf(origin),
        evidence: storedEvidence(item.evidence ?? []),
      },
    };
  }

  /**
   * Signs every row in the award's transaction, before the insert: a signed badge class can
   * never commit an unsigned assertion, and a signing failure writes nothing. RSA signing costs
   * about a millisecond a row, so even a batch of 100 keeps the transaction short.
   */
  private async signAll(rows: NewAssertion[], key: UnsealedSigningKey): Promise<void> {
    for (const row of rows) Object.assign(row, await this.signer.sign(row, key));
  }

  /** Badgr's `allowDuplicateAwards: false`: refuse a second live award to the same person. */
  private async refuseDuplicates(
    scope: TenantScope,
    badgeClassId: string,
    items: AssertionCreateBody[],
    prepared: { row: NewAssertion }[],
    fieldPrefix: (index: number) => string,
    sql: SqlSession,
  ): Promise<void> {
    const strict = items.map((item, index) => (item.allowDuplicateAwards ? -1 : index)).filter((index) => index >= 0);
    if (strict.length === 0) return;
    const existing = await this.assertions.liveAwardLookups(scope, badgeClassId, strict.map((index) => prepared[index].row.recipientLookup), sql);
    const seen = new Set<string>();
    prepared.forEach((p, index) => {
      const lookup = p.row.recipientLookup;
      if (!items[index].allowDuplicateAwards && (existing.has(lookup) || seen.has(lookup))) {
        const field = `${fieldPrefix(index)}recipient`;
        throw ApiError.validation(`${field}: A previous award of this badge already exists for this recipient.`, field);
      }
      seen.add(lookup);
    });
  }
}

/** What the issued event says of the badge: its names, and its language with its translations' names (the award email's languages). */
function awardNames(badgeClass: BadgeClassRecord, issuerName: string) {
  return {
    badgeClassName: badgeClass.name,
    issuerName,
    badgeLanguage: badgeClass.language,
    badgeTranslations: badgeClass.translations.map((translation) => ({ language: translation.language, name: translation.name })),
  };
}

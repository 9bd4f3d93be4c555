import { Injectable } from '@nestjs/common';

import { hasOb2Form, hasOb3Form, type AssertionCreateBody, type OpenBadgesVersion } from '@badges/api-contracts';
import type { EventOrigin } from '@badges/events';
import { newEntityId, prismaSqlSession, type SqlSession } from '@badges/persistence';
import { ApiError, LoopSlicer, type TenantScope } from '@badges/service-kit';

import { BadgeClassesRepository, type BadgeClassRecord } from '../badge-classes/badge-classes.repository';
import { createdByOf } from '../common/created-by';
import { IssuerEvents } from '../events/issuer-events';
import { BakeScheduler } from '../images/bake-scheduler';
import { CredentialSigner, type CredentialKeys } from '../credentials/credential-signer';
import { IssuersRepository, type IssuerRecord } from '../issuers/issuers.repository';
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
  issuer: IssuerRecord;
  signingKey?: UnsealedSigningKey;
  /** A class awarding OB 3.0: the issuer's keys for its credentials. */
  credentialKeys?: CredentialKeys;
}

/** One valid row of a chunk, hashed and signed before the chunk's transaction opens (`prepareChunk`). */
export interface PreparedRow {
  /** Its position among the chunk's items. */
  index: number;
  row: NewAssertion;
  plaintext: string;
}

/** A chunk made ready outside any transaction: its rows that failed, and the others, ready to insert. */
export interface PreparedChunk {
  failed: Map<number, string>;
  rows: PreparedRow[];
}

export interface Awarded {
  assertion: AssertionRecord;
  /** Only known at creation time: a hashed recipient's plaintext is never stored. */
  plaintextIdentity: string;
}

/**
 * Awarding one or many assertions of a badge class. One award is a batch of one, so the single
 * and batch routes share every rule, and both write in ONE transaction: a bad row means nothing
 * is written. `fieldPrefix` points errors at the row (`assertions.3.recipient`). A class awarding
 * OB 3.0 (`openBadgesVersion` '3.0' or 'both', decision 0048) also signs each award's
 * OpenBadgeCredential, stored with the row.
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
    private readonly credentials: CredentialSigner,
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
      const rows = prepared.map((p) => p.row);
      if (signsOb2(badgeClass)) await this.signAll(rows, await this.signingKeys.activeKey(scope, badgeClass.issuerId, tx, options.origin));
      if (hasOb3Form(badgeClass.openBadgesVersion)) {
        // Indexes reserved, credentials signed and rows stored in this one transaction.
        const keys = await this.credentials.keysFor(scope, issuer, tx, options.origin);
        const signed = await this.credentials.signAll(sql, scope, { issuer, badgeClass }, keys, rows);
        rows.forEach((row, i) => Object.assign(row, signed[i]));
      }
      const created = await this.assertions.createMany(scope, rows, sql);
      const result = created.map((assertion, index) => ({ assertion, plaintextIdentity: prepared[index].plaintext }));
      await this.events.assertionsIssued(sql, scope, options.origin, awardNames(badgeClass, issuer.name), result);
      return result;
    });
    this.events.published();
    await this.bakes.awarded(scope, badgeClassId, ob2Ids(awarded.map((a) => a.assertion)), imageId);
    return awarded;
  }

  /**
   * What every chunk of a bulk award needs, read before their transactions: the badge class, its
   * issuer and the keys its awards are signed with (each made on first use). A string says why
   * nothing can be awarded. `origin`: the bulk award's (a first signing key made here names it).
   */
  async chunkSource(scope: TenantScope, badgeClassId: string, origin: EventOrigin): Promise<ChunkSource | string> {
    const badgeClass = await this.badgeClasses.findById(scope, badgeClassId);
    if (!badgeClass) return 'The badge class no longer exists.';
    const issuer = await this.issuers.findById(scope, badgeClass.issuerId);
    if (!issuer) return 'The issuer no longer exists.';
    const signingKey = signsOb2(badgeClass) ? await this.signingKeys.activeKey(scope, badgeClass.issuerId, this.prisma, origin) : undefined;
    const credentialKeys = hasOb3Form(badgeClass.openBadgesVersion) ? await this.credentials.keysFor(scope, issuer, this.prisma, origin) : undefined;
    return { badgeClass, issuer, signingKey, credentialKeys };
  }

  /**
   * The bulk path, first half, OUTSIDE any transaction: hashes each row's recipient and signs its
   * JWS and credential (the CPU of a chunk, about 6 ms per credential), yielding to the shared
   * event loop between rows. A bad row comes back in `failed`. Credentials get their status indexes
   * here, in a statement of their own: a row then found a duplicate leaves its index unused.
   */
  async prepareChunk(scope: TenantScope, source: ChunkSource, items: AssertionCreateBody[], options: { origin: EventOrigin; now?: Date }): Promise<PreparedChunk> {
    const { badgeClass } = source;
    const now = options.now ?? new Date();
    const failed = new Map<number, string>();
    const rows: PreparedRow[] = [];
    // Hashing a chunk's recipients takes tens of ms: in slices, so the shared event loop keeps turning.
    const slicer = new LoopSlicer();
    for (const [index, item] of items.entries()) {
      await slicer.turn();
      try {
        rows.push({ index, ...this.prepare(badgeClass, item, { now, origin: options.origin, prefix: '' }) });
      } catch (error) {
        failed.set(index, error instanceof Error ? error.message : String(error));
      }
    }
    if (source.signingKey) await this.signAll(rows.map((p) => p.row), source.signingKey);
    if (source.credentialKeys) {
      const signed = await this.credentials.signAll(this.prisma.database, scope, source, source.credentialKeys, rows.map((p) => p.row));
      rows.forEach((p, i) => Object.assign(p.row, signed[i]));
    }
    return { failed, rows };
  }

  /**
   * The bulk path, second half: awards the prepared rows inside the CALLER's transaction (plain SQL
   * on the Database handle, see decision 0015), so the caller marks its rows in the same commit as
   * the assertions and their outbox events. `prepared` holds the rows of `items` the caller claimed.
   * Unlike `award`, one bad row does not sink the chunk: it comes back `failed` (or `duplicate` when
   * the row refuses duplicate awards and the recipient holds one) and the others are awarded. Call
   * `afterCommit` with the outcomes once the transaction committed.
   */
  async awardChunk(sql: SqlSession, scope: TenantScope, source: ChunkSource, items: AssertionCreateBody[], prepared: PreparedChunk, options: { origin: EventOrigin }): Promise<ChunkOutcome[]> {
    const { badgeClass } = source;
    const outcomes: ChunkOutcome[] = items.map((_, index) => ({ kind: 'failed', message: prepared.failed.get(index) ?? 'The row was not prepared.' }));
    const strict = prepared.rows.filter((p) => !items[p.index].allowDuplicateAwards);
    const existing = await this.assertions.liveAwardLookups(scope, badgeClass.id, strict.map((p) => p.row.recipientLookup), sql);
    const toCreate = prepared.rows.filter((p) => {
      if (items[p.index].allowDuplicateAwards || !existing.has(p.row.recipientLookup)) return true;
      outcomes[p.index] = { kind: 'duplicate', message: 'A previous award of this badge already exists for this recipient.' };
      return false;
    });
    if (toCreate.length > 0) {
      const created = await this.assertions.createMany(scope, toCreate.map((p) => p.row), sql);
      const result = created.map((assertion, i) => ({ assertion, plaintextIdentity: toCreate[i].plaintext }));
      await this.events.assertionsIssued(sql, scope, options.origin, awardNames(badgeClass, source.issuer.name), result);
      toCreate.forEach((p) => (outcomes[p.index] = { kind: 'awarded', assertionId: p.row.id }));
    }
    return outcomes;
  }

  /**
   * Wakes the outbox relay and adds the awarded assertions' bake jobs (OB 2.0 images; a credential's
   * image is baked on its first request); call after the transaction of `awardChunk` committed.
   */
  async afterCommit(scope: TenantScope, source: ChunkSource, outcomes: readonly ChunkOutcome[]): Promise<void> {
    this.events.published();
    if (!hasOb2Form(source.badgeClass.openBadgesVersion)) return;
    await this.bakes.awarded(scope, source.badgeClass.id, outcomes.flatMap((o) => (o.kind === 'awarded' ? [o.assertionId] : [])));
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
    if (hasOb3Form(badgeClass.openBadgesVersion) && item.recipient.type === 'id' && item.recipient.hashed) {
      // An OB 3.0 credential names an `id` recipient as its subject (`credentialSubject.id`), which cannot be a hash.
      const field = `${prefix}recipient.hashed`;
      throw ApiError.validation(`${field}: This badge is issued as an Open Badges 3.0 credential, whose subject is the id itself: send an id recipient unhashed.`, field);
    }
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
        openBadgesVersion: badgeClass.openBadgesVersion,
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
   * Signs every row before the insert (in the award's transaction, or before a bulk chunk's opens):
   * a signed badge class can never commit an unsigned assertion, and a signing failure writes
   * nothing. RSA signing costs about a millisecond a row, so even a batch of 100 keeps the transaction short.
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

/** A signed badge class signs the OB 2.0 form, which a '3.0'-only class does not publish. */
function signsOb2(badgeClass: BadgeClassRecord): boolean {
  return badgeClass.verification === 'signed' && hasOb2Form(badgeClass.openBadgesVersion);
}

/** The awards with an OB 2.0 form: those whose image the bake queue makes. */
function ob2Ids(assertions: readonly AssertionRecord[]): string[] {
  return assertions.flatMap((a) => (hasOb2Form(a.openBadgesVersion as OpenBadgesVersion) ? [a.id] : []));
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

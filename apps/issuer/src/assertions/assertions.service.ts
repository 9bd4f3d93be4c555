import { Injectable } from '@nestjs/common';

import type { AssertionUpdateBody, AwardStatus } from '@badges/api-contracts';
import { ASSERTION_UPDATABLE_FIELDS, fieldChanges, type EventOrigin } from '@badges/events';
import { isEntityId, prismaSqlSession } from '@badges/persistence';
import { ApiError, csvLine, freeText, type TenantScope } from '@badges/service-kit';

import { BadgeClassesRepository } from '../badge-classes/badge-classes.repository';
import { IssuerEvents } from '../events/issuer-events';
import { IssuersRepository } from '../issuers/issuers.repository';
import type { CredentialAward } from '../credentials/credential-input';
import { CredentialSigner } from '../credentials/credential-signer';
import { StatusListsService } from '../credentials/status-lists.service';
import { IssuerPrismaService, type IssuerTx } from '../prisma/issuer-prisma.service';
import { AssertionSigner } from '../signing/assertion-signer';
import { SigningKeysService } from '../signing/signing-keys.service';
import { storedEvidence, storedNarrative } from './assertion-texts';
import { decodeCursor, encodeCursor, isTrue, type AssertionListQueryWithCursor } from './assertions.dto';
import { AssertionsRepository, type AssertionChanges, type AssertionCursor, type AssertionRecord, type RevokeOutcome } from './assertions.repository';
import { checkExpiry } from './expiry';
import { RecipientIdentity } from './recipient-identity';

/** Error code for revoking an assertion twice: Badgr answers 400 "Assertion is already revoked". */
export const ALREADY_REVOKED = 'already_revoked';
export const ALREADY_REVOKED_MESSAGE = 'Assertion is already revoked.';
/** Editing a revoked assertion: the same code, since the assertion is already revoked. */
export const REVOKED_NOT_EDITABLE_MESSAGE = 'This assertion is revoked; a revoked assertion cannot be changed.';

/** Rows the awards CSV reads per query. */
const EXPORT_PAGE = 1000;

/** Where an award stands for the console: revoked wins over expired. */
export function awardStatus(row: { revoked: boolean; expires: Date | null }, now: Date): AwardStatus {
  if (row.revoked) return 'revoked';
  return row.expires && row.expires <= now ? 'expired' : 'active';
}

@Injectable()
export class AssertionsService {
  constructor(
    private readonly assertions: AssertionsRepository,
    private readonly badgeClasses: BadgeClassesRepository,
    private readonly issuers: IssuersRepository,
    private readonly recipients: RecipientIdentity,
    private readonly prisma: IssuerPrismaService,
    private readonly events: IssuerEvents,
    private readonly signingKeys: SigningKeysService,
    private readonly signer: AssertionSigner,
    private readonly credentials: CredentialSigner,
    private readonly statusLists: StatusListsService,
  ) {}

  async get(scope: TenantScope, id: string): Promise<AssertionRecord> {
    const assertion = await this.assertions.findById(scope, id);
    if (!assertion) throw ApiError.notFound('assertion');
    return assertion;
  }

  /**
   * The console's CSV of a badge class's awards, with the list's filters (`q`, `status`), newest
   * first, read a page at a time. Names, identities and reasons are what people typed, so they are
   * formula-neutralised as the audit CSV's are; ids, dates and our URLs are written as they are. A
   * hashed recipient appears as its salted hash: the plaintext is not stored (decision 0004).
   */
  async *awardsCsv(scope: TenantScope, badgeClassId: string, query: AssertionListQueryWithCursor, assertionUrl: (row: AssertionRecord) => string): AsyncGenerator<string> {
    yield csvLine(['assertion_id', 'recipient_name', 'recipient_type', 'recipient', 'issued_on', 'expires', 'status', 'revocation_reason', 'assertion_url']);
    const now = new Date();
    let cursor: string | undefined;
    for (;;) {
      const page = await this.list(scope, { badgeClassId }, { ...query, num: EXPORT_PAGE, cursor });
      let chunk = '';
      for (const row of page.rows) {
        chunk += csvLine([
          row.id,
          freeText(row.recipientName),
          row.recipientType,
          freeText(row.recipientIdentity),
          row.issuedOn.toISOString(),
          row.expires?.toISOString(),
          awardStatus(row, now),
          freeText(row.revocationReason),
          assertionUrl(row),
        ]);
      }
      yield chunk;
      if (!page.next) return;
      cursor = encodeCursor(page.next);
    }
  }

  async list(
    scope: TenantScope,
    parent: { badgeClassId: string } | { issuerId: string },
    query: AssertionListQueryWithCursor,
  ): Promise<{ rows: AssertionRecord[]; next?: AssertionCursor }> {
    if ('badgeClassId' in parent) {
      if (!(await this.badgeClasses.findById(scope, parent.badgeClassId))) throw ApiError.notFound('badge class');
    } else if (!(await this.issuers.findById(scope, parent.issuerId))) {
      throw ApiError.notFound('issuer');
    }
    let after: AssertionCursor | undefined;
    if (query.cursor !== undefined) {
      after = decodeCursor(query.cursor);
      if (!after) throw ApiError.validation('cursor: This cursor is not valid; use pagination.nextResults as given.', 'cursor');
    }
    const terms = query.recipient === undefined ? undefined : Array.isArray(query.recipient) ? query.recipient : [query.recipient];
    return this.assertions.list(
      scope,
      {
        ...parent,
        recipientLookups: terms?.flatMap((term) => this.recipients.lookupsFor(term)),
        search: query.q === undefined ? undefined : { text: query.q, lookups: this.recipients.lookupsFor(query.q) },
        status: query.status,
        includeRevoked: isTrue(query.include_revoked),
        includeExpired: isTrue(query.include_expired),
        now: new Date(),
      },
      { num: query.num, after },
    );
  }

  /**
   * Badgr's PUT: changes what the body sends of evidence (replaced as a whole), narrative and
   * expiry, in one transaction with its event. A signed assertion is signed again, with the
   * issuer's active key, so its JWS (and baked image) says what its document says, and so is an
   * OB 3.0 award's credential; a revoked one is refused. The new `updatedAt` makes its stored baked image stale: the next request for the
   * image bakes the new one.
   */
  async update(scope: TenantScope, id: string, body: AssertionUpdateBody, origin: EventOrigin): Promise<AssertionRecord> {
    const updated = await this.prisma.$transaction(async (tx) => {
      const current = await this.assertions.findForUpdate(scope, id, tx);
      if (!current) throw ApiError.notFound('assertion');
      if (current.revoked) throw new ApiError(400, ALREADY_REVOKED, REVOKED_NOT_EDITABLE_MESSAGE);
      const changes: AssertionChanges = {};
      if (body.narrative !== undefined) changes.narrative = storedNarrative(body.narrative);
      if (body.evidence !== undefined) changes.evidence = storedEvidence(body.evidence);
      if (body.expires !== undefined) changes.expires = body.expires === null ? null : new Date(body.expires);
      checkExpiry(current.issuedOn, changes.expires ?? null);
      if (current.signedJws) {
        const key = await this.signingKeys.activeKey(scope, current.issuerId, tx, origin);
        Object.assign(changes, await this.signer.sign({ ...current, ...changes }, key));
      }
      if (current.credential) Object.assign(changes, await this.signCredentialAgain(scope, { ...current, ...changes, evidence: changes.evidence ?? current.evidence }, tx, origin));
      const saved = await this.assertions.update(scope, id, changes, tx);
      const changed = ASSERTION_UPDATABLE_FIELDS.filter((field) => body[field] !== undefined);
      const evidenceOf = (record: AssertionRecord) => record.evidence.map(({ url, narrative }) => ({ url, narrative }));
      const edit = fieldChanges({ ...current, evidence: evidenceOf(current) }, { ...saved, evidence: evidenceOf(saved) }, changed);
      await this.events.assertionUpdated(prismaSqlSession(tx), scope, origin, saved, changed, edit);
      return saved;
    });
    this.events.published();
    return updated;
  }

  /**
   * An edited OB 3.0 award's credential, built and signed again (with the issuer's current keys and
   * proof) so that it says what the award now says; it keeps its status index. Its badge class
   * and issuer texts are read as they are now, as a new award's would be.
   */
  private async signCredentialAgain(scope: TenantScope, edited: CredentialAward & Pick<AssertionRecord, 'badgeClassId' | 'issuerId' | 'statusListIndex'>, tx: IssuerTx, origin: EventOrigin): Promise<AssertionChanges> {
    const badgeClass = await this.badgeClasses.findById(scope, edited.badgeClassId, tx);
    const issuer = await this.issuers.findById(scope, edited.issuerId, tx);
    if (!badgeClass || !issuer || edited.statusListIndex === null) throw new Error(`assertion ${edited.id} has a credential but no badge class, issuer or status index`);
    const keys = await this.credentials.keysFor(scope, issuer, tx, origin);
    const { credential, credentialFormat, credentialKeyId } = await this.credentials.sign({ issuer, badgeClass }, keys, edited, edited.statusListIndex);
    return { credential, credentialFormat, credentialKeyId };
  }

  async revoke(scope: TenantScope, id: string, reason: string, origin: EventOrigin): Promise<AssertionRecord> {
    const [result] = await this.revokeEach(scope, [{ id, reason }], origin);
    if (result.outcome === 'not_found') throw ApiError.notFound('assertion');
    if (result.outcome === 'already_revoked') throw new ApiError(400, ALREADY_REVOKED, ALREADY_REVOKED_MESSAGE);
    return result.assertion;
  }

  /**
   * Revokes each assertion in one transaction with its events, and says per item, in order, what
   * happened. Another institution's assertion is `not_found`, as an unknown one: the update is
   * scoped to the caller's institution, so it is never touched. An id repeated in one call is
   * revoked once, then `already_revoked`.
   */
  async revokeEach(scope: TenantScope, items: readonly { id: string; reason: string }[], origin: EventOrigin): Promise<RevokeOutcome[]> {
    const revokedAt = new Date();
    const outcomes = await this.prisma.$transaction(async (tx) => {
      const results: RevokeOutcome[] = [];
      for (const { id, reason } of items) {
        results.push(isEntityId(id) ? await this.assertions.revoke(scope, id, reason, revokedAt, tx) : { outcome: 'not_found' });
      }
      const revoked = results.flatMap((result) => (result.outcome === 'revoked' ? [result.assertion] : []));
      if (revoked.length > 0) {
        const sql = prismaSqlSession(tx);
        await this.events.assertionsRevoked(sql, scope, origin, revoked);
        // OB 3.0: the status lists of the revoked credentials, signed again before the revocation answers.
        await this.statusLists.revoked(tx, sql, scope, origin, revoked);
      }
      return results;
    });
    if (outcomes.some((result) => result.outcome === 'revoked')) this.events.published();
    return outcomes;
  }
}

import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { MigrationAssertionSchema, type MigrationAssertion, type MigrationItemResult } from '@badges/api-contracts';
import { hashIdentity, normalizeIdentity, parseHashedIdentity } from '@badges/openbadges';
import { insertJsonRows, type SqlSession } from '@badges/persistence';
import { mapInSlices, type TenantScope } from '@badges/service-kit';

import { RecipientIdentity } from '../assertions/recipient-identity';
import { PublicUrls } from '../common/public-urls';
import type { Assertion } from '../generated/prisma/client';
import { IssuerEvents, type ImportedAward } from '../events/issuer-events';
import { decide, existingRowsSql, parseRecord, recordDigest, skipped, storedDocumentId, type ExistingRow } from './migration-checks';
import type { MigrationRunRecord } from './migration-runs.repository';
import { runOrigin } from './parent-records.writer';

/** A badge class as an imported award needs it: its issuer, and the names its event carries. */
interface ParentClass {
  issuerId: string;
  name: string;
  language: string;
  issuerName: string;
}

const PARENT_CLASSES_SQL = `
  SELECT bc."id", bc."issuerId", bc."name", bc."language", i."name" AS "issuerName"
  FROM "issuer"."badge_classes" bc JOIN "issuer"."issuers" i ON i."id" = bc."issuerId"
  WHERE bc."institutionId" = $1 AND bc."id" = ANY (ARRAY(SELECT json_array_elements_text($2::json)))`;

/** An overwrite keeps the row's identity and the time it first arrived. */
const KEPT_ON_OVERWRITE = new Set(['id', 'institutionId', 'createdAt']);

type StoredRow = Omit<Assertion, 'recipientName'> & { recipientName: null };

/**
 * Assertions of a migration batch: the hot path (20,000 per institution). A batch costs a fixed
 * handful of statements whatever its length: one read of the rows holding its ids, one of their
 * badge classes, one INSERT of the new assertions and one of their evidence (JSON rows, decision
 * 0015), the outbox rows of their events; only an overwritten assertion costs statements of its own.
 */
@Injectable()
export class AssertionRecordsWriter {
  constructor(private readonly recipients: RecipientIdentity, private readonly urls: PublicUrls, private readonly events: IssuerEvents) {}

  async write(sql: SqlSession, scope: TenantScope, run: MigrationRunRecord, raws: readonly unknown[]): Promise<MigrationItemResult[]> {
    const parsed = await mapInSlices(raws, (raw, index) => parseRecord('assertion', MigrationAssertionSchema, raw, index));
    const records = parsed.flatMap((entry) => ('record' in entry ? [entry.record] : []));
    const classes = await this.parentClasses(sql, scope, run, records);
    const existing = await sql.query<ExistingRow & { revoked: boolean }>(existingRowsSql('assertions', '"revoked"'), [JSON.stringify(records.map((r) => r.sourceId))]);
    const before = new Map(existing.map((row) => [row.id, row]));
    const items: MigrationItemResult[] = [];
    const toWrite: { row: StoredRow; record: MigrationAssertion; parent: ParentClass | 'planned'; outcome: 'created' | 'updated' }[] = [];
    for (const entry of parsed) {
      if ('problem' in entry) {
        items.push(entry.problem);
        continue;
      }
      const { record } = entry;
      const parent = classes.get(record.badgeClassSourceId);
      const problem = assertionProblem(record, parent);
      if (problem) {
        items.push(problem);
        continue;
      }
      const digest = recordDigest(record);
      const item = decide('assertion', record.sourceId, before.get(record.sourceId), { institutionId: scope.institutionId, digest, overwrite: run.overwrite });
      items.push(item);
      if (item.outcome === 'created' || item.outcome === 'updated') {
        toWrite.push({ row: this.rowOf(scope, record, digest), record, parent: parent as ParentClass | 'planned', outcome: item.outcome });
      }
    }
    if (run.dryRun || toWrite.length === 0) return items;
    const created = toWrite.filter((w) => w.outcome === 'created');
    await this.insert(sql, created.map((w) => w.row), created.map((w) => w.record));
    const updated = toWrite.filter((w) => w.outcome === 'updated');
    for (const { row, record } of updated) await this.overwrite(sql, row, record);
    const awards = toWrite.map(({ row, record, parent }) => importedAward(row, record, parent as ParentClass));
    await this.events.assertionsImported(sql, scope, runOrigin(run), run.id, awards);
    // An overwrite that revokes: the revoked event drops every cached copy (gateway, verifier) at once.
    const newlyRevoked = updated.filter((w) => w.row.revoked && !before.get(w.row.id)?.revoked).map((w) => w.row);
    if (newlyRevoked.length > 0) await this.events.assertionsRevoked(sql, scope, runOrigin(run), newlyRevoked);
    return items;
  }

  /** Badge classes the records name that this institution holds, or that this dry run would have created. */
  private async parentClasses(sql: SqlSession, scope: TenantScope, run: MigrationRunRecord, records: readonly MigrationAssertion[]): Promise<Map<string, ParentClass | 'planned'>> {
    const ids = [...new Set(records.map((r) => r.badgeClassSourceId))];
    const rows = await sql.query<ParentClass & { id: string }>(PARENT_CLASSES_SQL, [scope.institutionId, JSON.stringify(ids)]);
    const classes = new Map<string, ParentClass | 'planned'>(run.plannedParents.badgeClasses.map((id) => [id, 'planned']));
    for (const { id, ...parent } of rows) classes.set(id, parent);
    return classes;
  }

  private rowOf(scope: TenantScope, record: MigrationAssertion, digest: string): StoredRow {
    const { recipient } = record;
    const now = new Date();
    return {
      id: record.sourceId,
      institutionId: scope.institutionId,
      issuerId: record.issuerSourceId,
      badgeClassId: record.badgeClassSourceId,
      recipientType: recipient.type,
      // Exactly as published: a hash and its salt keep matching the earner, a plain identity keeps its spelling.
      recipientIdentity: recipient.identity,
      recipientHashed: recipient.hashed,
      recipientSalt: recipient.salt,
      // With only a hash known, this keys the hash itself: it names nobody, and is never published (decision 0044).
      recipientLookup: this.recipients.lookupOf({ type: recipient.type, identity: recipient.plaintextIdentity ?? recipient.identity }),
      recipientName: null,
      narrative: record.narrative,
      issuedOn: new Date(record.issuedOn),
      expires: record.expires ? new Date(record.expires) : null,
      notify: false,
      revoked: record.revoked,
      revocationReason: record.revoked ? (record.revocationReason ?? '') : null,
      revokedAt: record.revoked ? new Date(record.updatedAt) : null,
      signedJws: null,
      signingKeyId: null,
      // An imported award is the OB 2.0 assertion another platform published: no OB 3.0 form.
      openBadgesVersion: '2.0',
      credential: null,
      credentialFormat: null,
      credentialKeyId: null,
      statusListIndex: null,
      documentId: storedDocumentId(record.documentId, this.urls.assertion(record.sourceId)),
      migrationDigest: digest,
      createdBy: null,
      // The source's creation time: dashboards count an imported award in the period it was made.
      createdAt: new Date(record.createdAt),
      updatedAt: now,
    };
  }

  private async insert(sql: SqlSession, rows: readonly StoredRow[], records: readonly MigrationAssertion[]): Promise<void> {
    const assertions = insertJsonRows('issuer', 'assertions', rows as unknown as Record<string, unknown>[]);
    if (assertions) await sql.query(assertions.sql, assertions.params);
    const evidence = insertJsonRows('issuer', 'assertion_evidence', records.flatMap((record, i) => evidenceRows(rows[i], record)));
    if (evidence) await sql.query(evidence.sql, evidence.params);
  }

  /** `overwrite`: the row takes the record's contents, its evidence is replaced whole. */
  private async overwrite(sql: SqlSession, row: StoredRow, record: MigrationAssertion): Promise<void> {
    const { id, institutionId } = row;
    const fields = Object.entries(row).filter(([name]) => !KEPT_ON_OVERWRITE.has(name));
    await sql.query(`UPDATE "issuer"."assertions" SET ${fields.map(([name], i) => `"${name}" = $${i + 3}`).join(', ')} WHERE "id" = $1 AND "institutionId" = $2`, [
      id,
      institutionId,
      ...fields.map(([, value]) => value),
    ]);
    await sql.query(`DELETE FROM "issuer"."assertion_evidence" WHERE "assertionId" = $1 AND "institutionId" = $2`, [id, institutionId]);
    const evidence = insertJsonRows('issuer', 'assertion_evidence', evidenceRows(row, record));
    if (evidence) await sql.query(evidence.sql, evidence.params);
  }
}

/** Why an assertion cannot be written, before looking at what holds its id. */
function assertionProblem(record: MigrationAssertion, parent: ParentClass | 'planned' | undefined): MigrationItemResult | undefined {
  if (!parent) return skipped('assertion', record.sourceId, 'badge_class_missing', `Its badge class ${record.badgeClassSourceId} is neither here nor in this run.`);
  if (parent !== 'planned' && parent.issuerId !== record.issuerSourceId) {
    return skipped('assertion', record.sourceId, 'invalid', `issuerSourceId: ${record.issuerSourceId}, but its badge class belongs to ${parent.issuerId}`);
  }
  const { recipient } = record;
  if (recipient.hashed) {
    if (!parseHashedIdentity(recipient.identity)) return skipped('assertion', record.sourceId, 'invalid', 'recipient.identity: a hashed identity is sha256$<hex> or md5$<hex>');
    if (recipient.plaintextIdentity !== null && !hashMatches(recipient.identity, recipient.salt, recipient.type, recipient.plaintextIdentity)) {
      return skipped('assertion', record.sourceId, 'invalid', 'recipient.plaintextIdentity: does not hash (with the salt) to recipient.identity');
    }
  }
  return undefined;
}

/** Whether `plaintext` is who the published hash names, as spelled or as we normalise it. */
function hashMatches(identity: string, salt: string | null, type: string, plaintext: string): boolean {
  const parsed = parseHashedIdentity(identity);
  if (!parsed) return false;
  const expected = `${parsed.algorithm}$${parsed.hex}`;
  return [plaintext, normalizeIdentity(type, plaintext)].some((spelling) => hashIdentity(spelling, salt ?? undefined, parsed.algorithm) === expected);
}

function evidenceRows(row: StoredRow, record: MigrationAssertion) {
  return record.evidence.map((item, position) => ({ id: randomUUID(), institutionId: row.institutionId, assertionId: row.id, position, url: item.url, narrative: item.narrative }));
}

function importedAward(row: StoredRow, record: MigrationAssertion, parent: ParentClass): ImportedAward {
  return {
    assertion: row,
    revocation: row.revoked ? { reason: row.revocationReason ?? '', revokedAt: row.revokedAt as Date } : null,
    lookupKnown: !record.recipient.hashed || record.recipient.plaintextIdentity !== null,
    names: { badgeClassName: parent.name, issuerName: parent.issuerName, badgeLanguage: parent.language },
  };
}

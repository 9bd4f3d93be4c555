import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { MigrationBadgeClassSchema, MigrationIssuerSchema, type MigrationBadgeClass, type MigrationItemResult } from '@badges/api-contracts';
import { fieldChanges, type EventOrigin } from '@badges/events';
import { insertJsonRows, type SqlSession } from '@badges/persistence';
import type { TenantScope } from '@badges/service-kit';

import { PublicUrls } from '../common/public-urls';
import { IssuerEvents } from '../events/issuer-events';
import { ImagesRepository } from '../images/images.repository';
import { checkImage, decide, existingRowsSql, parseRecord, recordDigest, skipped, storedDocumentId, type ExistingRow } from './migration-checks';
import type { MigrationRunRecord } from './migration-runs.repository';

/** What a batch step answers: one result per record, and the parents a dry run would have created. */
export interface StepResult {
  items: MigrationItemResult[];
  planned: string[];
}

/** The platform itself acts for the operator: no actor, the run's id as correlation id. */
export function runOrigin(run: MigrationRunRecord): EventOrigin {
  return { correlationId: `migration-${run.id}` };
}

type IssuerRow = ExistingRow & Record<string, unknown> & { name: string; description: string | null; email: string; url: string };
type BadgeClassRow = ExistingRow & Record<string, unknown> & { issuerId: string; name: string; description: string };

/**
 * Issuers and badge classes of a migration batch: a few per institution, written one by one in the
 * batch's transaction, each with the event an API change would have (created, updated), so the
 * audit trail and the public caches hear of them.
 */
@Injectable()
export class ParentRecordsWriter {
  constructor(private readonly images: ImagesRepository, private readonly urls: PublicUrls, private readonly events: IssuerEvents) {}

  async issuers(sql: SqlSession, scope: TenantScope, run: MigrationRunRecord, raws: readonly unknown[]): Promise<StepResult> {
    const result: StepResult = { items: [], planned: [] };
    const parsed = raws.map((raw, index) => parseRecord('issuer', MigrationIssuerSchema, raw, index));
    const existing = await this.existing<IssuerRow>(sql, 'issuers', parsed, '"name", "description", "email", "url"');
    for (const entry of parsed) {
      if ('problem' in entry) {
        result.items.push(entry.problem);
        continue;
      }
      const { record } = entry;
      const image = record.image ? checkImage(record.image) : null;
      if (image && 'problem' in image) {
        result.items.push(skipped('issuer', record.sourceId, 'image_invalid', image.problem));
        continue;
      }
      const before = existing.get(record.sourceId);
      const item = decide('issuer', record.sourceId, before, { institutionId: scope.institutionId, digest: recordDigest(record), overwrite: run.overwrite });
      result.items.push(item);
      if (item.outcome === 'skipped') continue;
      // People live in the gateway (decision 0029): the operator invites them; the run says how many.
      if (record.staff.length > 0) {
        const roles = [...new Set(record.staff.map((member) => member.role))].join(', ');
        result.items.push(skipped('staff', record.sourceId, 'staff_not_migrated', `${record.staff.length} staff member(s) of this issuer (${roles}) were not migrated: invite them from the console.`));
      }
      if (item.outcome === 'unchanged') continue;
      if (run.dryRun) {
        if (item.outcome === 'created') result.planned.push(record.sourceId);
        continue;
      }
      const imageId = image ? await this.images.storeOnce(scope, image, sql) : null;
      const fields = { name: record.name, description: record.description, email: record.email, url: record.url };
      const documentId = storedDocumentId(record.documentId, this.urls.issuer(record.sourceId));
      if (item.outcome === 'created') {
        await this.insert(sql, 'issuers', [{ id: record.sourceId, institutionId: scope.institutionId, ...fields, imageId, documentId, migrationDigest: recordDigest(record), createdAt: record.createdAt, updatedAt: new Date() }]);
        await this.events.issuerCreated(sql, scope, runOrigin(run), { id: record.sourceId, name: record.name });
      } else {
        await this.update(sql, 'issuers', record.sourceId, { ...fields, imageId, documentId, migrationDigest: recordDigest(record) });
        const changes = fieldChanges(before as IssuerRow, fields, ['name', 'description', 'email', 'url']);
        await this.events.issuerUpdated(sql, scope, runOrigin(run), record.sourceId, { change: 'profile', changes });
      }
    }
    return result;
  }

  async badgeClasses(sql: SqlSession, scope: TenantScope, run: MigrationRunRecord, raws: readonly unknown[]): Promise<StepResult> {
    const result: StepResult = { items: [], planned: [] };
    const parsed = raws.map((raw, index) => parseRecord('badgeClass', MigrationBadgeClassSchema, raw, index));
    const existing = await this.existing<BadgeClassRow>(sql, 'badge_classes', parsed, '"issuerId", "name", "description"');
    const issuers = await this.knownIssuers(sql, scope, run, parsed.flatMap((entry) => ('record' in entry ? [entry.record.issuerSourceId] : [])));
    for (const entry of parsed) {
      if ('problem' in entry) {
        result.items.push(entry.problem);
        continue;
      }
      const { record } = entry;
      const problem = badgeClassProblem(record, issuers);
      if (problem) {
        result.items.push(problem);
        continue;
      }
      const image = checkImage(record.image as NonNullable<MigrationBadgeClass['image']>);
      if ('problem' in image) {
        result.items.push(skipped('badgeClass', record.sourceId, 'image_invalid', image.problem));
        continue;
      }
      const before = existing.get(record.sourceId);
      const digest = recordDigest(record);
      const decided = decide('badgeClass', record.sourceId, before, { institutionId: scope.institutionId, digest, overwrite: run.overwrite });
      // Overwriting never moves a badge class to another issuer: its awards name the one they were made by.
      const item = decided.outcome === 'updated' && before?.issuerId !== record.issuerSourceId
        ? skipped('badgeClass', record.sourceId, 'id_taken_differs', 'This id belongs to a badge class of another issuer here; it is never moved.')
        : decided;
      result.items.push(item);
      if (item.outcome === 'skipped' || item.outcome === 'unchanged') continue;
      if (run.dryRun) {
        if (item.outcome === 'created') result.planned.push(record.sourceId);
        continue;
      }
      const imageId = await this.images.storeOnce(scope, image, sql);
      const fields = {
        name: record.name,
        description: record.description,
        imageId,
        criteriaUrl: record.criteriaUrl,
        criteriaNarrative: record.criteriaNarrative,
        tags: record.tags,
        expiresAmount: record.expires?.amount ?? null,
        expiresDuration: record.expires?.duration ?? null,
        documentId: storedDocumentId(record.documentId, this.urls.badge(record.sourceId)),
        migrationDigest: digest,
      };
      const named = { id: record.sourceId, issuerId: record.issuerSourceId, name: record.name };
      if (item.outcome === 'created') {
        // Badgr's badge classes carry no language: English, the platform's default; translations can follow in the console.
        await this.insert(sql, 'badge_classes', [
          { id: record.sourceId, institutionId: scope.institutionId, issuerId: record.issuerSourceId, ...fields, language: 'en', verification: 'hosted', createdAt: record.createdAt, updatedAt: new Date() },
        ]);
        await this.events.badgeClassCreated(sql, scope, runOrigin(run), named);
      } else {
        await this.update(sql, 'badge_classes', record.sourceId, fields);
        await sql.query(`DELETE FROM "issuer"."badge_class_alignments" WHERE "badgeClassId" = $1 AND "institutionId" = $2`, [record.sourceId, scope.institutionId]);
        const changes = fieldChanges(before as BadgeClassRow, fields, ['name', 'description']);
        await this.events.badgeClassUpdated(sql, scope, runOrigin(run), { ...named, imageChanged: true, changes });
      }
      const alignments = record.alignments.map((alignment, position) => ({ id: randomUUID(), institutionId: scope.institutionId, badgeClassId: record.sourceId, position, ...alignment }));
      await this.insert(sql, 'badge_class_alignments', alignments);
    }
    return result;
  }

  /** The issuers among `ids` this institution holds, or that this (dry) run would have created. */
  async knownIssuers(sql: SqlSession, scope: TenantScope, run: MigrationRunRecord, ids: readonly string[]): Promise<Set<string>> {
    const rows = await sql.query<{ id: string }>(`SELECT "id" FROM "issuer"."issuers" WHERE "institutionId" = $1 AND "id" = ANY (ARRAY(SELECT json_array_elements_text($2::json)))`, [
      scope.institutionId,
      JSON.stringify([...new Set(ids)]),
    ]);
    return new Set([...rows.map((row) => row.id), ...run.plannedParents.issuers]);
  }

  private async existing<Row extends ExistingRow>(
    sql: SqlSession,
    table: 'issuers' | 'badge_classes',
    parsed: readonly ({ record: { sourceId: string } } | object)[],
    columns: string,
  ): Promise<Map<string, Row>> {
    const ids = parsed.flatMap((entry) => ('record' in entry ? [entry.record.sourceId] : []));
    const rows = await sql.query<Row>(existingRowsSql(table, columns), [JSON.stringify(ids)]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async insert(sql: SqlSession, table: string, rows: Record<string, unknown>[]): Promise<void> {
    const statement = insertJsonRows('issuer', table, rows);
    if (statement) await sql.query(statement.sql, statement.params);
  }

  private async update(sql: SqlSession, table: 'issuers' | 'badge_classes', id: string, fields: Record<string, unknown>): Promise<void> {
    const names = Object.keys(fields);
    const set = names.map((name, i) => `"${name}" = $${i + 2}`).join(', ');
    await sql.query(`UPDATE "issuer"."${table}" SET ${set}, "updatedAt" = now() WHERE "id" = $1`, [id, ...names.map((name) => fields[name])]);
  }
}

function badgeClassProblem(record: MigrationBadgeClass, issuers: Set<string>): MigrationItemResult | undefined {
  if (!issuers.has(record.issuerSourceId)) return skipped('badgeClass', record.sourceId, 'issuer_missing', `Its issuer ${record.issuerSourceId} is neither here nor in this run.`);
  if (!record.image) return skipped('badgeClass', record.sourceId, 'image_missing', 'The source had no readable image for it; a badge class needs one.');
  return undefined;
}

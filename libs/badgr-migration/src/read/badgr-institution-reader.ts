import type { MigrationAssertion, MigrationBadgeClass, MigrationImage, MigrationIssuer, MigrationItemProblem } from '@badges/api-contracts';

import { BadgrAssertionSchema, BadgrBadgeClassSchema, BadgrIssuerSchema } from '../badgr/badgr-shapes';
import { badgrPages } from '../client/badgr-pages';
import { BadgrReadError } from '../client/badgr-read-error';
import type { BadgrPage, BadgrSession } from '../client/badgr-session';
import { mapAssertion } from '../mapping/assertion.mapper';
import { badgrInstant } from '../mapping/badgr-dates';
import { mapBadgeClass } from '../mapping/badge-class.mapper';
import { mapIssuer } from '../mapping/issuer.mapper';
import { parseItem, problem, type ItemKind, type Mapped } from '../mapping/mapped';
import { readBadgrImage } from './badgr-images';
import { mapBounded } from './concurrency';
import { SourceIndex } from './source-index';

export interface BadgrReadOptions {
  /** Only what Badgr changed after this instant (ISO 8601 with a zone): Badgr's own `?since=`. */
  readonly since?: string;
  /** Items asked per page (`?num=`). Default 500. */
  readonly pageSize?: number;
  /** Images fetched at once. Default 4. */
  readonly imageConcurrency?: number;
  /** Largest image kept. Default 2 MiB. */
  readonly maxImageBytes?: number;
}

/** One page's worth: records the writer can store, and the problems of the items left out or cut. */
export type BadgrBatch =
  | { readonly kind: 'issuers'; readonly records: MigrationIssuer[]; readonly problems: MigrationItemProblem[] }
  | { readonly kind: 'badgeClasses'; readonly records: MigrationBadgeClass[]; readonly problems: MigrationItemProblem[] }
  | { readonly kind: 'assertions'; readonly records: MigrationAssertion[]; readonly problems: MigrationItemProblem[] };

export interface BadgrReadSummary {
  readonly issuers: number;
  readonly badgeClasses: number;
  readonly assertions: number;
  readonly revokedAssertions: number;
  readonly errors: number;
  readonly warnings: number;
  /** Badgr's clock when this read began: the `since` of the next incremental run. */
  readonly nextSince: string | null;
}

const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_IMAGE_CONCURRENCY = 4;
const DEFAULT_MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * Reads everything an institution's Badgr user can see, through Badgr's changed feeds
 * (`/v2/{issuers,badgeclasses,assertions}/changed`, decision 0043): issuers with their staff, then
 * badge classes with their images, then assertions, revoked and expired included. Yields one batch
 * per Badgr page, in that order, so memory stays at one page whatever the size of the source.
 */
export class BadgrInstitutionReader {
  private readonly known = { issuers: new SourceIndex(), badgeClasses: new SourceIndex() };
  private counts = { issuers: 0, badgeClasses: 0, assertions: 0, revokedAssertions: 0, errors: 0, warnings: 0 };
  private nextSince: string | null = null;

  constructor(
    private readonly session: BadgrSession,
    private readonly options: BadgrReadOptions = {},
  ) {
    if (options.since !== undefined && badgrInstant(options.since) === null) throw new RangeError(`since must be an ISO 8601 date and time with a zone, not "${options.since}".`);
  }

  summary(): BadgrReadSummary {
    return { ...this.counts, nextSince: this.nextSince };
  }

  async *batches(): AsyncGenerator<BadgrBatch> {
    for await (const page of this.feed('issuers')) {
      const mapped = await mapBounded(page.envelope.result, this.imageConcurrency(), (raw) => this.issuer(raw));
      yield this.batch('issuers', mapped, (record) => this.known.issuers.add(record.sourceId));
    }
    for await (const page of this.feed('badgeclasses')) {
      const mapped = await mapBounded(page.envelope.result, this.imageConcurrency(), (raw) => this.badgeClass(raw));
      yield this.batch('badgeClasses', await this.requireKnown(mapped, 'badgeClass', this.known.issuers, 'issuer'), (record) => this.known.badgeClasses.add(record.sourceId));
    }
    for await (const page of this.feed('assertions')) {
      const seenAt = badgrInstant(page.envelope.timestamp ?? '') ?? new Date().toISOString();
      const mapped = page.envelope.result.map((raw) => this.assertion(raw, seenAt));
      yield this.batch('assertions', await this.requireKnown(mapped, 'assertion', this.known.badgeClasses, 'badgeClass'), (record) => {
        if (record.revoked) this.counts.revokedAssertions++;
      });
    }
  }

  private async *feed(collection: 'issuers' | 'badgeclasses' | 'assertions'): AsyncGenerator<BadgrPage> {
    const query = new URLSearchParams({ num: String(this.options.pageSize ?? DEFAULT_PAGE_SIZE) });
    if (this.options.since !== undefined) query.set('since', this.options.since);
    for await (const page of badgrPages(this.session, `/v2/${collection}/changed?${query}`)) {
      // The first feed's first timestamp is the earliest: whatever changes after it, the next run sees.
      if (this.nextSince === null) {
        this.nextSince = badgrInstant(page.envelope.timestamp ?? '');
        if (this.nextSince === null) throw new BadgrReadError('unexpected_response', `/v2/${collection}/changed gave no timestamp: this server has no changed feeds.`);
      }
      yield page;
    }
  }

  private async issuer(raw: unknown): Promise<Mapped<MigrationIssuer>> {
    const parsed = parseItem(BadgrIssuerSchema, raw, 'issuer');
    if ('problem' in parsed) return { record: null, problems: [parsed.problem] };
    const image = await this.image(parsed.value.image, 'issuer', parsed.value.entityId, false);
    return mapIssuer(parsed.value, image.image, image.problems);
  }

  private async badgeClass(raw: unknown): Promise<Mapped<MigrationBadgeClass>> {
    const parsed = parseItem(BadgrBadgeClassSchema, raw, 'badgeClass');
    if ('problem' in parsed) return { record: null, problems: [parsed.problem] };
    const image = await this.image(parsed.value.image, 'badgeClass', parsed.value.entityId, true);
    return mapBadgeClass(parsed.value, image.image, image.problems);
  }

  private assertion(raw: unknown, seenAt: string): Mapped<MigrationAssertion> {
    const parsed = parseItem(BadgrAssertionSchema, raw, 'assertion');
    if ('problem' in parsed) return { record: null, problems: [parsed.problem] };
    return mapAssertion(parsed.value, seenAt);
  }

  /** An unreadable image is a warning: the item comes without it (the writer reports the conflict). */
  private async image(url: string | null, kind: ItemKind, sourceId: string, required: boolean): Promise<{ image: MigrationImage | null; problems: MigrationItemProblem[] }> {
    if (url === null) return { image: null, problems: required ? [problem(kind, sourceId, 'image_unreadable', 'It has no image.', 'warning')] : [] };
    const read = await readBadgrImage(this.session.connection, url, this.options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES);
    if ('image' in read) return { image: read.image, problems: [] };
    return { image: null, problems: [problem(kind, sourceId, 'image_unreadable', read.unreadable, 'warning')] };
  }

  /**
   * A badge class must name an issuer, and an assertion a badge class, that exists at the source:
   * read in this run, or (an incremental run) unchanged since and still answering its detail route.
   */
  private async requireKnown<T extends MigrationBadgeClass | MigrationAssertion>(
    mapped: Mapped<T>[],
    kind: ItemKind,
    index: SourceIndex,
    parentKind: 'issuer' | 'badgeClass',
  ): Promise<Mapped<T>[]> {
    const route = parentKind === 'issuer' ? '/v2/issuers/' : '/v2/badgeclasses/';
    const results: Mapped<T>[] = [];
    for (const item of mapped) {
      const record = item.record;
      const parentId = record === null ? null : 'badgeClassSourceId' in record ? record.badgeClassSourceId : record.issuerSourceId;
      if (record === null || parentId === null || (await index.exists(parentId, () => this.answers(`${route}${encodeURIComponent(parentId)}`)))) {
        results.push(item);
        continue;
      }
      const code = parentKind === 'issuer' ? 'issuer_missing' : 'badge_class_missing';
      results.push({ record: null, problems: [...item.problems, problem(kind, record.sourceId, code, `Its ${parentKind === 'issuer' ? 'issuer' : 'badge class'} ${parentId} is not at the source.`)] });
    }
    return results;
  }

  private async answers(path: string): Promise<boolean> {
    return (await this.session.get(path)) !== null;
  }

  private batch<K extends BadgrBatch['kind'], T>(kind: K, mapped: Mapped<T>[], onRecord: (record: T) => void): BadgrBatch {
    const records: T[] = [];
    const problems: MigrationItemProblem[] = [];
    for (const item of mapped) {
      problems.push(...item.problems);
      if (item.record !== null) {
        records.push(item.record);
        onRecord(item.record);
      }
    }
    const counted = kind === 'issuers' ? 'issuers' : kind === 'badgeClasses' ? 'badgeClasses' : 'assertions';
    this.counts[counted] += records.length;
    for (const found of problems) this.counts[found.severity === 'error' ? 'errors' : 'warnings']++;
    return { kind, records, problems } as BadgrBatch;
  }

  private imageConcurrency(): number {
    return this.options.imageConcurrency ?? DEFAULT_IMAGE_CONCURRENCY;
  }
}

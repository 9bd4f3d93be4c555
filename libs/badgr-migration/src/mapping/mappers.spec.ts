import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MigrationAssertionSchema, MigrationBadgeClassSchema, MigrationIssuerSchema } from '@badges/api-contracts';

import { BadgrAssertionSchema, BadgrBackpackAssertionSchema, BadgrBadgeClassSchema, BadgrCollectionSchema, BadgrIssuerSchema } from '../badgr/badgr-shapes';
import { mapAssertion } from './assertion.mapper';
import { mapBackpackItem, mapCollection } from './backpack.mapper';
import { mapBadgeClass } from './badge-class.mapper';
import { mapIssuer } from './issuer.mapper';

// Each Badgr shape, as its fixture (written from badgr-server's serializers), mapped to our record.
const FIXTURES = join(__dirname, '../../../../test/fixtures/badgr');
function fixture(name: string): { example: Record<string, unknown>; examples?: Record<string, Record<string, unknown>> } {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}
const png = { contentType: 'image/png' as const, base64: 'iVBORw0KGgo=' };
const SEEN_AT = '2021-01-25T21:28:59.114Z';

describe('Badgr v2 → migration records', () => {
  it('maps IssuerSerializerV2: ids kept, staff by their primary verified email and Badgr role', () => {
    const issuer = BadgrIssuerSchema.parse(fixture('issuer-v2.json').example);
    const mapped = mapIssuer(issuer, png);
    expect(mapped.problems).toEqual([]);
    expect(MigrationIssuerSchema.parse(mapped.record)).toEqual({
      sourceId: 'qJ0hVHCmRnSU8a3GvE4v2w',
      documentId: 'https://api.badgr.example/public/issuers/qJ0hVHCmRnSU8a3GvE4v2w',
      name: 'Northern College, Continuing Education',
      description: 'Micro-credentials of the continuing education school.',
      email: 'badges@northern.example',
      url: 'https://northern.example/ce',
      image: png,
      staff: [
        { email: 'maya.tremblay@northern.example', role: 'owner' },
        { email: 'l.gagnon@northern.example', role: 'staff' },
      ],
      createdAt: '2018-09-04T15:21:07.482Z',
    });
  });

  it('leaves out a staff member without any email, with a warning', () => {
    const raw = fixture('issuer-v2.json').example as { staff: Array<Record<string, unknown>> };
    const issuer = BadgrIssuerSchema.parse({ ...raw, staff: [{ ...raw.staff[0], userProfile: { ...(raw.staff[0]['userProfile'] as object), emails: [] } }] });
    const mapped = mapIssuer(issuer, null);
    expect(mapped.record?.staff).toEqual([]);
    expect(mapped.problems).toEqual([expect.objectContaining({ code: 'staff_without_email', severity: 'warning', sourceId: 'qJ0hVHCmRnSU8a3GvE4v2w' })]);
  });

  it('maps BadgeClassSerializerV2 with criteria, alignments, tags and expiry', () => {
    const badgeClass = BadgrBadgeClassSchema.parse(fixture('badge-class-v2.json').example);
    const mapped = mapBadgeClass(badgeClass, png);
    expect(mapped.problems).toEqual([]);
    expect(MigrationBadgeClassSchema.parse(mapped.record)).toEqual({
      sourceId: 'Hk3tOw0lR9m0cQ8gU1bqZA',
      documentId: 'https://api.badgr.example/public/badges/Hk3tOw0lR9m0cQ8gU1bqZA',
      issuerSourceId: 'qJ0hVHCmRnSU8a3GvE4v2w',
      name: 'Workplace Safety Fundamentals',
      description: 'Awarded for completing the 12-hour workplace safety module.',
      image: png,
      criteriaUrl: 'https://northern.example/ce/safety',
      criteriaNarrative: 'Pass the final assessment with **80%** or more.',
      tags: ['safety', 'workplace'],
      alignments: [
        {
          targetName: 'WHMIS 2015',
          targetUrl: 'https://www.ccohs.ca/oshanswers/chemicals/whmis_ghs/',
          targetDescription: 'Workplace Hazardous Materials Information System',
          targetFramework: 'Canadian OHS',
          targetCode: null,
        },
      ],
      expires: { amount: 2, duration: 'years' },
      createdAt: '2019-01-15T10:02:44.120Z',
    });
  });

  it('says a badge class does not expire when Badgr gives {amount: null, duration: null}', () => {
    const raw = fixture('badge-class-v2.json').example;
    const mapped = mapBadgeClass(BadgrBadgeClassSchema.parse({ ...raw, expires: { amount: null, duration: null } }), png);
    expect(mapped.record?.expires).toBeNull();
  });

  it('maps a hashed BadgeInstanceSerializerV2 keeping hash, salt and plaintext, evidence and expiry', () => {
    const assertion = BadgrAssertionSchema.parse(fixture('assertion-v2.json').example);
    const mapped = mapAssertion(assertion, SEEN_AT);
    expect(mapped.problems).toEqual([]);
    expect(MigrationAssertionSchema.parse(mapped.record)).toEqual({
      sourceId: 'T8pPq1yGQvKZl3X2c9Rm0w',
      documentId: 'https://api.badgr.example/public/assertions/T8pPq1yGQvKZl3X2c9Rm0w',
      badgeClassSourceId: 'Hk3tOw0lR9m0cQ8gU1bqZA',
      issuerSourceId: 'qJ0hVHCmRnSU8a3GvE4v2w',
      recipient: {
        type: 'email',
        identity: 'sha256$5ad3530d6ab91d055df635c65005d37ed2163ff09c73e421b56e762c92a0f0b1',
        hashed: true,
        salt: '3f6c2a91b5d84e0fa7c3e1d2b4a59687',
        plaintextIdentity: 'amelie.roy@learner.example',
      },
      issuedOn: '2020-03-02T14:11:52.381Z',
      expires: '2022-03-02T14:11:52.381Z',
      narrative: 'Completed all twelve hours on site.',
      evidence: [
        { url: 'https://portfolio.learner.example/safety', narrative: null },
        { url: null, narrative: "Supervisor's sign-off on the practical." },
      ],
      revoked: false,
      revocationReason: null,
      createdAt: '2020-03-02T14:11:52.381Z',
      updatedAt: SEEN_AT,
    });
  });

  it('carries a revoked assertion with its reason', () => {
    const mapped = mapAssertion(BadgrAssertionSchema.parse(fixture('assertion-v2.json').examples?.['revoked']), SEEN_AT);
    expect(mapped.record).toMatchObject({ revoked: true, revocationReason: 'Awarded to the wrong learner', expires: null, evidence: [] });
  });

  it('carries an unhashed url identity as it is, and warns that its extensions are dropped', () => {
    const mapped = mapAssertion(BadgrAssertionSchema.parse(fixture('assertion-v2.json').examples?.['urlIdentity']), SEEN_AT);
    expect(mapped.record?.recipient).toEqual({ type: 'url', identity: 'https://portfolio.learner.example/jnguyen', hashed: false, salt: null, plaintextIdentity: 'https://portfolio.learner.example/jnguyen' });
    expect(mapped.problems).toEqual([expect.objectContaining({ code: 'extensions_dropped', severity: 'warning', message: expect.stringContaining('extensions:RecipientProfile') })]);
  });

  it("names Badgr's openBadgeId recipient type by its OB 2.0 name, id", () => {
    const raw = fixture('assertion-v2.json').examples?.['urlIdentity'] as Record<string, unknown>;
    const mapped = mapAssertion(BadgrAssertionSchema.parse({ ...raw, extensions: {}, recipient: { identity: 'https://profiles.example/1', hashed: false, type: 'openBadgeId', plaintextIdentity: 'https://profiles.example/1' } }), SEEN_AT);
    expect(mapped.record?.recipient.type).toBe('id');
  });

  it.each([
    ['issuedOn', { issuedOn: '2019-02-30T10:00:00Z' }, 'invalid_date'],
    ['expires', { expires: 'next year' }, 'invalid_date'],
    ['badgeclass', { badgeclass: null }, 'badge_class_missing'],
    ['recipient type', { recipient: { identity: '555-0100', hashed: false, type: 'fax', plaintextIdentity: '555-0100' } }, 'unexpected_shape'],
    ['a hash of another identity', { recipient: { identity: 'sha256$' + '0'.repeat(64), hashed: true, type: 'email', plaintextIdentity: 'amelie.roy@learner.example', salt: 'abc' } }, 'recipient_hash_mismatch'],
    ['a hashed identity that is no hash', { recipient: { identity: 'amelie.roy@learner.example', hashed: true, type: 'email', plaintextIdentity: 'amelie.roy@learner.example', salt: 'abc' } }, 'unexpected_shape'],
    ['an openBadgeId that is no URL', { openBadgeId: 'not a url' }, 'unexpected_shape'],
  ])('refuses an assertion with a broken %s, as an error of that item', (_what, change, code) => {
    const raw = { ...fixture('assertion-v2.json').example, ...change };
    const mapped = mapAssertion(BadgrAssertionSchema.parse(raw), SEEN_AT);
    expect(mapped.record).toBeNull();
    expect(mapped.problems).toEqual([expect.objectContaining({ kind: 'assertion', sourceId: 'T8pPq1yGQvKZl3X2c9Rm0w', code, severity: 'error' })]);
  });

  it("maps BackpackAssertionSerializerV2's acceptance onto our status", () => {
    const raw = fixture('backpack-assertion-v2.json').example;
    const statuses = (['Accepted', 'Unaccepted', 'Rejected'] as const).map((acceptance) => mapBackpackItem(BadgrBackpackAssertionSchema.parse({ ...raw, acceptance })).record?.status);
    expect(statuses).toEqual(['accepted', 'pending', 'declined']);
    expect(mapBackpackItem(BadgrBackpackAssertionSchema.parse(raw)).record).toEqual({
      sourceId: 'T8pPq1yGQvKZl3X2c9Rm0w',
      documentId: 'https://api.badgr.example/public/assertions/T8pPq1yGQvKZl3X2c9Rm0w',
      badgeClassDocumentId: 'https://api.badgr.example/public/badges/Hk3tOw0lR9m0cQ8gU1bqZA',
      status: 'accepted',
      revoked: false,
      issuedOn: '2020-03-02T14:11:52.381Z',
      expires: '2022-03-02T14:11:52.381Z',
    });
  });

  it('maps BackpackCollectionSerializerV2, leaving out (with a warning) a badge the backpack did not list', () => {
    const raw = fixture('backpack-collection-v2.json').example;
    const collection = BadgrCollectionSchema.parse({ ...raw, assertions: ['T8pPq1yGQvKZl3X2c9Rm0w', 'declinedOne'] });
    const mapped = mapCollection(collection, new Set(['T8pPq1yGQvKZl3X2c9Rm0w']));
    expect(mapped.record).toEqual({
      sourceId: 'Mz4rV7tUQkKx2y9Bn3Ld8g',
      name: 'Safety training',
      description: 'Everything I did for the site safety certificate.',
      published: true,
      shareHash: '5d0b1e7c9a3f42e8b6c4d2a1f0e9c8b7',
      itemSourceIds: ['T8pPq1yGQvKZl3X2c9Rm0w'],
    });
    expect(mapped.problems).toEqual([expect.objectContaining({ code: 'collection_item_missing', severity: 'warning' })]);
    expect(mapCollection(BadgrCollectionSchema.parse({ ...raw, shareHash: '', published: false }), new Set()).record).toMatchObject({ published: false, shareHash: null });
  });
});

/**
 * Persistence rules of the issuer service, on every storage target (PGlite always, PostgreSQL
 * when DATABASE_URL is set): tenant scoping, child tables, revocation, batch atomicity.
 */
import { applyMigrations, databaseTargets, newEntityId, openDatabase, prismaSqlSession, type Database, type ScratchDatabase } from '@badges/persistence';
import { tenantScope } from '@badges/service-kit';

import { AssertionsRepository, type NewAssertion } from './assertions/assertions.repository';
import { BadgeClassesRepository, type BadgeClassFields } from './badge-classes/badge-classes.repository';
import { ImagesRepository } from './images/images.repository';
import { InstitutionsRepository } from './institutions/institutions.repository';
import { ISSUER_MIGRATIONS_DIR, ISSUER_SCHEMA } from './issuer.app';
import { IssuersRepository } from './issuers/issuers.repository';
import { IssuerPrismaService } from './prisma/issuer-prisma.service';
import { PublicDocumentsRepository } from './public-documents/public-documents.repository';

const A = tenantScope('inst-a');
const B = tenantScope('inst-b');
const image = { contentType: 'image/png' as const, bytes: Buffer.from('png-bytes'), sha256: 'x'.repeat(64) };

describe.each(databaseTargets())('issuer repositories on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let prisma: IssuerPrismaService;
  let institutions: InstitutionsRepository;
  let images: ImagesRepository;
  let issuers: IssuersRepository;
  let badgeClasses: BadgeClassesRepository;
  let assertions: AssertionsRepository;

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    expect(await applyMigrations(database, { schema: ISSUER_SCHEMA, migrationsDir: ISSUER_MIGRATIONS_DIR })).toEqual(expect.arrayContaining(['0001_init', '0002_outbox']));
    prisma = new IssuerPrismaService(database);
    institutions = new InstitutionsRepository(prisma);
    images = new ImagesRepository(prisma);
    issuers = new IssuersRepository(prisma);
    badgeClasses = new BadgeClassesRepository(prisma);
    assertions = new AssertionsRepository(prisma);
    await institutions.upsert('inst-a', 'Institution A');
    await institutions.upsert('inst-b', 'Institution B');
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await database.close();
    await scratch.dispose();
  });

  const newIssuer = (scope = A) =>
    prisma.$transaction(async (tx) => {
      const imageId = await images.create(scope, image, tx);
      return issuers.create(scope, { name: 'Science', description: null, email: 'sci@example.edu', url: 'https://example.edu', credentialProof: 'eddsa-rdfc-2022', imageId, createdBy: null }, tx);
    });

  const classFields = (imageId: string): BadgeClassFields => ({
    name: 'Lab Safety',
    description: 'Done',
    imageId,
    criteriaUrl: null,
    criteriaNarrative: 'Pass',
    tags: ['lab'],
    expiresAmount: null,
    expiresDuration: null,
    language: 'en',
    verification: 'hosted',
    openBadgesVersion: '2.0',
  });

  const newBadgeClass = async (issuerId: string, scope = A) =>
    prisma.$transaction(async (tx) => {
      const imageId = await images.create(scope, image, tx);
      return badgeClasses.create(
        scope,
        issuerId,
        { ...classFields(imageId), createdBy: null },
        {
          alignments: [{ targetName: 'Std', targetUrl: 'https://std.example.org', targetDescription: null, targetFramework: null, targetCode: 'S1' }],
          translations: [{ language: 'fr', name: 'Sécurité', description: null, criteriaNarrative: 'Réussir' }],
        },
        tx,
      );
    });

  const newAssertionRow = (issuerId: string, badgeClassId: string, lookup = 'lookup-1'): NewAssertion => ({
    id: newEntityId(),
    issuerId,
    badgeClassId,
    recipientType: 'email',
    recipientIdentity: 'sha256$abc',
    recipientName: null,
    openBadgesVersion: '2.0',
    recipientHashed: true,
    recipientSalt: 'salt',
    recipientLookup: lookup,
    narrative: null,
    issuedOn: new Date('2024-05-01T00:00:00Z'),
    expires: null,
    notify: false,
    createdBy: null,
    evidence: [{ url: 'https://evidence.example.org/1', narrative: 'Did it' }],
  });

  it('upserts institutions idempotently', async () => {
    expect(await institutions.upsert('inst-c', 'C')).toEqual({ institution: { id: 'inst-c', name: 'C' }, created: true });
    expect(await institutions.upsert('inst-c', 'C renamed')).toEqual({ institution: { id: 'inst-c', name: 'C renamed' }, created: false });
    expect(await institutions.exists(tenantScope('inst-c'))).toBe(true);
    expect(await institutions.exists(tenantScope('inst-unknown'))).toBe(false);
  });

  it('keeps issuers inside their institution: B cannot read, list, update or delete A\'s issuer', async () => {
    const issuer = await newIssuer(A);
    expect(await issuers.findById(A, issuer.id)).toMatchObject({ id: issuer.id, institutionId: 'inst-a' });
    expect(await issuers.findById(B, issuer.id)).toBeNull();
    expect((await issuers.list(B)).map((i) => i.id)).not.toContain(issuer.id);
    expect(await issuers.update(B, issuer.id, { name: 'Hijacked', description: null, email: 'x@example.org', url: 'https://x.example.org', credentialProof: 'vc-jwt' })).toBeNull();
    expect(await prisma.$transaction((tx) => issuers.delete(B, issuer.id, tx))).toEqual({ outcome: 'not_found' });
    expect((await issuers.findById(A, issuer.id))?.name).toBe('Science');
  });

  it('refuses at the database level to attach a badge class to another institution\'s issuer', async () => {
    const issuerOfA = await newIssuer(A);
    await expect(
      prisma.$transaction(async (tx) => {
        const imageId = await images.create(B, image, tx);
        return badgeClasses.create(B, issuerOfA.id, { ...classFields(imageId), createdBy: null }, {}, tx);
      }),
    ).rejects.toThrow(/foreign key/i); // P2003 on Postgres; PGlite's adapter surfaces the raw driver error
  });

  it('refuses at the database level a verification outside the contract\'s list, on create and on update', async () => {
    const issuer = await newIssuer(A);
    // Forced past the type, as a bug or a hand-written write would: the CHECK constraint is the last line.
    const unlisted = 'other' as BadgeClassFields['verification'];
    const refused = /badge_classes_verification_check/;
    await expect(
      prisma.$transaction(async (tx) => badgeClasses.create(A, issuer.id, { ...classFields(await images.create(A, image, tx)), verification: unlisted, createdBy: null }, {}, tx)),
    ).rejects.toThrow(refused);
    const badgeClass = await newBadgeClass(issuer.id);
    await expect(prisma.$transaction((tx) => badgeClasses.update(A, badgeClass.id, { ...classFields(badgeClass.imageId), verification: unlisted }, {}, tx))).rejects.toThrow(refused);
    expect((await badgeClasses.findById(A, badgeClass.id))?.verification).toBe('hosted');
  });

  it('stores badge classes with alignments and translations, scoped, and replaces children on update', async () => {
    const issuer = await newIssuer(A);
    const created = await newBadgeClass(issuer.id);
    expect(created.alignments).toMatchObject([{ targetName: 'Std', position: 0, targetCode: 'S1' }]);
    expect(created.translations).toMatchObject([{ language: 'fr', name: 'Sécurité' }]);
    expect(await badgeClasses.findById(B, created.id)).toBeNull();
    expect(await prisma.$transaction((tx) => badgeClasses.update(B, created.id, classFields(created.imageId), {}, tx))).toBeNull();

    const updated = await prisma.$transaction((tx) =>
      badgeClasses.update(A, created.id, { ...classFields(created.imageId), name: 'Lab Safety II' }, { translations: [{ language: 'de', name: 'Laborsicherheit', description: null, criteriaNarrative: null }] }, tx),
    );
    expect(updated?.name).toBe('Lab Safety II');
    expect(updated?.translations.map((t) => t.language)).toEqual(['de']);
    expect(updated?.alignments).toHaveLength(1); // undefined children are kept
    expect((await badgeClasses.list(A, { issuerId: issuer.id })).map((c) => c.id)).toEqual([created.id]);
    expect(await badgeClasses.list(B, { issuerId: issuer.id })).toEqual([]);
  });

  it('refuses to delete an issuer with badge classes, or a badge class with assertions', async () => {
    const issuer = await newIssuer(A);
    const badgeClass = await newBadgeClass(issuer.id);
    expect(await prisma.$transaction((tx) => issuers.delete(A, issuer.id, tx))).toEqual({ outcome: 'in_use' });
    await prisma.$transaction((tx) => assertions.createMany(A, [newAssertionRow(issuer.id, badgeClass.id)], prismaSqlSession(tx)));
    expect(await prisma.$transaction((tx) => badgeClasses.delete(A, badgeClass.id, tx))).toEqual({ outcome: 'in_use' });
    expect(await prisma.$transaction((tx) => badgeClasses.delete(B, badgeClass.id, tx))).toEqual({ outcome: 'not_found' });
  });

  it('deletes a badge class with its children, then its issuer', async () => {
    const issuer = await newIssuer(A);
    const badgeClass = await newBadgeClass(issuer.id);
    expect(await prisma.$transaction((tx) => badgeClasses.delete(A, badgeClass.id, tx))).toEqual({ outcome: 'deleted', imageId: badgeClass.imageId });
    expect(await prisma.badgeClassTranslation.count({ where: { badgeClassId: badgeClass.id } })).toBe(0);
    expect(await prisma.badgeClassAlignment.count({ where: { badgeClassId: badgeClass.id } })).toBe(0);
    expect(await prisma.$transaction((tx) => issuers.delete(A, issuer.id, tx))).toMatchObject({ outcome: 'deleted' });
  });

  it('writes a batch of assertions with evidence all-or-nothing', async () => {
    const issuer = await newIssuer(A);
    const badgeClass = await newBadgeClass(issuer.id);
    const good = [newAssertionRow(issuer.id, badgeClass.id), newAssertionRow(issuer.id, badgeClass.id)];
    const created = await prisma.$transaction((tx) => assertions.createMany(A, good, prismaSqlSession(tx)));
    expect(created.map((a) => a.id)).toEqual(good.map((g) => g.id));
    expect(created[0].evidence).toMatchObject([{ url: 'https://evidence.example.org/1', position: 0 }]);

    // The second row reuses an id: the whole batch (and the first row's evidence) must roll back.
    const fresh = newAssertionRow(issuer.id, badgeClass.id);
    const clash = { ...newAssertionRow(issuer.id, badgeClass.id), id: good[0].id };
    await expect(prisma.$transaction((tx) => assertions.createMany(A, [fresh, clash], prismaSqlSession(tx)))).rejects.toBeDefined();
    expect(await assertions.findById(A, fresh.id)).toBeNull();
    expect(await prisma.assertionEvidence.count({ where: { assertionId: fresh.id } })).toBe(0);
  });

  it('scopes assertion reads and revocation, and revokes exactly once', async () => {
    const issuer = await newIssuer(A);
    const badgeClass = await newBadgeClass(issuer.id);
    const [assertion] = await prisma.$transaction((tx) => assertions.createMany(A, [newAssertionRow(issuer.id, badgeClass.id)], prismaSqlSession(tx)));
    expect(await assertions.findById(B, assertion.id)).toBeNull();
    expect(await assertions.revoke(B, assertion.id, 'nope', new Date())).toEqual({ outcome: 'not_found' });
    expect((await assertions.findById(A, assertion.id))?.revoked).toBe(false);

    const first = await assertions.revoke(A, assertion.id, 'Issued in error', new Date());
    expect(first).toMatchObject({ outcome: 'revoked', assertion: { revoked: true, revocationReason: 'Issued in error' } });
    expect(await assertions.revoke(A, assertion.id, 'again', new Date())).toEqual({ outcome: 'already_revoked' });
    expect((await assertions.findById(A, assertion.id))?.revocationReason).toBe('Issued in error');
  });

  it('lists assertions newest first with a keyset cursor, hiding revoked ones unless asked', async () => {
    const issuer = await newIssuer(A);
    const badgeClass = await newBadgeClass(issuer.id);
    const rows = [0, 1, 2].map((n) => newAssertionRow(issuer.id, badgeClass.id, `lookup-${n}`));
    for (const row of rows) await prisma.$transaction((tx) => assertions.createMany(A, [row], prismaSqlSession(tx)));
    const filter = { badgeClassId: badgeClass.id, includeRevoked: false, includeExpired: false, now: new Date() };
    const first = await assertions.list(A, filter, { num: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([rows[2].id, rows[1].id]);
    expect(first.next).toBeDefined();
    const second = await assertions.list(A, filter, { num: 2, after: first.next });
    expect(second.rows.map((r) => r.id)).toEqual([rows[0].id]);
    expect(second.next).toBeUndefined();

    await assertions.revoke(A, rows[1].id, 'r', new Date());
    expect((await assertions.list(A, filter, { num: 10 })).rows).toHaveLength(2);
    expect((await assertions.list(A, { ...filter, includeRevoked: true }, { num: 10 })).rows).toHaveLength(3);
    expect((await assertions.list(A, { ...filter, recipientLookups: ['lookup-0'] }, { num: 10 })).rows.map((r) => r.id)).toEqual([rows[0].id]);
    expect((await assertions.list(B, filter, { num: 10 })).rows).toEqual([]);
    expect(await assertions.liveAwardLookups(A, badgeClass.id, ['lookup-0', 'lookup-1'], database)).toEqual(new Set(['lookup-0']));
  });

  it('serves public documents by id only through the read-only public repository', async () => {
    const issuer = await newIssuer(A);
    const badgeClass = await newBadgeClass(issuer.id);
    const [assertion] = await prisma.$transaction((tx) => assertions.createMany(A, [newAssertionRow(issuer.id, badgeClass.id)], prismaSqlSession(tx)));
    const documents = new PublicDocumentsRepository(prisma);
    expect((await documents.findAssertions([assertion.id]))[0]?.badgeClass.translations).toHaveLength(1);
    expect((await documents.findBadgeClass(badgeClass.id))?.issuer.id).toBe(issuer.id);
    expect((await documents.findImage(badgeClass.imageId))?.bytes.toString()).toBe('png-bytes');
    expect(await documents.findIssuer('missing')).toBeNull();
  });
});

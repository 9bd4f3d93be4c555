import { createHash } from 'node:crypto';

import { tinyPng } from '../tiny-png';
import type { AssertionFlaw, StandinAssertion, StandinBadgeClass, StandinCollection, StandinDataset, StandinIssuer, StandinUser } from './standin-model';

/**
 * The deterministic Badgr the issue asks for (#18): 2 institutions (one Badgr account each), 5
 * issuers, 50 badge classes, 20,000 assertions (revoked, expired, hashed, unhashed, url and
 * openBadgeId identities, some with extensions) and a few broken on purpose, plus learners with
 * backpacks and collections. `small` keeps every kind of item with far fewer assertions.
 */
export type StandinSize = 'small' | 'full';

const SIZES: Record<StandinSize, { badgeClassesPerIssuer: number; assertions: number }> = {
  small: { badgeClassesPerIssuer: 2, assertions: 300 },
  full: { badgeClassesPerIssuer: 10, assertions: 20_000 },
};

/** Issuers per institution: 3 and 2. */
const ISSUERS_OF_INSTITUTION = [3, 2];
export const STANDIN_PASSWORD = 'correct horse battery staple';
/** Learners who have Badgr accounts (with backpacks); recipients beyond them have none. */
export const LEARNERS_WITH_ACCOUNTS = 3;
const RECIPIENT_POOL = 4_000;
const START = Date.UTC(2018, 0, 8, 9, 0, 0);
const DAY = 86_400_000;

/** Where, among the assertions, the broken ones sit (a few of each flaw, the same in both sizes). */
const FLAWS: ReadonlyArray<[number, AssertionFlaw]> = [
  [7, 'badge_class_missing'],
  [131, 'badge_class_missing'],
  [53, 'invalid_date'],
  [211, 'invalid_date'],
  [97, 'recipient_hash_mismatch'],
  [173, 'unexpected_shape'],
];

export function learnerEmail(n: number): string {
  return `learner${n}@learners.example`;
}

export function generateDataset(size: StandinSize = 'small'): StandinDataset {
  const random = seeded(18);
  const ids = () => entityId(random);
  const media: StandinDataset['media'] = new Map();
  const users = makeUsers(ids);
  const issuers = makeIssuers(ids, users, media);
  const badgeClasses = issuers.flatMap((issuer, i) => makeBadgeClasses(ids, issuer, i, SIZES[size].badgeClassesPerIssuer, users, media));
  const assertions: StandinAssertion[] = [];
  const flaws = new Map(FLAWS);
  for (let n = 0; n < SIZES[size].assertions; n++) {
    assertions.push(makeAssertion(random, ids, n, badgeClasses[n % badgeClasses.length], issuers, flaws.get(n) ?? null));
  }
  const collections = makeCollections(ids, users, assertions);
  return { users, issuers, badgeClasses, assertions, collections, media };
}

/** A new assertion, as a test adds between two runs. */
export function newAssertion(dataset: StandinDataset, n: number, at: Date): StandinAssertion {
  const random = seeded(10_000 + n + dataset.assertions.length);
  const badgeClass = dataset.badgeClasses[n % dataset.badgeClasses.length];
  const made = makeAssertion(random, () => entityId(random), n, badgeClass, dataset.issuers, null);
  return { ...made, createdAt: at, updatedAt: at, issuedOn: at, expiresAt: null, revoked: false, revocationReason: null };
}

function makeUsers(ids: () => string): StandinUser[] {
  const admins = [0, 1].map((institution) => ({
    entityId: ids(),
    username: `badges@institution${institution + 1}.example`,
    password: STANDIN_PASSWORD,
    firstName: ['Maya', 'Luc'][institution],
    lastName: ['Tremblay', 'Gagnon'][institution],
    emails: [{ email: `badges@institution${institution + 1}.example`, verified: true, primary: true }],
    institution,
  }));
  const editors = [0, 1].map((institution) => ({
    entityId: ids(),
    username: `editor@institution${institution + 1}.example`,
    password: STANDIN_PASSWORD,
    firstName: 'Sam',
    lastName: ['Martin', 'Roy'][institution],
    emails: [
      { email: `Editor@Institution${institution + 1}.example`, verified: false, primary: false },
      { email: `editor@institution${institution + 1}.example`, verified: true, primary: true },
    ],
    institution,
  }));
  const learners = Array.from({ length: LEARNERS_WITH_ACCOUNTS }, (_, n) => ({
    entityId: ids(),
    username: learnerEmail(n),
    password: STANDIN_PASSWORD,
    firstName: ['Amélie', 'Jordan', 'Priya'][n % 3],
    lastName: `Learner ${n}`,
    emails: [
      { email: learnerEmail(n), verified: true, primary: true },
      { email: `unverified${n}@learners.example`, verified: false, primary: false },
    ],
    institution: null,
  }));
  return [...admins, ...editors, ...learners];
}

function makeIssuers(ids: () => string, users: StandinUser[], media: StandinDataset['media']): StandinIssuer[] {
  const issuers: StandinIssuer[] = [];
  ISSUERS_OF_INSTITUTION.forEach((count, institution) => {
    const [admin, editor] = [users[institution], users[2 + institution]];
    for (let i = 0; i < count; i++) {
      const n = issuers.length;
      const imageFile = n % 2 === 0 ? `uploads/issuers/issuer_logo_${n}.png` : null;
      if (imageFile) media.set(imageFile, { contentType: 'image/png', bytes: tinyPng(16, 16, [20 * n, 90, 160, 255]) });
      issuers.push({
        entityId: ids(),
        institution,
        createdAt: new Date(START + n * DAY),
        updatedAt: new Date(START + n * DAY + 3_600_000),
        createdBy: admin.entityId,
        name: `Institution ${institution + 1}, School ${i + 1}`,
        email: `school${i + 1}@institution${institution + 1}.example`,
        description: i === 1 ? null : `Badges of school ${i + 1}.`,
        url: `https://institution${institution + 1}.example/school${i + 1}`,
        imageFile,
        staff: [
          { userId: admin.entityId, role: 'owner' },
          { userId: editor.entityId, role: i === 0 ? 'editor' : 'staff' },
        ],
      });
    }
  });
  return issuers;
}

function makeBadgeClasses(ids: () => string, issuer: StandinIssuer, issuerIndex: number, count: number, users: StandinUser[], media: StandinDataset['media']): StandinBadgeClass[] {
  return Array.from({ length: count }, (_, i) => {
    const n = issuerIndex * count + i;
    const flaw = n === 3 ? ('image_unreadable' as const) : null;
    const svg = n === 1;
    const imageFile = `uploads/badges/issuer_badgeclass_${n}.${svg ? 'svg' : 'png'}`;
    media.set(imageFile, flaw ? { contentType: 'image/png', bytes: Buffer.from('this was a PNG before the disk failed') } : svg ? { contentType: 'image/svg+xml', bytes: badgeSvg(n) } : { contentType: 'image/png', bytes: tinyPng(24, 24, [40 + n, 120, 200 - n, 255]) });
    const expires = [null, [1, 'years'], [6, 'months'], null, [90, 'days']][n % 5] as [number, 'days' | 'months' | 'years'] | null;
    return {
      entityId: ids(),
      issuerId: issuer.entityId,
      createdAt: new Date(issuer.createdAt.getTime() + (i + 1) * DAY),
      updatedAt: new Date(issuer.createdAt.getTime() + (i + 1) * DAY + 60_000),
      createdBy: users[issuer.institution].entityId,
      name: `Badge ${n + 1}: ${['Safety', 'Leadership', 'First Aid', 'Welding', 'Data Literacy'][n % 5]}`,
      description: n % 7 === 6 ? '' : `Awarded for badge ${n + 1}.`,
      imageFile,
      criteriaUrl: n % 3 === 0 ? `https://institution${issuer.institution + 1}.example/criteria/${n}` : null,
      criteriaText: n % 3 === 0 ? null : `Complete module ${n + 1} and pass its **assessment**.`,
      alignments: n % 4 === 0 ? [{ targetName: 'Essential Skills', targetUrl: 'https://example.org/skills/essential', targetDescription: null, targetFramework: 'ES', targetCode: `ES-${n}` }] : [],
      tags: n % 2 === 0 ? ['skills', `level-${n % 3}`] : [],
      expiresAmount: expires ? expires[0] : null,
      expiresDuration: expires ? expires[1] : null,
      flaw,
    };
  });
}

function makeAssertion(random: () => number, ids: () => string, n: number, badgeClass: StandinBadgeClass, issuers: StandinIssuer[], flaw: AssertionFlaw | null): StandinAssertion {
  const issuer = issuers.find((candidate) => candidate.entityId === badgeClass.issuerId) as StandinIssuer;
  const createdAt = new Date(badgeClass.createdAt.getTime() + DAY + n * 97_000 + Math.floor(random() * 1000));
  const kind = n % 20;
  // Every seventh award goes to a learner who has a Badgr account, so their backpacks fill up.
  const learner = n % 7 === 0 ? (n / 7) % LEARNERS_WITH_ACCOUNTS : LEARNERS_WITH_ACCOUNTS + (n % RECIPIENT_POOL);
  const recipient =
    kind === 0
      ? { recipientType: 'url', recipientIdentifier: `https://portfolio.example/people/${n}`, hashed: false }
      : kind === 1
        ? { recipientType: 'email', recipientIdentifier: learnerEmail(learner), hashed: false }
        : kind === 2 && n % 40 === 2
          ? { recipientType: 'openBadgeId', recipientIdentifier: `https://profiles.example/${n}`, hashed: false }
          : { recipientType: 'email', recipientIdentifier: learnerEmail(learner), hashed: true };
  const expired = n % 10 === 4;
  const expiresAt = expired ? new Date(createdAt.getTime() + 30 * DAY) : n % 10 === 5 ? new Date(Date.UTC(2031, 0, 1)) : null;
  const revoked = n % 25 === 3;
  return {
    entityId: ids(),
    badgeClassId: flaw === 'badge_class_missing' ? ids() : badgeClass.entityId,
    issuerId: issuer.entityId,
    createdAt,
    updatedAt: new Date(createdAt.getTime() + (revoked ? 40 * DAY : 0)),
    createdBy: issuer.createdBy,
    ...recipient,
    recipientType: flaw === 'unexpected_shape' ? 'fax' : recipient.recipientType,
    salt: createHash('md5').update(`salt-${n}-${random()}`).digest('hex'),
    issuedOn: flaw === 'invalid_date' ? '2019-02-30T10:00:00Z' : createdAt,
    narrative: n % 3 === 0 ? `Narrative of award ${n}.` : null,
    evidence: n % 6 === 0 ? [{ url: `https://evidence.example/${n}`, narrative: null }, { url: null, narrative: 'Observed on site.' }] : [],
    revoked,
    revocationReason: revoked ? (n % 2 === 0 ? 'Awarded in error' : 'Academic misconduct') : null,
    acceptance: (['Unaccepted', 'Accepted', 'Accepted', 'Rejected'] as const)[n % 4],
    expiresAt,
    extensions: n % 500 === 11 ? { 'extensions:RecipientProfile': { '@context': 'https://openbadgespec.org/extensions/recipientProfile/context.json', type: ['Extension', 'extensions:RecipientProfile'], name: `Recipient ${n}` } } : {},
    flaw,
  };
}

/** Two collections per learner with an account: one published, one private, from their own badges. */
function makeCollections(ids: () => string, users: StandinUser[], assertions: StandinAssertion[]): StandinCollection[] {
  return users
    .filter((user) => user.institution === null)
    .flatMap((user, n) => {
      const mine = assertions.filter((a) => a.recipientType === 'email' && a.recipientIdentifier === user.username && a.flaw === null);
      return [
        { entityId: ids(), ownerId: user.entityId, createdAt: new Date(START + 900 * DAY + n), name: 'My best work', description: 'Badges I am proud of.', shareHash: `share${n}`.padEnd(32, '0'), assertionIds: mine.slice(0, 3).map((a) => a.entityId) },
        { entityId: ids(), ownerId: user.entityId, createdAt: new Date(START + 901 * DAY + n), name: 'Everything', description: null, shareHash: '', assertionIds: mine.map((a) => a.entityId) },
      ];
    });
}

function badgeSvg(n: number): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#2b6cb0"/><text x="32" y="38" font-size="16" text-anchor="middle" fill="#fff">${n}</text></svg>`);
}

/** Badgr's generate_entity_uri: a uuid4 as url-safe base64 without padding (22 characters). */
function entityId(random: () => number): string {
  const bytes = Buffer.from(Array.from({ length: 16 }, () => Math.floor(random() * 256)));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return bytes.toString('base64url');
}

/** mulberry32: the same dataset on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

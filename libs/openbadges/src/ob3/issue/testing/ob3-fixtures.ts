import { generateKeyPairSync } from 'node:crypto';

import * as jsonld from 'jsonld';
import type { ContextDefinition, JsonLdDocument, Options } from 'jsonld';
import { createBundledDocumentLoader } from '../../../context/bundled-document-loader';
import { hashIdentity } from '../../../recipient/hash-identity';
import type { OpenBadgeCredentialInput } from '../inputs';

// Shared by the ob3/issue specs: a realistic award and a JSON-LD check. Not exported from the lib.

export const PUBLIC_URL = 'https://badges.example.edu';
export const ISSUER_DID = 'did:web:badges.example.edu:public:issuers:iss1';
export const ACHIEVEMENT_ID = `${PUBLIC_URL}/public/badges/bc1`;
export const STATUS_LIST_URL = `${PUBLIC_URL}/public/issuers/iss1/status/0`;

/** An award with every optional field set, to a hashed email recipient. */
export function fullInput(overrides: Partial<OpenBadgeCredentialInput> = {}): OpenBadgeCredentialInput {
  return {
    id: `${PUBLIC_URL}/public/credentials/as1`,
    issuer: {
      id: ISSUER_DID,
      name: 'Faculté des sciences',
      url: `${PUBLIC_URL}/public/issuers/iss1`,
      email: 'badges@example.edu',
      description: 'Science faculty',
      image: `${PUBLIC_URL}/public/issuers/iss1/image`,
    },
    achievement: {
      id: ACHIEVEMENT_ID,
      name: 'Robotique',
      description: 'Pour celles et ceux qui construisent des robots.',
      image: `${ACHIEVEMENT_ID}/image`,
      criteria: { id: `${ACHIEVEMENT_ID}/criteria`, narrative: 'Construire un robot **qui roule**.' },
      alignment: [
        {
          targetName: 'Mechatronics',
          targetUrl: 'https://framework.example.org/mechatronics',
          targetDescription: 'Mechanical and electronic systems',
          targetFramework: 'Example framework',
          targetCode: 'MX-1',
        },
      ],
      tags: ['robots', 'STEM'],
      language: 'fr',
      translations: [{ language: 'en', name: 'Robotics', description: 'For people who build robots.', criteriaNarrative: 'Build a robot.' }],
      endorsement: [endorsementCredential()],
    },
    recipient: { type: 'email', identity: hashIdentity('learner@example.org', 'deadsea'), hashed: true, salt: 'deadsea' },
    validFrom: '2024-05-01T10:00:00Z',
    validUntil: '2029-05-01T10:00:00Z',
    narrative: 'Built a line-following robot.',
    evidence: [{ id: 'https://portfolio.example.org/robot', name: 'My robot', description: 'Photos', narrative: 'It follows lines.', genre: 'Project', audience: 'Teachers' }],
    image: `${PUBLIC_URL}/public/assertions/as1/image`,
    status: { statusListCredential: STATUS_LIST_URL, statusListIndex: 94567 },
    ...overrides,
  };
}

/** An (unsigned) OB 3.0 EndorsementCredential of the achievement, as an endorser would send it. */
export function endorsementCredential(): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'https://endorser.example.org/endorsements/e1',
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsement of Robotique',
    issuer: { id: 'did:web:endorser.example.org', type: ['Profile'], name: 'Robotics Society' },
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: ACHIEVEMENT_ID, type: ['EndorsementSubject'], endorsementComment: 'A demanding badge.' },
  };
}

const documentLoader = createBundledDocumentLoader() as unknown as Options.DocLoader['documentLoader'];

/**
 * Expands `doc` in JSON-LD safe mode (a term no context defines, or a relative IRI, is an error
 * instead of being dropped), then compacts it back with its own contexts: every property must come
 * back as written (one-element arrays may come back as single values, which is not a loss).
 */
export async function expectNoTermDropped(doc: Record<string, unknown>): Promise<void> {
  const expanded = await jsonld.expand(doc as JsonLdDocument, { documentLoader, safe: true } as Options.Expand);
  const compacted = await jsonld.compact(expanded, { '@context': doc['@context'] } as unknown as ContextDefinition, { documentLoader });
  expect(unwrapSingletons(compacted)).toEqual(unwrapSingletons(doc));
}

/** One-element arrays as their element, and no nested `@context` (compaction folds an embedded credential's contexts into the outer one). */
function unwrapSingletons(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 1 ? unwrapSingletons(value[0]) : value.map(unwrapSingletons);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '@context').map(([k, v]) => [k, unwrapSingletons(v)]));
  }
  return value;
}

/** A fresh RS256 (RSA 2048) or ES256 (P-256) key pair as PKCS#8 / SPKI PEM, the way the issuer stores them. */
export function pemKeyPair(kind: 'rsa' | 'ec'): { privateKey: string; publicKey: string } {
  const privateKeyEncoding = { type: 'pkcs8', format: 'pem' } as const;
  const publicKeyEncoding = { type: 'spki', format: 'pem' } as const;
  return kind === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding, publicKeyEncoding })
    : generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding, publicKeyEncoding });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONFORMANCE_DIR } from '../testing/conformance-dir';
import { validateNode } from '../validation';
import { buildEndorsement } from './build-endorsement';
import { buildRevokedEndorsement } from './build-revoked-endorsement';

/**
 * Every Endorsement fixture of the shared conformance corpus (../shared/conformance) that is
 * strict JSON validates with the library; the endorsement service's documents have their shape.
 * (index-24 is printed in the spec with trailing commas, so it is not JSON and not listed.)
 */
const SPEC = join(CONFORMANCE_DIR, 'openbadges-specification/ob_v2p0');
const ENDORSEMENTS = [
  `${SPEC}/examples/extracted/index-25-endorsement-examples.json`,
  `${SPEC}/examples/extracted/index-26-endorsement-examples.json`,
  `${SPEC}/extracted/index-03-endorsement.json`,
  join(CONFORMANCE_DIR, 'openbadges-validator-core/pr246/tests/testfiles/test_components/2_0_basic_endorsement.json'),
];
const REVOKED = `${SPEC}/examples/extracted/index-27-endorsement-examples.json`;
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('endorsement fixtures of the conformance corpus', () => {
  it.each(ENDORSEMENTS.map((path) => [path.slice(CONFORMANCE_DIR.length + 1), path]))('%s is a valid Endorsement', (_name, path) => {
    const document = read(path);
    expect(document.type).toBe('Endorsement');
    expect(validateNode(document, 'Endorsement')).toEqual([]);
  });

  it('a document built like the endorsement service builds it has the fixture\'s shape and validates', () => {
    const fixture = read(ENDORSEMENTS[3]);
    const built = buildEndorsement({
      id: fixture.id as string,
      issuer: fixture.issuer as string,
      claim: fixture.claim as { id: string; endorsementComment: string },
      issuedOn: fixture.issuedOn as string,
      verification: { type: 'hosted' },
    });
    expect(validateNode(built, 'Endorsement')).toEqual([]);
    expect({ ...built, verification: undefined }).toEqual({ ...fixture, verification: undefined });
  });

  it('the revoked Endorsement the service serves with 410 is the spec\'s revoked example', () => {
    const fixture = read(REVOKED);
    expect(buildRevokedEndorsement({ id: fixture.id as string, issuer: fixture.issuer as string, revocationReason: fixture.revocationReason as string })).toEqual(fixture);
  });
});

import { hashIdentity } from '../../recipient/hash-identity';
import { buildOpenBadgeCredential } from './build-credential';
import { ACHIEVEMENT_ID, endorsementCredential, expectNoTermDropped, fullInput, ISSUER_DID, PUBLIC_URL, STATUS_LIST_URL } from './testing/ob3-fixtures';

describe('buildOpenBadgeCredential', () => {
  it('builds the OpenBadgeCredential of OB 3.0 on the VC 2.0 data model', () => {
    const credential = buildOpenBadgeCredential(fullInput());

    expect(credential).toEqual({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      ],
      id: `${PUBLIC_URL}/public/credentials/as1`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Robotique',
      issuer: {
        id: ISSUER_DID,
        type: ['Profile'],
        name: 'Faculté des sciences',
        url: `${PUBLIC_URL}/public/issuers/iss1`,
        email: 'badges@example.edu',
        description: 'Science faculty',
        image: { id: `${PUBLIC_URL}/public/issuers/iss1/image`, type: 'Image' },
      },
      validFrom: '2024-05-01T10:00:00Z',
      validUntil: '2029-05-01T10:00:00Z',
      credentialSubject: {
        identifier: [{ type: 'IdentityObject', identityHash: hashIdentity('learner@example.org', 'deadsea'), identityType: 'emailAddress', hashed: true, salt: 'deadsea' }],
        type: ['AchievementSubject'],
        achievement: {
          id: ACHIEVEMENT_ID,
          type: ['Achievement'],
          name: 'Robotique',
          description: 'Pour celles et ceux qui construisent des robots.',
          criteria: { id: `${ACHIEVEMENT_ID}/criteria`, narrative: 'Construire un robot **qui roule**.' },
          image: { id: `${ACHIEVEMENT_ID}/image`, type: 'Image' },
          alignment: [
            {
              type: ['Alignment'],
              targetName: 'Mechatronics',
              targetUrl: 'https://framework.example.org/mechatronics',
              targetDescription: 'Mechanical and electronic systems',
              targetFramework: 'Example framework',
              targetCode: 'MX-1',
            },
          ],
          tag: ['robots', 'STEM'],
          inLanguage: 'fr',
          related: [{ id: `${ACHIEVEMENT_ID}?lang=en`, type: ['Related'], inLanguage: 'en' }],
          endorsement: [endorsementCredential()],
        },
        image: { id: `${PUBLIC_URL}/public/assertions/as1/image`, type: 'Image' },
        narrative: 'Built a line-following robot.',
      },
      evidence: [
        {
          id: 'https://portfolio.example.org/robot',
          type: ['Evidence'],
          narrative: 'It follows lines.',
          name: 'My robot',
          description: 'Photos',
          genre: 'Project',
          audience: 'Teachers',
        },
      ],
      credentialSchema: [
        { id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' },
      ],
      credentialStatus: {
        id: `${STATUS_LIST_URL}#94567`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '94567',
        statusListCredential: STATUS_LIST_URL,
      },
    });
  });

  it('expands in JSON-LD safe mode with the bundled contexts, every term kept', async () => {
    await expectNoTermDropped(buildOpenBadgeCredential(fullInput()));
    await expectNoTermDropped(buildOpenBadgeCredential(fullInput({ recipient: { type: 'id', identity: 'did:example:learner' } })));
  });

  it('is refused by the same check when it carries a term no context defines', async () => {
    const credential = buildOpenBadgeCredential(fullInput());
    await expect(expectNoTermDropped({ ...credential, badgeClass: 'x' })).rejects.toThrow(/[Ss]afe mode/);
    const subject = credential.credentialSubject as Record<string, unknown>;
    await expect(expectNoTermDropped({ ...credential, credentialSubject: { ...subject, recipient: 'x' } })).rejects.toThrow(/[Ss]afe mode/);
  });

  it('leaves out what was not given', async () => {
    const credential = buildOpenBadgeCredential({
      id: `${PUBLIC_URL}/public/credentials/as2`,
      issuer: { id: ISSUER_DID, name: 'Science', url: `${PUBLIC_URL}/public/issuers/iss1` },
      achievement: { id: ACHIEVEMENT_ID, name: 'Robotics', description: 'Robots.', image: 'data:image/png;base64,iVBORw0KGgo=', criteria: { narrative: 'Build one.' } },
      recipient: { type: 'url', identity: 'https://learner.example.org', hashed: false },
      validFrom: new Date('2024-05-01T10:00:00.000Z'),
      evidence: [],
      status: { statusListCredential: STATUS_LIST_URL, statusListIndex: 0 },
    });

    expect(Object.keys(credential)).toEqual(['@context', 'id', 'type', 'name', 'issuer', 'validFrom', 'credentialSubject', 'credentialSchema', 'credentialStatus']);
    expect(credential.issuer).toEqual({ id: ISSUER_DID, type: ['Profile'], name: 'Science', url: `${PUBLIC_URL}/public/issuers/iss1` });
    expect(credential.credentialSubject).toEqual({
      identifier: [{ type: 'IdentityObject', identityHash: 'https://learner.example.org', identityType: 'url', hashed: false }],
      type: ['AchievementSubject'],
      achievement: {
        id: ACHIEVEMENT_ID,
        type: ['Achievement'],
        name: 'Robotics',
        description: 'Robots.',
        criteria: { narrative: 'Build one.' },
        image: { id: 'data:image/png;base64,iVBORw0KGgo=', type: 'Image' },
      },
    });
    expect(JSON.stringify(credential)).not.toContain('undefined');
    await expectNoTermDropped(credential);
  });

  it('names an id recipient as the subject, and a telephone as a phoneNumber IdentityObject', () => {
    const byId = buildOpenBadgeCredential(fullInput({ recipient: { type: 'id', identity: 'did:example:learner' } }));
    expect(byId.credentialSubject).toMatchObject({ id: 'did:example:learner', type: ['AchievementSubject'] });
    expect(byId.credentialSubject).not.toHaveProperty('identifier');

    const byPhone = buildOpenBadgeCredential(fullInput({ recipient: { type: 'telephone', identity: '+15417522845', hashed: false } }));
    expect(byPhone.credentialSubject).toMatchObject({ identifier: [{ type: 'IdentityObject', identityType: 'phoneNumber', identityHash: '+15417522845', hashed: false }] });
  });

  it('never publishes a plaintext identity it was asked to hash', () => {
    const withSalt = buildOpenBadgeCredential(fullInput({ recipient: { type: 'email', identity: ' Learner@Example.org ', hashed: true, salt: 'pepper' } }));
    expect(withSalt.credentialSubject).toMatchObject({
      identifier: [{ identityHash: hashIdentity('learner@example.org', 'pepper'), identityType: 'emailAddress', hashed: true, salt: 'pepper' }],
    });

    const fresh = buildOpenBadgeCredential(fullInput({ recipient: { type: 'email', identity: 'learner@example.org', hashed: true } }));
    const [identity] = (fresh.credentialSubject as { identifier: { identityHash: string; salt: string }[] }).identifier;
    expect(identity.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(identity.identityHash).toBe(hashIdentity('learner@example.org', identity.salt));
    expect(JSON.stringify(fresh)).not.toContain('learner@example.org');
  });

  it('lists other language editions as related, at their own id or the badge URL with ?lang=', () => {
    const credential = buildOpenBadgeCredential(
      fullInput({
        achievement: {
          ...fullInput().achievement,
          translations: [
            { language: 'fr', name: 'Robotique' }, // its own language: not an other edition
            { language: 'en' },
            { language: 'es', id: 'https://badges.example.edu/editions/bc1-es' },
          ],
        },
      }),
    );
    const achievement = (credential.credentialSubject as { achievement: Record<string, unknown> }).achievement;
    expect(achievement.inLanguage).toBe('fr');
    expect(achievement.related).toEqual([
      { id: `${ACHIEVEMENT_ID}?lang=en`, type: ['Related'], inLanguage: 'en' },
      { id: 'https://badges.example.edu/editions/bc1-es', type: ['Related'], inLanguage: 'es' },
    ]);
  });

  it.each([
    ['a status index past the list', fullInput({ status: { statusListCredential: STATUS_LIST_URL, statusListIndex: 131_072 } }), RangeError],
    ['a negative status index', fullInput({ status: { statusListCredential: STATUS_LIST_URL, statusListIndex: -1 } }), RangeError],
    ['a fractional status index', fullInput({ status: { statusListCredential: STATUS_LIST_URL, statusListIndex: 1.5 } }), RangeError],
    ['validUntil before validFrom', fullInput({ validUntil: '2024-04-30T10:00:00Z' }), RangeError],
    ['a date without a timezone', fullInput({ validFrom: '2024-05-01T10:00:00' }), RangeError],
    ['an id recipient that is not a URL or DID', fullInput({ recipient: { type: 'id', identity: 'learner' } }), TypeError],
  ])('refuses %s', (_what, input, error) => {
    expect(() => buildOpenBadgeCredential(input)).toThrow(error);
  });
});

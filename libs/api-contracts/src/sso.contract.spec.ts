import { emailDomainOf, SsoSettingsBodySchema } from './sso.contract';

const valid = { issuerUrl: 'https://login.college.example/realms/staff', clientId: 'badges', clientSecret: 's3cret', allowedDomains: ['College.Example '] };

describe('the SSO settings body', () => {
  it('lower-cases the domains and fills the defaults', () => {
    expect(SsoSettingsBodySchema.parse(valid)).toEqual({ ...valid, allowedDomains: ['college.example'], roleClaim: null, roleMappings: [], ssoOnly: false, enabled: true });
  });

  it('refuses what is not a domain, a repeated domain, or none', () => {
    for (const allowedDomains of [['@college.example'], ['https://college.example'], ['college'], ['a.example', 'A.example'], []]) {
      expect(SsoSettingsBodySchema.safeParse({ ...valid, allowedDomains }).success).toBe(false);
    }
  });

  it('wants a roleClaim when there are mappings, and known roles in them', () => {
    const mapping = { claimValue: 'editors', issuerRoles: [{ issuerId: 'IssuerA', role: 'editor' }] };
    expect(SsoSettingsBodySchema.safeParse({ ...valid, roleMappings: [mapping] }).error?.issues[0].path).toEqual(['roleClaim']);
    expect(SsoSettingsBodySchema.parse({ ...valid, roleClaim: 'groups', roleMappings: [mapping] }).roleMappings).toEqual([{ ...mapping, institutionRole: null }]);
    expect(SsoSettingsBodySchema.safeParse({ ...valid, roleClaim: 'groups', roleMappings: [{ claimValue: 'x', institutionRole: 'owner' }] }).success).toBe(false);
  });

  it('takes no secret (the one set is kept) and only http(s) issuers (the gateway then requires https)', () => {
    expect(SsoSettingsBodySchema.safeParse({ ...valid, clientSecret: undefined }).success).toBe(true);
    expect(SsoSettingsBodySchema.safeParse({ ...valid, issuerUrl: 'ftp://login.college.example' }).success).toBe(false);
  });
});

describe('an address’s email domain', () => {
  it('is lower-cased, after its last @', () => {
    expect(emailDomainOf('Ada@College.Example')).toBe('college.example');
    expect(emailDomainOf('"a@b"@college.example')).toBe('college.example');
  });
});

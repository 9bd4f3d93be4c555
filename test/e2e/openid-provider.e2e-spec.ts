import { startOpenIdProvider, type TestOpenIdProvider } from '../support/openid-provider';

const REDIRECT_URI = 'http://127.0.0.1:9/sso/callback';

/**
 * The test OpenID Provider that single sign-on tests run against (issue #16), driven by
 * openid-client as the platform drives it: discovery, authorization code with PKCE, state and
 * nonce, the ID token's signature and claims. If this fails, the SSO suites cannot be trusted.
 */
describe('the test OpenID Provider, with openid-client as the relying party', () => {
  let op: TestOpenIdProvider;
  beforeAll(async () => {
    op = await startOpenIdProvider({ redirectUris: [REDIRECT_URI], users: [{ email: 'ada@college.example', name: 'Ada Lovelace', groups: ['badge-editors'] }] });
  });
  afterAll(async () => op?.stop());

  async function authorize() {
    const oidc = await import('openid-client');
    const config = await oidc.discovery(new URL(op.issuer), op.clientId, op.clientSecret, undefined, { execute: [oidc.allowInsecureRequests] });
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid email profile groups',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { oidc, config, verifier, state, nonce, url };
  }

  it('signs a known person in and gives their verified claims', async () => {
    const { oidc, config, verifier, state, nonce, url } = await authorize();
    const back = await op.signIn(url.href, 'ada@college.example');
    const tokens = await oidc.authorizationCodeGrant(config, new URL(back), { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    expect(tokens.claims()).toMatchObject({ iss: op.issuer, aud: op.clientId, email: 'ada@college.example', email_verified: true, name: 'Ada Lovelace', groups: ['badge-editors'] });
  });

  it('refuses the code without the PKCE verifier it was bound to', async () => {
    const { oidc, config, state, nonce, url } = await authorize();
    const back = await op.signIn(url.href, 'ada@college.example');
    await expect(oidc.authorizationCodeGrant(config, new URL(back), { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: state, expectedNonce: nonce })).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

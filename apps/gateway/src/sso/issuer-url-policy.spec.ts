import { issuerUrlProblem } from './issuer-url-policy';

describe('which SSO issuer URLs are accepted', () => {
  it('accepts https anywhere', () => {
    expect(issuerUrlProblem('https://login.college.example/realms/staff', false)).toBeUndefined();
  });

  it('accepts http only on a loopback host, and only with SSO_ALLOW_HTTP_ISSUERS', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:9000/op', 'http://[::1]:4000']) {
      expect(issuerUrlProblem(url, true)).toBeUndefined();
      expect(issuerUrlProblem(url, false)).toMatch(/must be https/);
    }
    for (const url of ['http://login.college.example', 'http://10.0.0.5', 'http://127.0.0.1.nip.io']) expect(issuerUrlProblem(url, true)).toMatch(/must be https/);
  });
});

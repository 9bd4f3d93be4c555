import { createHmac } from 'node:crypto';

import { computeSignature, signatureHeader, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I';
  const body = '{"eventId":"e1","type":"badges.assertion.issued.v1"}';
  const now = 1_700_000_000;

  it('signs "<t>.<raw body>" with HMAC-SHA256 in hex', () => {
    expect(signatureHeader(secret, body, now)).toBe(`t=${now},v1=${createHmac('sha256', secret).update(`${now}.${body}`).digest('hex')}`);
  });

  it('accepts a fresh, matching signature (string or Buffer body)', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body, 300, now + 10)).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), 300, now - 10)).toBe(true);
    // Several v1 values (secret rotation): one match is enough.
    expect(verifyWebhookSignature(secret, `t=${now},v1=${'0'.repeat(64)},v1=${computeSignature(secret, now, body)}`, body, 300, now)).toBe(true);
  });

  it('refuses another secret, another body, an old timestamp and malformed headers', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifyWebhookSignature('other-secret', header, body, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, `${body} `, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 300, now + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, header.replace(`t=${now}`, `t=${now + 1}`), body, 300, now)).toBe(false);
    for (const bad of [undefined, null, '', 'garbage', `t=${now}`, `v1=${computeSignature(secret, now, body)}`, `t=abc,v1=${computeSignature(secret, now, body)}`, `t=${now},v1=xyz`]) {
      expect(verifyWebhookSignature(secret, bad, body, 300, now)).toBe(false);
    }
  });
});

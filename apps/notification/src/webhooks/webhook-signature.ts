import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (docs: "Verifying webhook deliveries").
 *
 * Every delivery carries `Badges-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * To verify one, a receiver:
 *   1. reads the RAW request body (the exact bytes, before any JSON parsing);
 *   2. splits the header on "," into `t` and one or more `v1` values;
 *   3. computes HMAC-SHA256 with the endpoint's secret over `${t}.${rawBody}` and hex-encodes it;
 *   4. compares it with each `v1` in constant time, and accepts when one matches AND `t` is within
 *      a tolerance (5 minutes) of its own clock, which refuses replays of old deliveries.
 * `Badges-Delivery` (the delivery id) is stable across retries: use it to drop duplicates.
 */
export const SIGNATURE_HEADER = 'Badges-Signature';
export const EVENT_HEADER = 'Badges-Event';
export const DELIVERY_HEADER = 'Badges-Delivery';

export function computeSignature(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, rawBody: string | Buffer, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`;
}

/**
 * True when `header` is a valid signature of `rawBody` under `secret`, made within
 * `toleranceSeconds` of now. Never throws: a malformed header is simply not valid.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined | null,
  rawBody: string | Buffer,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (typeof header !== 'string' || header.length > 2048) return false;
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) candidates.push(value.toLowerCase());
  }
  if (timestamp === undefined || candidates.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(computeSignature(secret, timestamp, rawBody), 'hex');
  return candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
}

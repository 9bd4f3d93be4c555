import type { FetchTarget } from './target';

// Socket and TLS failures come with terse codes (ECONNREFUSED, CERT_HAS_EXPIRED, ...);
// people reading a verification result need a sentence instead.

const MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'refused the connection',
  ECONNRESET: 'closed the connection unexpectedly',
  EPIPE: 'closed the connection unexpectedly',
  ETIMEDOUT: 'did not respond in time',
  EHOSTUNREACH: 'is unreachable',
  ENETUNREACH: 'is unreachable',
  ERR_STREAM_PREMATURE_CLOSE: 'closed the connection before the response was complete',
};

export function describeNetworkError(error: unknown, target: FetchTarget): string {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const host = `"${target.host}"`;
  if (MESSAGES[code]) return `${host} ${MESSAGES[code]}.`;
  if (code.startsWith('HPE_')) return `${host} sent a response that is not valid HTTP.`;
  if (/CERT|SSL|TLS|SELF_SIGNED|ERR_TLS/i.test(code)) {
    return `The secure connection to ${host} could not be verified (${code}).`;
  }
  return `Could not fetch from ${host}${code ? ` (${code})` : ''}.`;
}

import { randomUUID } from 'node:crypto';

import { InternalHeader } from '@badges/service-kit';

/** The headers of the gateway's own calls to a service's /internal routes (no caller to forward). */
export function internalHeaders(internalToken: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra, [InternalHeader.CorrelationId]: randomUUID() };
  if (internalToken) headers[InternalHeader.InternalToken] = internalToken;
  return headers;
}

import type { OpenBadgeCredentialInput } from './inputs';

export type OpenBadgeCredential = Record<string, unknown> & { id: string; type: string[] };

/** The unsigned OpenBadgeCredential (VC 2.0 then OB 3.0 contexts). Pure. */
export function buildOpenBadgeCredential(_input: OpenBadgeCredentialInput): OpenBadgeCredential {
  throw new Error('not built yet (issue #19)');
}

import type { ApiClientScope } from '@badges/api-contracts/types';

/**
 * The contract's scopes, narrowest first, for the console's choices. `satisfies Record` makes the
 * compiler flag a scope the contract has and this list lacks (the web imports types only).
 */
export const API_CLIENT_SCOPES = Object.keys({ read: 1, award: 2, manage: 3 } satisfies Record<ApiClientScope, number>) as ApiClientScope[];

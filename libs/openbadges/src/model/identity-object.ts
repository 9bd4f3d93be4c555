import type { JsonLdNode } from './common';

/** What kind of identifier `identity` is (compact IRIs from the v2 context). */
export type RecipientType = 'email' | 'url' | 'telephone' | 'id';

/**
 * IdentityObject. When `hashed` is true, `identity` is `sha256$<hex>` or `md5$<hex>` of the
 * normalised identifier concatenated with `salt` (if any).
 */
export interface IdentityObject extends JsonLdNode {
  type: RecipientType | string;
  identity: string;
  hashed: boolean;
  salt?: string;
}

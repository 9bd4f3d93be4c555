import type { Iri, JsonLdNode, Linked, OneOrMany } from './common';
import type { Image } from './image';
import type { IssuerVerificationPolicy } from './verification-object';
import type { CryptographicKey } from './cryptographic-key';
import type { RevocationList } from './revocation-list';

/**
 * Profile (type `Issuer` or `Profile`): who issues badges or endorsements. For an issuer the
 * spec requires id, type, name, url and email.
 */
export interface Profile extends JsonLdNode {
  id: Iri;
  type: OneOrMany<'Issuer' | 'Profile' | string>;
  name: string;
  url: string;
  email: string;
  description?: string;
  image?: Image;
  telephone?: string;
  publicKey?: OneOrMany<Linked<CryptographicKey>>;
  revocationList?: Linked<RevocationList>;
  verification?: IssuerVerificationPolicy;
  endorsement?: OneOrMany<Iri>;
}
/** Alias: issuer Profiles are typed `Issuer` in the documents we publish. */
export type Issuer = Profile;

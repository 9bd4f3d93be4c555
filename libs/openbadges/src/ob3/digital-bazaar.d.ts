// The Digital Bazaar packages (decision 0048) are ES modules without TypeScript types. This is the
// small part of their API that libs/openbadges/src/ob3 uses; load them with a native `await import()`
// (decision 0027). Add here what a new caller needs, and nowhere else, so there is one declaration.

declare module '@digitalbazaar/vc' {
  export interface RemoteDocument {
    contextUrl?: string | null;
    documentUrl: string;
    document: unknown;
  }
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

  export interface VerifyCredentialResult {
    verified: boolean;
    /** Its `errors` list each proof's failure when none verified. */
    error?: unknown;
    /** One per proof tried (with the proof and the verification method it read), or one without `proof` when the credential itself was refused. */
    results?: { verified: boolean; error?: unknown; proof?: Record<string, unknown>; verificationMethod?: Record<string, unknown> }[];
    statusResult?: { verified: boolean; error?: unknown };
  }

  export function issue<T extends object>(options: {
    credential: T;
    suite: unknown;
    documentLoader: DocumentLoader;
    purpose?: unknown;
    now?: Date | string;
  }): Promise<T & { proof: Record<string, unknown> }>;

  export function verifyCredential(options: {
    credential: unknown;
    suite: unknown;
    documentLoader: DocumentLoader;
    /** Required by the library when the credential has a `credentialStatus`. */
    checkStatus?: (options: { credential: Record<string, unknown> }) => Promise<{ verified: boolean; error?: unknown }>;
    now?: Date | string;
    purpose?: unknown;
  }): Promise<VerifyCredentialResult>;
}

declare module '@digitalbazaar/data-integrity' {
  import type { Cryptosuite, MultikeySigner } from '@digitalbazaar/ed25519-multikey';

  export class DataIntegrityProof {
    constructor(options: { signer?: MultikeySigner; cryptosuite: Cryptosuite; date?: Date | string | number });
    readonly verificationMethod?: string;
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  import type { Cryptosuite } from '@digitalbazaar/ed25519-multikey';

  export const cryptosuite: Cryptosuite;
}

declare module '@digitalbazaar/ed25519-multikey' {
  /** A Data Integrity cryptosuite object (opaque to its callers). */
  export interface Cryptosuite {
    readonly name: string;
    readonly requiredAlgorithm: string | string[];
  }

  export interface MultikeySigner {
    readonly id?: string;
    readonly algorithm: string;
    sign(options: { data: Uint8Array }): Promise<Uint8Array>;
  }

  export interface Ed25519MultikeyPair {
    readonly id?: string;
    readonly controller?: string;
    readonly publicKeyMultibase: string;
    readonly secretKeyMultibase?: string;
    signer(): MultikeySigner;
    export(options?: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  }

  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519MultikeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519MultikeyPair>;
  export function fromJwk(options: { jwk: Record<string, unknown>; secretKey?: boolean; id?: string; controller?: string }): Promise<Ed25519MultikeyPair>;
  /** The public JWK (OKP, Ed25519) of a key pair. */
  export function toJwk(options: { keyPair: Ed25519MultikeyPair; secretKey?: boolean }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  import type { MultikeySigner } from '@digitalbazaar/ed25519-multikey';

  /** The legacy suite, verified (and reported as legacy) by ob3/verify. */
  export class Ed25519Signature2020 {
    constructor(options?: { signer?: MultikeySigner; date?: Date | string | number });
  }
}

declare module 'jsonld-signatures' {
  const jsigs: {
    purposes: {
      /** Checks the key is an assertion method of its controller; ob3/verify binds the controller to the issuer itself. */
      AssertionProofPurpose: new (options?: { date?: Date; maxTimestampDelta?: number }) => unknown;
    };
  };
  export default jsigs;
}

declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    /** `leftToRightIndexing` defaults to true: index 0 is the most significant bit of the first byte. */
    constructor(options: { length?: number; buffer?: Uint8Array; leftToRightIndexing?: boolean });
    readonly length: number;
    set(position: number, on: boolean): void;
    get(position: number): boolean;
    /** base64url (no padding) of the GZIP-compressed bits, without a multibase prefix. */
    encodeBits(): Promise<string>;
  }
}

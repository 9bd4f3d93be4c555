// The small part of the Digital Bazaar stack the OB 3.0 verifier uses. The packages ship no types;
// they are ES modules, loaded with `await import()` (decision 0027). Only what is called is declared.

declare module '@digitalbazaar/vc' {
  export interface VerifyCredentialResult {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: Array<{ proof?: Record<string, unknown>; verified: boolean; error?: Error; verificationMethod?: Record<string, unknown> }>;
  }
  /** Signing, used by the specs (the issuer signs with ob3/issue). */
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<{ documentUrl: string; document: unknown; contextUrl?: string | null }>;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: Record<string, unknown>;
    suite: unknown | unknown[];
    documentLoader: (url: string) => Promise<{ documentUrl: string; document: unknown; contextUrl?: string | null }>;
    purpose?: unknown;
    now?: Date;
    checkStatus?: () => Promise<{ verified: boolean }>;
  }): Promise<VerifyCredentialResult>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string };
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyPair {
    id?: string;
    controller?: string;
    publicKey: Uint8Array;
    publicKeyMultibase?: string;
    signer(): unknown;
    export(options: { publicKey: true; includeContext?: boolean }): Promise<{ publicKeyMultibase: string }>;
  }
  export function from(key: Record<string, unknown>): Promise<Ed25519MultikeyPair>;
  export function generate(options?: { id?: string; controller?: string }): Promise<Ed25519MultikeyPair>;
  export function fromJwk(options: { jwk: Record<string, unknown> }): Promise<Ed25519MultikeyPair>;
  export function toJwk(options: { keyPair: Ed25519MultikeyPair; secretKey?: boolean }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    constructor(options: { buffer: Uint8Array });
    readonly length: number;
    get(position: number): boolean;
  }
}

declare module 'jsonld-signatures' {
  const jsigs: {
    purposes: {
      AssertionProofPurpose: new (options?: { date?: Date; maxTimestampDelta?: number }) => unknown;
    };
  };
  export default jsigs;
}

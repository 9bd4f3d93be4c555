/** Nest injection tokens for the values PassportModule.forRoot receives from its caller. */
export const PASSPORT_CONFIG = Symbol('PASSPORT_CONFIG');
export const PASSPORT_DATABASE = Symbol('PASSPORT_DATABASE');
export const PASSPORT_OUTBOX_RELAY = Symbol('PASSPORT_OUTBOX_RELAY');
/** The issuer's ServiceClient: baked images and OB 2.0 documents for the export. */
export const ISSUER_CLIENT = Symbol('ISSUER_CLIENT');
/** The verification service's ServiceClient (imports); undefined where it does not run. */
export const VERIFICATION_CLIENT = Symbol('VERIFICATION_CLIENT');
/** The Verifier imports use (VerificationServiceClient unless a test passes its own). */
export const VERIFIER = Symbol('VERIFIER');

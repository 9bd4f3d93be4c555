/** Nest injection tokens for the values IssuerModule.forRoot receives from its caller. */
export const ISSUER_CONFIG = Symbol('ISSUER_CONFIG');
export const ISSUER_DATABASE = Symbol('ISSUER_DATABASE');
export const ISSUER_OUTBOX_RELAY = Symbol('ISSUER_OUTBOX_RELAY');

/** Nest injection tokens for the values EndorsementModule.forRoot receives from its caller. */
export const ENDORSEMENT_CONFIG = Symbol('ENDORSEMENT_CONFIG');
export const ENDORSEMENT_DATABASE = Symbol('ENDORSEMENT_DATABASE');
/** The issuer's ServiceClient: checks that a target exists and belongs to the requester. */
export const ISSUER_CLIENT = Symbol('ISSUER_CLIENT');
export const ENDORSEMENT_OUTBOX_RELAY = Symbol('ENDORSEMENT_OUTBOX_RELAY');

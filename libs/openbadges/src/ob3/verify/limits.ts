/*
 * Bounds on everything a hostile credential can inflate. A real OB 3.0 credential has one proof
 * (two when an issuer signs with two suites), one status entry and a handful of endorsements;
 * these bounds leave room for that and stop a crafted one before any expensive work.
 */

/** Proofs on one credential; more is refused before any signature is checked. */
export const MAX_PROOFS = 4;
/** Status entries on one credential (revocation, perhaps suspension). */
export const MAX_STATUS_ENTRIES = 2;
/** Endorsements checked per credential; the rest are reported as not checked. */
export const MAX_ENDORSEMENTS = 10;
/** Documents fetched for one verification (keys, DID documents, status lists, endorsements' keys). */
export const MAX_CREDENTIAL_FETCHES = 25;
/**
 * A status list decompressed: the spec's minimum list is 16 KiB (131,072 entries); 2 MiB holds
 * sixteen million. GZIP is inflated with zlib's own output cap, so a bomb stops while inflating.
 */
export const MAX_STATUS_LIST_BYTES = 2 * 1024 * 1024;
/** A compact JWT given as input or baked in an image (a credential with its proof is a few KiB). */
export const MAX_JWT_CHARS = 1024 * 1024;

/** Nest injection tokens for the values VerificationModule.forRoot receives from its caller. */
export const VERIFICATION_CONFIG = Symbol('VERIFICATION_CONFIG');
/** The DocumentFetcher every verification fetches through (SSRF-safe, cached). */
export const DOCUMENT_FETCHER = Symbol('DOCUMENT_FETCHER');
/** Where `badges.verification.completed.v1` goes (VerificationEvents). */
export const VERIFICATION_EVENTS = Symbol('VERIFICATION_EVENTS');
/** The ResponseCache behind the fetcher (health reports it). */
export const RESPONSE_CACHE = Symbol('RESPONSE_CACHE');

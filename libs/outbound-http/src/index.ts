// Public surface of @badges/outbound-http: the one way services fetch a URL someone gave us.
export { safeFetch, type SafeFetchResponse } from './safe-fetch';
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  type SafeFetchOptions,
} from './options';
export { OUTBOUND_ERROR_CODES, OutboundFetchError, isOutboundFetchError, type OutboundErrorCode } from './errors';
export { classifyAddress, isBlockedAddress, type AddressCategory, type AddressPolicy } from './address-policy';
export type { ResolvedAddress, Resolver } from './resolve';
// Also read by the gateway's rate limits, which count IPv6 clients per /64.
export { parseIPv6 } from './ip-parse';
// Where a secret may be sent: https, or loopback http when the operator allows it.
export { isSecureOrLoopbackUrl } from './transport-policy';

import { classifyAddress, type AddressPolicy } from '@badges/outbound-http';

/**
 * The address policy of every verification fetch: public unicast addresses, plus the private
 * or loopback addresses an operator named explicitly (VERIFY_ALLOWED_PRIVATE_ADDRESSES, e.g. a
 * test server on 127.0.0.1). safeFetch applies it to every redirect hop as well, so a redirect
 * to any other private address is still refused. `allowAllPrivate` is ALLOW_PRIVATE_NETWORK_FETCH.
 */
export function verificationAddressPolicy(allowed: readonly string[], allowAllPrivate: boolean): AddressPolicy | undefined {
  if (allowAllPrivate || allowed.length === 0) return undefined; // safeFetch's own default policy
  const named = new Set(allowed.map((address) => address.toLowerCase()));
  return (address) => classifyAddress(address) === null || named.has(address.toLowerCase());
}

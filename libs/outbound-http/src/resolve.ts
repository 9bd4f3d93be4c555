import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { describeRefusedAddress, type AddressPolicy } from './address-policy';
import { OutboundFetchError } from './errors';
import { isIpLiteral, type FetchTarget } from './target';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to all its addresses. Injectable so tests can play a rebinding DNS server. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Resolves the target ONCE and checks EVERY address it resolves to: if any is refused, the
 * whole host is (a name that mixes a public and a private answer is an attack, not a mistake).
 * The caller then connects to the returned address only, so a second, different DNS answer
 * (rebinding) never gets a chance to be used.
 */
export async function resolveAllowed(target: FetchTarget, policy: AddressPolicy, resolver: Resolver): Promise<ResolvedAddress> {
  const { host, url } = target;
  if (isIpLiteral(host)) {
    assertAllowed(host, host, policy, url.href);
    return { address: host, family: host.includes(':') ? 6 : 4 };
  }
  let answers: readonly ResolvedAddress[];
  try {
    answers = await resolver(host);
  } catch (cause) {
    throw new OutboundFetchError('dns_failure', `The host name "${host}" could not be found.`, url.href, { cause });
  }
  if (answers.length === 0) {
    throw new OutboundFetchError('dns_failure', `The host name "${host}" has no addresses.`, url.href);
  }
  for (const answer of answers) assertAllowed(host, answer.address, policy, url.href);
  return answers[0];
}

function assertAllowed(host: string, address: string, policy: AddressPolicy, url: string): void {
  if (policy(address)) return;
  throw new OutboundFetchError(
    'blocked_address',
    `"${host}" points to ${describeRefusedAddress(address)}, which this service does not fetch from.`,
    url,
  );
}

/**
 * A `lookup` for http.request that answers with the already-validated address and nothing
 * else. Host header and TLS SNI/certificate checks keep using the original name.
 */
export function pinnedLookup(expectedHost: string, pinned: ResolvedAddress): LookupFunction {
  return (hostname, options, callback) => {
    if (hostname !== expectedHost) {
      // Only reachable if Node starts looking up a name we did not validate: refuse rather than guess.
      callback(Object.assign(new Error(`Unexpected lookup of ${hostname}`), { code: 'EPINNED' }), '', 0);
      return;
    }
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import { isBlockedAddress } from '@badges/outbound-http';
import { ApiError } from '@badges/service-kit';

export type HostLookup = (host: string) => Promise<string[]>;

const LOOKUP_TIMEOUT_MS = 3_000;

const systemLookup: HostLookup = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('DNS lookup timed out'), { code: 'ETIMEOUT' })), LOOKUP_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([lookup(host, { all: true, verbatim: true }), timeout])).map((entry) => entry.address);
  } finally {
    clearTimeout(timer);
  }
};

const invalid = (message: string) => ApiError.validation(message, 'url', { url: [message] });

/**
 * Vets a webhook URL when it is registered (design.md §5). Same policy as outbound-http's
 * safeFetch, which checks again on every delivery (so DNS that changes later is still caught):
 * http(s) only, no credentials, and unless private networks are allowed, no name or address that
 * leads to a loopback, private, link-local or otherwise non-public address. Returns the
 * normalised URL.
 */
export async function checkWebhookUrl(raw: string, allowPrivateNetwork: boolean, resolveHost: HostLookup = systemLookup): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('Enter a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('Only http and https URLs can receive webhooks.');
  if (url.username || url.password) throw invalid('URLs with a user name or password in them are not accepted.');
  if (allowPrivateNetwork) return url.href;

  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const refused = () => invalid('This URL points to a private, loopback or otherwise non-public address; webhooks must be reachable on the public internet.');
  if (isIP(host)) {
    if (isBlockedAddress(host)) throw refused();
    return url.href;
  }
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) throw refused();
  let addresses: string[];
  try {
    addresses = await resolveHost(name);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOTFOUND') throw invalid(`The host name "${name}" does not resolve.`);
    // A DNS hiccup is not the caller's fault: accept, since every delivery checks the address again.
    return url.href;
  }
  if (addresses.some((address) => isBlockedAddress(address))) throw refused();
  return url.href;
}

import { parseIPv4, parseIPv6 } from './ip-parse';

// Which addresses a fetch of a user-supplied URL may reach. The default answer is "public
// unicast only": everything else is either our own infrastructure (loopback, private, link-local
// incl. the 169.254.169.254 cloud metadata service, CGNAT) or not a real destination at all.

export type AddressCategory =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared' // CGNAT 100.64/10: the carrier's private network
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'tunnel' // Teredo / NAT64 local-use: the real destination is hidden inside
  | 'invalid';

/** Decides whether a (validated, resolved) IP address may be connected to. true = allowed. */
export type AddressPolicy = (address: string) => boolean;

type Range = readonly [prefix: readonly number[], bits: number, category: AddressCategory];

const IPV4_RANGES: readonly Range[] = [
  [[0], 8, 'unspecified'],
  [[10], 8, 'private'],
  [[100, 64], 10, 'shared'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'reserved'], // IETF protocol assignments
  [[192, 0, 2], 24, 'reserved'], // documentation
  [[192, 88, 99], 24, 'reserved'], // old 6to4 relay anycast
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'reserved'], // benchmarking
  [[198, 51, 100], 24, 'reserved'],
  [[203, 0, 113], 24, 'reserved'],
  [[255, 255, 255, 255], 32, 'broadcast'], // before 240/4, which contains it
  [[224], 4, 'multicast'],
  [[240], 4, 'reserved'],
];

const IPV6_RANGES: readonly Range[] = [
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'reserved'], // discard-only
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'reserved'], // documentation
  [[0x20, 0x01, 0, 0], 32, 'tunnel'], // Teredo
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'tunnel'], // NAT64 local-use
  [[0xfc], 7, 'private'], // unique-local fc00::/7
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'private'], // deprecated site-local
  [[0xff], 8, 'multicast'],
];

// Categories that are never a sensible destination, even when private networks are allowed.
const NEVER_ALLOWED: ReadonlySet<AddressCategory> = new Set(['unspecified', 'multicast', 'broadcast', 'invalid']);

/** The category an address belongs to, or null for an ordinary public unicast address. */
export function classifyAddress(ip: string): AddressCategory | null {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const v4 = parseIPv4(bare);
  if (v4) return matchRanges(v4, IPV4_RANGES);
  const v6 = parseIPv6(bare);
  return v6 ? classifyIPv6(v6) : 'invalid';
}

function classifyIPv6(bytes: number[]): AddressCategory | null {
  const zerosUntil = (n: number) => bytes.slice(0, n).every((b) => b === 0);
  if (zerosUntil(16)) return 'unspecified';
  if (zerosUntil(15) && bytes[15] === 1) return 'loopback';
  // Forms that carry an IPv4 address inside: judge them by that address, so ::ffff:127.0.0.1,
  // ::127.0.0.1, 64:ff9b::7f00:1 and 2002:7f00:1:: are all loopback.
  const mapped = zerosUntil(10) && bytes[10] === 0xff && bytes[11] === 0xff;
  const compatible = zerosUntil(12);
  const translated = zerosUntil(8) && bytes[8] === 0xff && bytes[9] === 0xff && bytes[10] === 0 && bytes[11] === 0;
  const nat64 = startsWith(bytes, [0x00, 0x64, 0xff, 0x9b], 96);
  if (mapped || compatible || translated || nat64) return matchRanges(bytes.slice(12), IPV4_RANGES);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return matchRanges(bytes.slice(2, 6), IPV4_RANGES); // 6to4
  return matchRanges(bytes, IPV6_RANGES);
}

function matchRanges(bytes: number[], ranges: readonly Range[]): AddressCategory | null {
  for (const [prefix, bits, category] of ranges) if (startsWith(bytes, prefix, bits)) return category;
  return null;
}

function startsWith(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const maskBits = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - maskBits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

/**
 * True when a user-supplied URL must not reach this address: anything but public unicast.
 * Accepts every IPv4 spelling (2130706433, 0x7f.1, ...) and IPv6 (bracketed or not); input that
 * is not an IP address at all is treated as blocked, so a mistake fails closed.
 */
export function isBlockedAddress(ip: string): boolean {
  return classifyAddress(ip) !== null;
}

/** The policy safeFetch uses unless given one: public only, or (allowPrivateNetwork) any real unicast address. */
export function defaultAddressPolicy(allowPrivateNetwork: boolean): AddressPolicy {
  if (!allowPrivateNetwork) return (ip) => !isBlockedAddress(ip);
  return (ip) => {
    const category = classifyAddress(ip);
    return category === null || !NEVER_ALLOWED.has(category);
  };
}

const CATEGORY_WORDS: Record<AddressCategory, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  'link-local': 'a link-local address',
  shared: 'a carrier-grade NAT address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  tunnel: 'a tunnelled address',
  invalid: 'an invalid address',
};

/** Plain words for why an address was refused, without revealing the address itself. */
export function describeRefusedAddress(ip: string): string {
  const category = classifyAddress(ip);
  return category ? CATEGORY_WORDS[category] : 'an address this service is not allowed to contact';
}

import { isIPv4, isIPv6 } from 'node:net';

// Parsing IPs ourselves (rather than trusting a string compare) is what lets one check cover
// every spelling of the same address: 2130706433, 0x7f.1, 0177.0.0.1, ::ffff:7f00:1, ...

/** Parses an IPv4 address, including the legacy inet_aton spellings (1 to 4 parts, each decimal, 0-octal or 0x-hex). */
export function parseIPv4(input: string): number[] | null {
  if (isIPv4(input)) return input.split('.').map(Number);
  const parts = input.split('.');
  if (parts.length > 4 || parts.some((p) => p === '')) return null;
  const values = parts.map(parseLegacyNumber);
  if (values.some((v) => v === null)) return null;
  const nums = values as number[];
  // The last part fills all remaining bytes (e.g. "127.1" is 127.0.0.1, "2130706433" is one 32-bit number).
  const last = nums[nums.length - 1];
  const lastBytes = 5 - nums.length;
  if (nums.slice(0, -1).some((n) => n > 255) || last >= 2 ** (8 * lastBytes)) return null;
  const bytes = nums.slice(0, -1);
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return bytes;
}

function parseLegacyNumber(part: string): number | null {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
  if (/^[1-9][0-9]*$/.test(part)) return parseInt(part, 10);
  return null;
}

/** Parses an IPv6 address to its 16 bytes; a zone id ("%eth0") is ignored. */
export function parseIPv6(input: string): number[] | null {
  const address = input.split('%')[0];
  if (!isIPv6(address)) return null;
  const halves = address.split('::');
  const groups = (half: string): number[] => (half === '' ? [] : half.split(':').flatMap(groupBytes));
  const head = groups(halves[0]);
  const tail = halves.length > 1 ? groups(halves[1]) : [];
  const zeros = new Array<number>(16 - head.length - tail.length).fill(0);
  return [...head, ...zeros, ...tail];
}

// One group is 4 hex digits, except a trailing embedded IPv4 ("::ffff:1.2.3.4") which is 4 bytes.
function groupBytes(group: string): number[] {
  if (group.includes('.')) return group.split('.').map(Number);
  const value = parseInt(group, 16);
  return [value >> 8, value & 0xff];
}

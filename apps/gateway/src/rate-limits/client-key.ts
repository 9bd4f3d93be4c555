import { parseIPv6 } from '@badges/outbound-http';

/**
 * The key a client's IP is counted under. One IPv6 subscriber usually holds a whole /64, so
 * counting single IPv6 addresses would hand an attacker 2^64 fresh budgets: IPv6 is counted per
 * /64. IPv4 (also when written IPv4-mapped, `::ffff:a.b.c.d`) is counted per address.
 */
export function clientKey(ip: string): string {
  const bytes = parseIPv6(ip);
  if (!bytes) return ip;
  if (bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12).join('.');
  const groups = [0, 2, 4, 6].map((index) => ((bytes[index] << 8) | bytes[index + 1]).toString(16));
  return `${groups.join(':')}::/64`;
}

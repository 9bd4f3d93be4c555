import { isIPv6 } from 'node:net';

/**
 * The key a client's IP is counted under. One IPv6 subscriber usually holds a whole /64, so
 * counting single IPv6 addresses would hand an attacker 2^64 fresh budgets: IPv6 is counted per
 * /64. IPv4 (also when written IPv4-mapped, `::ffff:a.b.c.d`) is counted per address.
 */
export function clientKey(ip: string): string {
  const address = ip.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names our interface, not the client
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  // A trailing dotted IPv4 part stands for two groups.
  const tailSize = tailGroups.length + (tail?.includes('.') ? 1 : 0);
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailSize).fill('0'), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

import { classifyAddress, defaultAddressPolicy, isBlockedAddress } from './address-policy';
import { parseIPv4, parseIPv6 } from './ip-parse';

// Pure checks, no network: every spelling of an internal address must be caught.

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    // IPv4 hidden inside IPv6
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2001::1', 'tunnel'],
    // decimal / octal / hex IPv4 spellings
    ['2130706433', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['012.0.0.1', 'private'],
    ['0xa9.0xfe.0xa9.0xfe', 'link-local'],
  ])('%s is blocked as %s', (ip, category) => {
    expect(classifyAddress(ip)).toBe(category);
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '2a00:1450::1', '::ffff:8.8.8.8'])(
    '%s (public) is allowed',
    (ip) => {
      expect(classifyAddress(ip)).toBeNull();
      expect(isBlockedAddress(ip)).toBe(false);
    },
  );

  it.each(['', 'localhost', 'example.com', '256.1.1.1', '1.2.3.4.5', '0x1g', ':::1'])('fails closed on non-address %p', (input) => {
    expect(isBlockedAddress(input)).toBe(true);
  });
});

describe('defaultAddressPolicy', () => {
  it('allows private and loopback only when private networks are allowed, and never multicast or unspecified', () => {
    const strict = defaultAddressPolicy(false);
    const open = defaultAddressPolicy(true);
    expect(strict('127.0.0.1')).toBe(false);
    expect(open('127.0.0.1')).toBe(true);
    expect(open('10.0.0.1')).toBe(true);
    expect(open('0.0.0.0')).toBe(false);
    expect(open('224.0.0.1')).toBe(false);
    expect(strict('8.8.8.8')).toBe(true);
  });
});

describe('IP parsing', () => {
  it('expands IPv6 compression and embedded IPv4', () => {
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
    expect(parseIPv6('1::')).toEqual([0, 1, ...new Array(14).fill(0)]);
  });

  it('reads inet_aton spellings', () => {
    expect(parseIPv4('2130706433')).toEqual([127, 0, 0, 1]);
    expect(parseIPv4('0x7f.1')).toEqual([127, 0, 0, 1]);
    expect(parseIPv4('1.2.65535')).toEqual([1, 2, 255, 255]);
    expect(parseIPv4('4294967296')).toBeNull();
    expect(parseIPv4('1.256.0.0')).toBeNull();
  });
});

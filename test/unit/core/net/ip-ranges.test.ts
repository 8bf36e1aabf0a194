import { describe, expect, it } from 'vitest';
import { classifyAddress, isLoopbackHost } from '../../../../core/net/ip-ranges.ts';

/**
 * The address table against IANA's Special-Purpose Address Registries, entry by entry: the first
 * and the last address of every entry are never public. The entries are written out here from
 * the registries themselves (iana-ipv4-special-registry, iana-ipv6-special-registry), not taken
 * from the code under test.
 */

const IPV4_REGISTRY = [
  '0.0.0.0/8 "This network"',
  '0.0.0.0/32 "This host on this network"',
  '10.0.0.0/8 Private-Use',
  '100.64.0.0/10 Shared Address Space',
  '127.0.0.0/8 Loopback',
  '169.254.0.0/16 Link Local',
  '172.16.0.0/12 Private-Use',
  '192.0.0.0/24 IETF Protocol Assignments',
  '192.0.0.0/29 IPv4 Service Continuity Prefix',
  '192.0.0.8/32 IPv4 dummy address',
  '192.0.0.9/32 Port Control Protocol Anycast',
  '192.0.0.10/32 Traversal Using Relays around NAT Anycast',
  '192.0.0.170/32 NAT64/DNS64 Discovery',
  '192.0.0.171/32 NAT64/DNS64 Discovery',
  '192.0.2.0/24 Documentation (TEST-NET-1)',
  '192.31.196.0/24 AS112-v4',
  '192.52.193.0/24 AMT',
  '192.88.99.0/24 Deprecated (6to4 Relay Anycast)',
  '192.168.0.0/16 Private-Use',
  '192.175.48.0/24 Direct Delegation AS112 Service',
  '198.18.0.0/15 Benchmarking',
  '198.51.100.0/24 Documentation (TEST-NET-2)',
  '203.0.113.0/24 Documentation (TEST-NET-3)',
  '240.0.0.0/4 Reserved',
  '255.255.255.255/32 Limited Broadcast',
];

const IPV6_REGISTRY = [
  '::1/128 Loopback Address',
  '::/128 Unspecified Address',
  '::ffff:0:0/96 IPv4-mapped Address',
  '64:ff9b::/96 IPv4-IPv6 Translat.',
  '64:ff9b:1::/48 IPv4-IPv6 Translat.',
  '100::/64 Discard-Only Address Block',
  '100:0:0:1::/64 Dummy IPv6 Prefix',
  '2001::/23 IETF Protocol Assignments',
  '2001::/32 TEREDO',
  '2001:1::1/128 Port Control Protocol Anycast',
  '2001:1::2/128 Traversal Using Relays around NAT Anycast',
  '2001:1::3/128 DNS-SD Service Registration Protocol Anycast',
  '2001:2::/48 Benchmarking',
  '2001:3::/32 AMT',
  '2001:4:112::/48 AS112-v6',
  '2001:10::/28 Deprecated (previously ORCHID)',
  '2001:20::/28 ORCHIDv2',
  '2001:30::/28 Drone Remote ID Protocol Entity Tags (DETs) Prefix',
  '2001:db8::/32 Documentation',
  '2002::/16 6to4',
  '2620:4f:8000::/48 Direct Delegation AS112 Service',
  '3fff::/20 Documentation',
  '5f00::/16 Segment Routing (SRv6) SIDs',
  'fc00::/7 Unique-Local',
  'fe80::/10 Link-Local Unicast',
];

function v4Range(prefix: string, length: number): [string, string] {
  const n = prefix.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const size = 2 ** (32 - length);
  const text = (v: number) =>
    [24, 16, 8, 0].map((shift) => Math.floor(v / 2 ** shift) % 256).join('.');
  return [text(n), text(n + size - 1)];
}

function v6Value(address: string): bigint {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function v6Text(value: bigint): string {
  const groups: string[] = [];
  for (let k = 7; k >= 0; k--) groups.push(((value >> BigInt(k * 16)) & 0xffffn).toString(16));
  return groups.join(':');
}

function v6Range(prefix: string, length: number): [string, string] {
  const start = v6Value(prefix);
  const size = 1n << BigInt(128 - length);
  return [v6Text(start), v6Text(start + size - 1n)];
}

function entry(line: string): { block: string; prefix: string; length: number } {
  const block = line.split(' ')[0] ?? '';
  const [prefix = '', length = ''] = block.split('/');
  return { block, prefix, length: Number(length) };
}

describe('IANA IPv4 Special-Purpose Address Registry', () => {
  it.each(IPV4_REGISTRY)('%s: first and last address are not public', (line) => {
    const { prefix, length } = entry(line);
    for (const address of v4Range(prefix, length)) {
      expect(classifyAddress(address), address).not.toBe('public');
    }
  });

  it('also refuses multicast 224.0.0.0/4', () => {
    for (const address of v4Range('224.0.0.0', 4)) expect(classifyAddress(address)).toBe('private');
  });
});

describe('IANA IPv6 Special-Purpose Address Registry', () => {
  it.each(IPV6_REGISTRY)('%s: first and last address are not public', (line) => {
    const { prefix, length } = entry(line);
    for (const address of v6Range(prefix, length)) {
      expect(classifyAddress(address), address).not.toBe('public');
    }
  });

  it.each([
    ['IPv4-mapped', '::ffff:52.219.100.1', '::ffff:10.0.0.1'],
    ['NAT64 (64:ff9b::/96)', '64:ff9b::34db:6401', '64:ff9b::a9fe:a9fe'],
    ['6to4 (2002::/16)', '2002:34db:6401::1', '2002:c0a8:0101::1'],
  ])('%s addresses are judged by the IPv4 address they carry', (_name, open, closed) => {
    expect(classifyAddress(open)).toBe('public');
    expect(classifyAddress(closed)).toBe('private');
  });

  it.each([
    ['IPv4-translated ::ffff:0:a.b.c.d', '::ffff:0:52.219.100.1'],
    ['IPv4-compatible ::a.b.c.d of a private address', '::10.0.0.1'],
    ['site-local fec0::/10', 'fec0::1'],
    ['multicast ff00::/8', 'ff02::1'],
    ['unallocated space outside 2000::/3', '4000::1'],
    ['a zone-scoped link-local address', 'fe80::1%eth0'],
  ])('also refuses %s', (_name, address) => expect(classifyAddress(address)).not.toBe('public'));
});

describe('public addresses stay public', () => {
  it.each([
    '52.219.100.1',
    '3.5.140.2',
    '172.32.0.1',
    '192.0.1.255',
    '198.20.0.1',
    '2600:1f18::1',
    '2a05:d018::1',
    '2001:200::1',
  ])('%s', (address) => expect(classifyAddress(address)).toBe('public'));

  it('and what is not an address is never public', () => {
    expect(classifyAddress('not-an-ip')).toBe('private');
  });
});

describe('the loopback rule', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '[::1]', '::1'])('%s is loopback', (host) =>
    expect(isLoopbackHost(host)).toBe(true),
  );

  it.each([
    'localhost.evil.com',
    '127.0.0.2',
    '[::ffff:7f00:1]',
    '128.0.0.1',
    '[::2]',
    '10.0.0.1',
    'example.com',
    '',
  ])('%s is not', (host) => expect(isLoopbackHost(host)).toBe(false));
});

import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses count as public. An address is public unless it falls in one of the ranges
 * below: every entry of IANA's IPv4 and IPv6 Special-Purpose Address Registries (as of 2025,
 * including those marked "globally reachable", such as the anycast services — no image store
 * lives there), plus multicast, site-local and, for IPv6, everything outside global unicast
 * 2000::/3. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged
 * by that IPv4 address. Tested entry by entry against the registries in
 * test/unit/core/net/ip-ranges.test.ts.
 */

export interface SpecialRange {
  prefix: string;
  length: number;
  name: string;
}

/** IANA IPv4 Special-Purpose Address Registry, plus multicast. */
export const SPECIAL_IPV4: readonly SpecialRange[] = [
  { prefix: '0.0.0.0', length: 8, name: '"This network" (RFC 791)' },
  { prefix: '0.0.0.0', length: 32, name: '"This host on this network" (RFC 1122)' },
  { prefix: '10.0.0.0', length: 8, name: 'Private-Use (RFC 1918)' },
  { prefix: '100.64.0.0', length: 10, name: 'Shared Address Space, CGNAT (RFC 6598)' },
  { prefix: '127.0.0.0', length: 8, name: 'Loopback (RFC 1122)' },
  { prefix: '169.254.0.0', length: 16, name: 'Link Local, cloud metadata (RFC 3927)' },
  { prefix: '172.16.0.0', length: 12, name: 'Private-Use (RFC 1918)' },
  { prefix: '192.0.0.0', length: 24, name: 'IETF Protocol Assignments (RFC 6890)' },
  { prefix: '192.0.0.0', length: 29, name: 'IPv4 Service Continuity Prefix (RFC 7335)' },
  { prefix: '192.0.0.8', length: 32, name: 'IPv4 dummy address (RFC 7600)' },
  { prefix: '192.0.0.9', length: 32, name: 'Port Control Protocol Anycast (RFC 7723)' },
  { prefix: '192.0.0.10', length: 32, name: 'TURN Anycast (RFC 8155)' },
  { prefix: '192.0.0.170', length: 32, name: 'NAT64/DNS64 Discovery (RFC 7050)' },
  { prefix: '192.0.0.171', length: 32, name: 'NAT64/DNS64 Discovery (RFC 7050)' },
  { prefix: '192.0.2.0', length: 24, name: 'Documentation, TEST-NET-1 (RFC 5737)' },
  { prefix: '192.31.196.0', length: 24, name: 'AS112-v4 (RFC 7535)' },
  { prefix: '192.52.193.0', length: 24, name: 'AMT (RFC 7450)' },
  { prefix: '192.88.99.0', length: 24, name: 'Deprecated 6to4 Relay Anycast (RFC 7526)' },
  { prefix: '192.168.0.0', length: 16, name: 'Private-Use (RFC 1918)' },
  { prefix: '192.175.48.0', length: 24, name: 'Direct Delegation AS112 Service (RFC 7534)' },
  { prefix: '198.18.0.0', length: 15, name: 'Benchmarking (RFC 2544)' },
  { prefix: '198.51.100.0', length: 24, name: 'Documentation, TEST-NET-2 (RFC 5737)' },
  { prefix: '203.0.113.0', length: 24, name: 'Documentation, TEST-NET-3 (RFC 5737)' },
  { prefix: '224.0.0.0', length: 4, name: 'Multicast (RFC 5771; not in the registry)' },
  { prefix: '240.0.0.0', length: 4, name: 'Reserved (RFC 1112)' },
  { prefix: '255.255.255.255', length: 32, name: 'Limited Broadcast (RFC 919)' },
];

/**
 * IANA IPv6 Special-Purpose Address Registry, except the entries that embed an IPv4 address and
 * are judged by it (::ffff:0:0/96 mapped, 64:ff9b::/96 NAT64, 2002::/16 6to4), plus multicast,
 * site-local and the IPv4-translated and -compatible forms.
 */
export const SPECIAL_IPV6: readonly SpecialRange[] = [
  { prefix: '::', length: 128, name: 'Unspecified Address (RFC 4291)' },
  { prefix: '::1', length: 128, name: 'Loopback Address (RFC 4291)' },
  { prefix: '::ffff:0:0:0', length: 96, name: 'IPv4-translated (RFC 2765; not in the registry)' },
  { prefix: '64:ff9b:1::', length: 48, name: 'Local-Use IPv4/IPv6 Translation (RFC 8215)' },
  { prefix: '100::', length: 64, name: 'Discard-Only Address Block (RFC 6666)' },
  { prefix: '100:0:0:1::', length: 64, name: 'Dummy IPv6 Prefix (RFC 9780)' },
  { prefix: '2001::', length: 23, name: 'IETF Protocol Assignments (RFC 2928)' },
  { prefix: '2001::', length: 32, name: 'TEREDO (RFC 4380)' },
  { prefix: '2001:1::1', length: 128, name: 'Port Control Protocol Anycast (RFC 7723)' },
  { prefix: '2001:1::2', length: 128, name: 'TURN Anycast (RFC 8155)' },
  {
    prefix: '2001:1::3',
    length: 128,
    name: 'DNS-SD Service Registration Protocol Anycast (RFC 9665)',
  },
  { prefix: '2001:2::', length: 48, name: 'Benchmarking (RFC 5180)' },
  { prefix: '2001:3::', length: 32, name: 'AMT (RFC 7450)' },
  { prefix: '2001:4:112::', length: 48, name: 'AS112-v6 (RFC 7535)' },
  { prefix: '2001:10::', length: 28, name: 'Deprecated, previously ORCHID (RFC 4843)' },
  { prefix: '2001:20::', length: 28, name: 'ORCHIDv2 (RFC 7343)' },
  { prefix: '2001:30::', length: 28, name: 'Drone Remote ID Protocol Entity Tags (RFC 9374)' },
  { prefix: '2001:db8::', length: 32, name: 'Documentation (RFC 3849)' },
  { prefix: '2620:4f:8000::', length: 48, name: 'Direct Delegation AS112 Service (RFC 7534)' },
  { prefix: '3fff::', length: 20, name: 'Documentation (RFC 9637)' },
  { prefix: '5f00::', length: 16, name: 'Segment Routing (SRv6) SIDs (RFC 9602)' },
  { prefix: 'fc00::', length: 7, name: 'Unique-Local (RFC 4193)' },
  { prefix: 'fe80::', length: 10, name: 'Link-Local Unicast (RFC 4291)' },
  { prefix: 'fec0::', length: 10, name: 'Site-Local, deprecated (RFC 3879; not in the registry)' },
  { prefix: 'ff00::', length: 8, name: 'Multicast (RFC 4291; not in the registry)' },
];

const SPECIAL = new BlockList();
for (const { prefix, length } of SPECIAL_IPV4) SPECIAL.addSubnet(prefix, length, 'ipv4');
for (const { prefix, length } of SPECIAL_IPV6) SPECIAL.addSubnet(prefix, length, 'ipv6');

/** Global unicast: the only IPv6 space IANA allocates to the public internet. */
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

type Groups = [number, number, number, number, number, number, number, number];

/** Eight 16-bit groups of an IPv6 address (zone removed), or null. Accepts a dotted IPv4 tail. */
function expandIpv6(address: string): Groups | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const zoneAt = text.indexOf('%');
  if (zoneAt >= 0) text = text.slice(0, zoneAt);
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.slice(1).map(Number);
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - left.length - right.length;
  const all = rest === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  if (all.length !== 8) return null;
  return all.map((g) => parseInt(g, 16)) as Groups;
}

/** The IPv4 address embedded in an IPv6 one (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(groups: Groups): string | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeroHead = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated; :: and ::1 excluded)
  if (zeroHead && (g5 === 0xffff || (g5 === 0 && g6 !== 0))) return v4(g6, g7);
  // 64:ff9b::a.b.c.d (well-known NAT64 prefix, RFC 6052)
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return v4(g6, g7);
  }
  if (g0 === 0x2002) return v4(g1, g2); // 2002:AABB:CCDD::/48 (6to4, RFC 3056)
  return null;
}

export type AddressClass = 'public' | 'loopback' | 'private';

/** Classifies an IP address: loopback, another non-public range, or public. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'private'; // not an address at all: never treat as public
  if (family === 4) {
    if (LOOPBACK.check(address, 'ipv4')) return 'loopback';
    return SPECIAL.check(address, 'ipv4') ? 'private' : 'public';
  }
  const groups = expandIpv6(address);
  if (groups === null) return 'private';
  const v4 = embeddedIpv4(groups);
  if (v4 !== null) return classifyAddress(v4);
  const bare = groups.map((g) => g.toString(16)).join(':');
  if (LOOPBACK.check(bare, 'ipv6')) return 'loopback';
  if (SPECIAL.check(bare, 'ipv6')) return 'private';
  return GLOBAL_UNICAST.check(bare, 'ipv6') ? 'public' : 'private';
}

/** The loopback-host rule lives with the other endpoint rules (the renderer applies it too). */
export { isLoopbackHost } from '../../shared/endpoint-rules.ts';

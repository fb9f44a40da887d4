import { isIP } from 'node:net';

// Where an IP address leads, for SSRF checks on URLs that users give us (outbound webhooks):
// only `public` addresses are safe to connect to on a user's behalf. Ranges from the IANA
// special-purpose registries (RFC 6890 and successors) plus the cloud metadata endpoints.

/** What kind of address an IP is; everything but `public` must not be reached on a user's behalf. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'metadata'
  | 'reserved'
  | 'invalid';

type Range = readonly [network: bigint, prefix: number, kind: Exclude<AddressClass, 'public' | 'invalid'>];

function v4(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

function v6(text: string): bigint {
  let address = text.toLowerCase();
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const tail = v4(dotted[1] ?? '');
    address = `${address.slice(0, dotted.index)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  }
  const [head, rest] = address.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const groups =
    rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

const V4_RANGES: readonly Range[] = [
  [v4('169.254.169.254'), 32, 'metadata'], // AWS, GCP, Azure, OpenStack instance metadata
  [v4('100.100.100.200'), 32, 'metadata'], // Alibaba Cloud metadata
  [v4('0.0.0.0'), 8, 'unspecified'], // "this network"
  [v4('10.0.0.0'), 8, 'private'],
  [v4('100.64.0.0'), 10, 'cgnat'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.0.0.0'), 24, 'reserved'], // IETF protocol assignments
  [v4('192.0.2.0'), 24, 'reserved'], // TEST-NET-1
  [v4('192.88.99.0'), 24, 'reserved'], // 6to4 relay anycast
  [v4('192.168.0.0'), 16, 'private'],
  [v4('198.18.0.0'), 15, 'reserved'], // benchmarking
  [v4('198.51.100.0'), 24, 'reserved'], // TEST-NET-2
  [v4('203.0.113.0'), 24, 'reserved'], // TEST-NET-3
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved'], // includes the broadcast address
];

const V6_RANGES: readonly Range[] = [
  [v6('fd00:ec2::254'), 128, 'metadata'], // AWS instance metadata over IPv6
  [v6('::'), 128, 'unspecified'],
  [v6('::1'), 128, 'loopback'],
  [v6('100::'), 64, 'reserved'], // discard-only
  [v6('2001:db8::'), 32, 'reserved'], // documentation
  [v6('fc00::'), 7, 'private'], // unique local
  [v6('fe80::'), 10, 'link-local'],
  [v6('fec0::'), 10, 'private'], // deprecated site-local
  [v6('ff00::'), 8, 'multicast'],
];

function match(value: bigint, bits: number, ranges: readonly Range[]): AddressClass {
  for (const [network, prefix, kind] of ranges) {
    const shift = BigInt(bits - prefix);
    if (value >> shift === network >> shift) return kind;
  }
  return 'public';
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedV4(value: bigint): bigint | undefined {
  if (value >> 32n === 0xffffn) return value & 0xffffffffn; // ::ffff:a.b.c.d
  if (value >> 32n === 0n) return value & 0xffffffffn; // ::a.b.c.d (deprecated), ::1 and :: are matched before
  if (value >> 32n === v6('64:ff9b::') >> 32n) return value & 0xffffffffn; // NAT64
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 6to4
  return undefined;
}

/** Classifies an IPv4 or IPv6 address (text, as `dns.lookup` gives it): `public` or why not. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address.split('%')[0] ?? '');
  if (family === 4) return match(v4(address), 32, V4_RANGES);
  if (family !== 6) return 'invalid';
  const value = v6(address);
  const own = match(value, 128, V6_RANGES);
  if (own !== 'public') return own;
  const inner = embeddedV4(value);
  return inner === undefined ? 'public' : match(inner, 32, V4_RANGES);
}

/** True when `address` is a public unicast address: safe to connect to for a URL a user gave. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

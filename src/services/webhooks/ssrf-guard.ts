/**
 * The SSRF guard: webhooks must not reach the server's own network. An address is classified from its
 * bytes (not its spelling: `0x7f.1`, `::ffff:127.0.0.1` and `2002:7f00::` are all loopback), a host name is
 * resolved once and every address it resolves to is checked, and the request then connects to a checked
 * address only (webhook-request.ts), so a DNS answer that changes between the check and the connection
 * (rebinding) cannot redirect it. CAIRN_WEBHOOKS_ALLOW_PRIVATE lifts the guard (tests, the bench, a
 * trusted intranet).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (dns.lookup by default; tests pass their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

/** A delivery the guard refused: never retried into a different answer by waiting. */
export class WebhookRefusedError extends Error {
  override readonly name = 'WebhookRefusedError';
}

export interface GuardOptions {
  allowPrivate: boolean;
  resolve: Resolver;
  /** Why an address is refused, or null (classifyAddress; tests stand a loopback receiver in for the internet). */
  classify?: ((address: string) => string | null) | undefined;
}

/** Why an address may not be reached (`loopback`, `private`, …), or null for a public address. */
export function classifyAddress(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = parseIPv4(bare);
  if (v4 !== null) return classifyIPv4(v4);
  const v6 = parseIPv6(bare);
  if (v6 !== null) return classifyIPv6(v6);
  return 'not an IP address';
}

/** The IPv4 ranges that are not the public internet, as [first octets, prefix length, reason]. */
const V4_BLOCKS: readonly [number, number, string][] = [
  [ipv4Number(0, 0, 0, 0), 8, 'an unspecified ("this network") address'],
  [ipv4Number(10, 0, 0, 0), 8, 'a private address'],
  [ipv4Number(100, 64, 0, 0), 10, 'a shared (CGNAT) address'],
  [ipv4Number(127, 0, 0, 0), 8, 'a loopback address'],
  [ipv4Number(169, 254, 0, 0), 16, 'a link-local address (cloud metadata lives there)'],
  [ipv4Number(172, 16, 0, 0), 12, 'a private address'],
  [ipv4Number(192, 0, 0, 0), 24, 'a reserved address'],
  [ipv4Number(192, 0, 2, 0), 24, 'a documentation address'],
  [ipv4Number(192, 88, 99, 0), 24, 'a reserved address'],
  [ipv4Number(192, 168, 0, 0), 16, 'a private address'],
  [ipv4Number(198, 18, 0, 0), 15, 'a benchmarking address'],
  [ipv4Number(198, 51, 100, 0), 24, 'a documentation address'],
  [ipv4Number(203, 0, 113, 0), 24, 'a documentation address'],
  [ipv4Number(224, 0, 0, 0), 4, 'a multicast address'],
  [ipv4Number(240, 0, 0, 0), 4, 'a reserved or broadcast address'],
];

function ipv4Number(a: number, b: number, c: number, d: number): number {
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}

function classifyIPv4(value: number): string | null {
  for (const [base, bits, reason] of V4_BLOCKS) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === base) return reason;
  }
  return null;
}

/**
 * An IPv4 address as a number, in the forms a URL host or inet_aton accepts (`127.1`, `0x7f.0.0.1`,
 * `2130706433`), or null. URL parsing normalises these already; the guard does not rely on it.
 */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length === 0 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    if (!/^(0x[0-9a-f]{1,8}|0[0-7]{0,11}|[1-9]\d{0,9})$/i.test(part)) return null;
    const value = /^0x/i.test(part)
      ? Number.parseInt(part.slice(2), 16)
      : part.length > 1 && part.startsWith('0')
        ? Number.parseInt(part, 8)
        : Number.parseInt(part, 10);
    values.push(value);
  }
  const last = values.pop() ?? 0;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return null;
  let result = 0;
  for (const [i, v] of values.entries()) result += v * 2 ** (8 * (3 - i));
  return result + last;
}

/** An IPv6 address as 16 bytes (with a trailing dotted IPv4 part, without a zone), or null. */
export function parseIPv6(text: string): Uint8Array | null {
  if (isIP(text) !== 6) return null;
  let head = text;
  const bytes = new Uint8Array(16);
  let tailWords: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(head);
  let v4: number | null = null;
  if (dotted?.[1]) {
    v4 = parseIPv4(dotted[1]);
    if (v4 === null) return null;
    head = `${head.slice(0, head.length - dotted[1].length)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const words = (half: string | undefined) =>
    half === undefined || half === '' ? [] : half.split(':').map((w) => Number.parseInt(w, 16));
  const front = words(halves[0]);
  tailWords = halves.length === 2 ? words(halves[1]) : [];
  const all =
    halves.length === 2
      ? [...front, ...new Array<number>(8 - front.length - tailWords.length).fill(0), ...tailWords]
      : front;
  if (all.length !== 8 || all.some((w) => Number.isNaN(w) || w < 0 || w > 0xffff)) return null;
  for (const [i, w] of all.entries()) {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  }
  if (v4 !== null) {
    bytes[12] = (v4 >>> 24) & 0xff;
    bytes[13] = (v4 >>> 16) & 0xff;
    bytes[14] = (v4 >>> 8) & 0xff;
    bytes[15] = v4 & 0xff;
  }
  return bytes;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const i = bit / 8;
    const take = Math.min(8, bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function embeddedIPv4(bytes: Uint8Array, at: number): number {
  return ipv4Number(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

function classifyIPv6(bytes: Uint8Array): string | null {
  const zeros = (n: number) => bytes.slice(0, n).every((b) => b === 0);
  if (zeros(16)) return 'an unspecified address';
  if (zeros(15) && bytes[15] === 1) return 'a loopback address';
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible) reach the IPv4 address.
  if (zeros(10) && bytes[10] === 0xff && bytes[11] === 0xff) return classifyIPv4(embeddedIPv4(bytes, 12));
  if (zeros(12)) return classifyIPv4(embeddedIPv4(bytes, 12));
  if (startsWith(bytes, [0, 0], 8)) return 'a reserved address';
  // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits; the local-use prefix stays inside.
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) {
    return classifyIPv4(embeddedIPv4(bytes, 12));
  }
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48)) return 'a private (local NAT64) address';
  if (startsWith(bytes, [0x01, 0x00, 0, 0, 0, 0, 0, 0], 64)) return 'a discard address';
  if (startsWith(bytes, [0x20, 0x01, 0x0d, 0xb8], 32)) return 'a documentation address';
  if (startsWith(bytes, [0x20, 0x01, 0x00, 0x00], 32)) return 'a Teredo tunnel address';
  // 6to4 (2002::/16) carries the IPv4 address of its relay in bits 16–48.
  if (startsWith(bytes, [0x20, 0x02], 16)) return classifyIPv4(embeddedIPv4(bytes, 2));
  if (startsWith(bytes, [0xfc], 7)) return 'a unique-local (private) address';
  if (startsWith(bytes, [0xfe, 0x80], 10)) return 'a link-local address';
  if (startsWith(bytes, [0xfe, 0xc0], 10)) return 'a site-local (private) address';
  if (startsWith(bytes, [0xff], 8)) return 'a multicast address';
  return null;
}

/**
 * The address to connect to for `hostname` (a URL's, brackets and all): resolved once, every answer
 * checked unless private addresses are allowed; throws WebhookRefusedError naming the reason.
 */
export async function checkedAddress(hostname: string, options: GuardOptions): Promise<ResolvedAddress> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(bare);
  const name = bare.toLowerCase().replace(/\.$/, '');
  if (!options.allowPrivate && literal === 0 && (name === 'localhost' || name.endsWith('.localhost'))) {
    throw new WebhookRefusedError(`refused: ${hostname} is a loopback name`);
  }
  const addresses: ResolvedAddress[] =
    literal === 0 ? await options.resolve(bare) : [{ address: bare, family: literal === 6 ? 6 : 4 }];
  const first = addresses[0];
  if (!first) throw new WebhookRefusedError(`refused: ${hostname} resolves to no address`);
  if (!options.allowPrivate) {
    // Every answer, not only the one used: a name that also points inside is not an outside name.
    for (const { address } of addresses.slice(0, 64)) {
      const reason = (options.classify ?? classifyAddress)(address);
      if (reason !== null) {
        throw new WebhookRefusedError(
          `refused: ${hostname}${literal ? '' : ` resolves to ${address}, which`} is ${reason} ` +
            '(CAIRN_WEBHOOKS_ALLOW_PRIVATE=1 allows it)',
        );
      }
    }
  }
  return first;
}

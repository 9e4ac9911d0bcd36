/** Host names that always mean this machine, and Host header parsing: no I/O, shared by config and HTTP. */

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Whether a host name (no port; IPv6 with or without brackets) always means this machine: `localhost`,
 * 127.0.0.0/8 and ::1. Not `*.localhost`: some resolvers still send those names to public DNS, where an
 * attacker could answer with their own address first and rebind to loopback later.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost') return true;
  if (name === '::1' || name === '[::1]') return true;
  const ipv4 = IPV4.exec(name);
  return ipv4 !== null && ipv4[1] === '127' && ipv4.slice(2).every((part) => Number(part) <= 255);
}

/** The host name of a Host header value (`example.com:8080` → `example.com`, `[::1]:80` → `[::1]`). */
export function hostnameOf(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end < 0 ? value : value.slice(0, end + 1);
  }
  const colon = value.indexOf(':');
  return (colon < 0 ? value : value.slice(0, colon)).replace(/\.$/, '');
}

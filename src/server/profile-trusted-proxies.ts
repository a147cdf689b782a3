// PROBE_TRUSTED_PROXIES: the addresses (and CIDR ranges) of the sign-in proxies allowed to name the
// user in PROBE_AUTH_HEADER. Parsed once at start-up; a request from anywhere else cannot set it.
import { BlockList, isIP } from 'node:net';

export interface ProxyRule {
  address: string;
  /** Prefix length; the full width of the address family for a single address. */
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

export type ParsedProxies = { ok: true; rules: ProxyRule[] } | { ok: false; error: string };

/** Parses "10.0.0.1, 172.16.0.0/12, ::1" into rules, or says which entry is wrong and why. */
export function parseTrustedProxies(text: string): ParsedProxies {
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return { ok: false, error: 'must list at least one address or CIDR range, e.g. 127.0.0.1 or 10.0.0.0/8' };
  const rules: ProxyRule[] = [];
  for (const entry of entries) {
    const [address = '', prefixText, extra] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || extra !== undefined) return { ok: false, error: `"${entry}" is not an IP address or CIDR range (write 10.0.0.5, 10.0.0.0/8 or fd00::/8)` };
    const width = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? width : Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText ?? String(width)) || prefix > width) return { ok: false, error: `"${entry}": the prefix after / must be a whole number from 0 to ${width}` };
    rules.push({ address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' });
  }
  return { ok: true, rules };
}

/** A test of a remote address against the rules; IPv4-mapped IPv6 addresses count as IPv4. */
export function proxyMatcher(rules: readonly ProxyRule[]): (remote: string | undefined) => boolean {
  const list = new BlockList();
  for (const r of rules) list.addSubnet(r.address, r.prefix, r.family);
  return (remote) => {
    if (!remote) return false;
    const plain = remote.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const version = isIP(plain);
    return version !== 0 && list.check(plain, version === 4 ? 'ipv4' : 'ipv6');
  };
}

/** True for a HOST that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const plain = host.replace(/^\[|\]$/g, '').toLowerCase();
  return plain === 'localhost' || plain === '::1' || /^127\.\d+\.\d+\.\d+$/.test(plain) || plain === '::ffff:127.0.0.1';
}

// PROBE_AUTH_HEADER and PROBE_TRUSTED_PROXIES: validated together, with messages that say what to fix.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { identityMode, identityWarning } from '../../src/server/profile-identity.js';
import { isLoopbackHost, parseTrustedProxies, proxyMatcher } from '../../src/server/profile-trusted-proxies.js';

const errorOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('sign-in proxy configuration', () => {
  it('accepts a header with its proxies, lower-cased and parsed', () => {
    const c = loadConfig({ PROBE_AUTH_HEADER: 'X-Forwarded-User', PROBE_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8 ,fd00::/8' });
    expect(c.PROBE_AUTH_HEADER).toBe('x-forwarded-user');
    expect(c.PROBE_TRUSTED_PROXIES).toEqual([
      { address: '127.0.0.1', prefix: 32, family: 'ipv4' },
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: 'fd00::', prefix: 8, family: 'ipv6' },
    ]);
    expect(identityMode(c).kind).toBe('proxy');
  });

  it.each([
    [{ PROBE_AUTH_HEADER: 'X-Forwarded-User' }, 'PROBE_TRUSTED_PROXIES="": must list the sign-in proxy addresses'],
    [{ PROBE_TRUSTED_PROXIES: '10.0.0.1' }, 'PROBE_AUTH_HEADER="": must name the header the proxy sets'],
    [{ PROBE_AUTH_HEADER: 'X User', PROBE_TRUSTED_PROXIES: '10.0.0.1' }, 'PROBE_AUTH_HEADER="X User": must be an HTTP header name'],
    [{ PROBE_AUTH_HEADER: 'Authorization', PROBE_TRUSTED_PROXIES: '10.0.0.1' }, 'PROBE_AUTH_HEADER="Authorization": names a header that carries something else'],
    [{ PROBE_AUTH_HEADER: 'Remote-User', PROBE_TRUSTED_PROXIES: 'proxy.local' }, 'PROBE_TRUSTED_PROXIES="proxy.local": "proxy.local" is not an IP address or CIDR range'],
    [{ PROBE_AUTH_HEADER: 'Remote-User', PROBE_TRUSTED_PROXIES: '10.0.0.0/33' }, '"10.0.0.0/33": the prefix after / must be a whole number from 0 to 32'],
    [{ PROBE_AUTH_HEADER: 'Remote-User', PROBE_TRUSTED_PROXIES: ' , ' }, 'PROBE_TRUSTED_PROXIES'],
  ])('refuses %o', (env, message) => expect(errorOf(env)).toContain(message));

  it('matches remote addresses against addresses and ranges, IPv4-mapped IPv6 included', () => {
    const parsed = parseTrustedProxies('10.0.0.0/8, ::1');
    if (!parsed.ok) throw new Error(parsed.error);
    const trusted = proxyMatcher(parsed.rules);
    expect([trusted('10.200.1.1'), trusted('::ffff:10.0.0.7'), trusted('::1'), trusted('11.0.0.1'), trusted('127.0.0.1'), trusted(undefined), trusted('junk')]).toEqual([true, true, true, false, false, false, false]);
  });

  it('is local on a loopback HOST, and shared (with a start-up warning) beyond it', () => {
    expect(['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.10', 'probe.example'].some(isLoopbackHost)).toBe(false);
    expect(identityWarning(identityMode(loadConfig({})), '127.0.0.1')).toBeUndefined();
    expect(identityWarning(identityMode(loadConfig({ HOST: '0.0.0.0' })), '0.0.0.0')).toMatch(/without PROBE_AUTH_HEADER: everyone who reaches this server shares one profile/);
  });
});

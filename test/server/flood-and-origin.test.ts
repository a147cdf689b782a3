import { describe, expect, it } from 'vitest';
import { createToken, hashToken, requestToken, tokenMatches } from '../../src/server/auth.js';
import { originAllowed } from '../../src/server/origin.js';
import { RateLimiter } from '../../src/server/rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst, then the rate; warns at most once a second; disconnects a sustained flood', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3, now: () => now });
    const take = (n: number) => Array.from({ length: n }, () => limiter.take());
    expect(take(3)).toEqual(['accept', 'accept', 'accept']);
    expect(take(3)).toEqual(['drop-and-warn', 'drop', 'drop']);
    now += 500;
    expect(take(2)).toEqual(['accept', 'drop']);
    now += 1000;
    expect(take(3)).toEqual(['accept', 'accept', 'drop-and-warn']);
    const flood = take(40);
    expect(flood.at(-1)).toBe('disconnect');
    expect(flood.indexOf('disconnect')).toBe(30 - 5 - 1);
  });

  it('forgets old drops after the window', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, now: () => now, maxDrops: 3, windowMs: 1000 });
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual(['accept', 'drop-and-warn', 'drop']);
    now += 5000;
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual(['accept', 'drop-and-warn', 'drop']);
  });
});

describe('originAllowed', () => {
  it.each([
    [undefined, '127.0.0.1:8787', [], true],
    ['http://127.0.0.1:8787', '127.0.0.1:8787', [], true],
    ['https://probe.example.org', 'probe.example.org', [], true],
    ['http://127.0.0.1:9999', '127.0.0.1:8787', [], false],
    ['https://evil.example.com', '127.0.0.1:8787', [], false],
    ['https://app.example.com', '127.0.0.1:8787', ['https://app.example.com/'], true],
    ['null', '127.0.0.1:8787', [], false],
    ['file://x', 'x', [], false],
  ])('%s on host %s (allowed %j) -> %s', (origin, host, allowed, expected) => {
    expect(originAllowed(origin, host, allowed)).toBe(expected);
  });
});

describe('tokens', () => {
  it('are random, stored as a hash, and matched only by the same token', () => {
    const a = createToken();
    expect(a).not.toBe(createToken());
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenMatches(a, hashToken(a))).toBe(true);
    expect(tokenMatches(`${a}x`, hashToken(a))).toBe(false);
    expect(tokenMatches(a, 'not-a-hash')).toBe(false);
  });

  it('come from a Bearer header or the token query parameter', () => {
    expect(requestToken('Bearer abc', undefined)).toBe('abc');
    expect(requestToken('bearer abc ', 'q')).toBe('abc');
    expect(requestToken('Basic abc', 'q')).toBe('q');
    expect(requestToken(undefined, '')).toBeUndefined();
  });
});

// Reconnect delays and close-code reactions.
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../src/protocol/ws-frames.js';
import { backoffDelay, closeAction } from '../../web/backoff.js';

describe('backoffDelay', () => {
  const opts = { baseMs: 300, maxMs: 8000 };
  it.each([
    [0, 0, 150],
    [0, 1, 300],
    [1, 0, 300],
    [3, 1, 2400],
    [10, 1, 8000],
    [10, 0, 4000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, () => random, opts)).toBe(expected);
  });
});

describe('closeAction', () => {
  it.each([
    [CloseCode.unauthorized, false, { action: 'stop', reason: 'unauthorized' }],
    [CloseCode.forbiddenOrigin, false, { action: 'stop', reason: 'forbidden' }],
    [CloseCode.sessionNotFound, false, { action: 'stop', reason: 'not-found' }],
    [CloseCode.replaced, false, { action: 'stop', reason: 'replaced' }],
    [CloseCode.policy, false, { action: 'reconnect', minDelayMs: 5000 }],
    [CloseCode.serverRestarting, false, { action: 'reconnect', minDelayMs: 500 }],
    [CloseCode.tooBig, false, { action: 'reconnect', minDelayMs: 0 }],
    [1006, false, { action: 'reconnect', minDelayMs: 0 }],
    [CloseCode.normal, true, { action: 'stop', reason: 'ended' }],
    [1006, true, { action: 'stop', reason: 'ended' }],
  ])('code %i (ended: %s)', (code, ended, expected) => {
    expect(closeAction(code, ended)).toEqual(expected);
  });
});

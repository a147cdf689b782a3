// Session access tokens: random, handed out once, stored only as a SHA-256 hash, compared in
// constant time. HTTP sends them as a Bearer token (or ?token=), the WebSocket as ?token=.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret token (256 random bits, base64url). */
export const createToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** True when `token` hashes to `storedHash`; the comparison takes the same time either way. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The token of a request: `Authorization: Bearer <token>`, else the `token` query parameter. */
export function requestToken(authorization: string | undefined, query: string | undefined): string | undefined {
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? (query && query.length > 0 ? query : undefined);
}

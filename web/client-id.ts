// Idempotency keys for answers: a resent answer with the same id is acknowledged, not stored twice.

/** A random id; getRandomValues works on plain-http origins where randomUUID does not. */
export function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

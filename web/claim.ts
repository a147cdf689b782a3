// Brings the sessions this browser holds (localStorage, from before profiles) into the server-side
// profile, once per session: their tokens prove they are this browser's. Nothing is forgotten here,
// even when the server refuses one (it may be another profile's, or the server may be another).
import { claimSessions } from './profile-api.js';
import { listSessions, type KeyValueStore } from './storage.js';

const CLAIMED = 'probe.claimed';

function claimedIds(store: KeyValueStore): Set<string> {
  try {
    const raw: unknown = JSON.parse(store.getItem(CLAIMED) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Claims every stored session not sent before; resolves with how many the server took. Never throws. */
export async function claimStoredSessions(store: KeyValueStore): Promise<number> {
  const done = claimedIds(store);
  const pending = listSessions(store).filter((s) => !done.has(s.id)).slice(0, 100);
  if (pending.length === 0) return 0;
  try {
    const result = await claimSessions(pending.map((s) => ({ id: s.id, token: s.token })));
    for (const id of [...result.claimed, ...result.refused]) done.add(id);
    store.setItem(CLAIMED, JSON.stringify([...done]));
    return result.claimed.length;
  } catch {
    // Offline or an older server: try again on the next load.
    return 0;
  }
}

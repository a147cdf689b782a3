// What this browser remembers: its sessions (id, token, summary) for resume and the history page,
// drafts of unsent answers, and preferences. localStorage behind a small interface, so it is
// unit-tested with an in-memory store.
import { z } from 'zod';

/** The part of the Web Storage API used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SessionRecordSchema = z.object({
  id: z.string(),
  token: z.string(),
  websocket: z.string(),
  mode: z.enum(['mock', 'drill']),
  topics: z.array(z.string()),
  questionCount: z.number().int(),
  interviewer: z.string(),
  createdAt: z.number(),
  questionTimeLimitSeconds: z.number().nullable(),
  status: z.enum(['active', 'ended']),
  overall: z.number().nullable(),
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

const SESSIONS = 'probe.sessions';
/** The history keeps this many sessions; older ones (and their tokens) are forgotten. */
export const MAX_SESSIONS = 100;

/** Every session this browser holds, newest first. A corrupt entry is dropped, not fatal. */
export function listSessions(store: KeyValueStore): SessionRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(SESSIONS) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const parsed = SessionRecordSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  }).sort((a, b) => b.createdAt - a.createdAt);
}

export function getSession(store: KeyValueStore, id: string): SessionRecord | undefined {
  return listSessions(store).find((s) => s.id === id);
}

/** Adds or replaces a session by id, keeping the newest MAX_SESSIONS. */
export function saveSession(store: KeyValueStore, record: SessionRecord): void {
  const rest = listSessions(store).filter((s) => s.id !== record.id);
  const all = [record, ...rest].sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_SESSIONS);
  store.setItem(SESSIONS, JSON.stringify(all));
}

/** Changes fields of a stored session; a no-op when this browser does not hold it. */
export function updateSession(store: KeyValueStore, id: string, patch: Partial<Omit<SessionRecord, 'id'>>): void {
  const found = getSession(store, id);
  if (found) saveSession(store, { ...found, ...patch });
}

export function forgetSession(store: KeyValueStore, id: string): void {
  store.setItem(SESSIONS, JSON.stringify(listSessions(store).filter((s) => s.id !== id)));
  store.removeItem(draftKey(id));
}

const draftKey = (id: string) => `probe.draft.${id}`;

/** A session's drafts by question number: a draft belongs to its question and never shows under another. */
function loadDrafts(store: KeyValueStore, id: string): Record<string, string> {
  try {
    const raw: unknown = JSON.parse(store.getItem(draftKey(id)) ?? '{}');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    // An older plain-text draft has no question to belong to, so it is dropped rather than guessed.
    return {};
  }
}

/** The unsent text of question `question`'s answer box, so a reload or a crash does not lose it. */
export function loadDraft(store: KeyValueStore, id: string, question: number): string {
  return loadDrafts(store, id)[String(question)] ?? '';
}

export function saveDraft(store: KeyValueStore, id: string, question: number, text: string): void {
  const drafts = loadDrafts(store, id);
  if (text === '') delete drafts[String(question)];
  else drafts[String(question)] = text;
  if (Object.keys(drafts).length === 0) store.removeItem(draftKey(id));
  else store.setItem(draftKey(id), JSON.stringify(drafts));
}

const READ_ALOUD = 'probe.readAloud';

/** Reading questions aloud is off unless the candidate turned it on. */
export const loadReadAloud = (store: KeyValueStore): boolean => store.getItem(READ_ALOUD) === 'on';
export const saveReadAloud = (store: KeyValueStore, on: boolean): void => store.setItem(READ_ALOUD, on ? 'on' : 'off');

/** localStorage, or an in-memory stand-in where it is blocked (private modes, sandboxed frames). */
export function browserStore(): KeyValueStore {
  try {
    const probe = '__probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

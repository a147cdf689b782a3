// What the browser remembers: sessions for resume and history, drafts, the read-aloud choice.
import { describe, expect, it } from 'vitest';
import { forgetSession, getSession, listSessions, loadDraft, loadReadAloud, MAX_SESSIONS, memoryStore, saveDraft, saveReadAloud, saveSession, updateSession, type SessionRecord } from '../../web/storage.js';

const record = (id: string, createdAt: number): SessionRecord => ({
  id,
  token: `t-${id}`,
  websocket: `/ws/${id}`,
  mode: 'mock',
  topics: ['gans'],
  questionCount: 3,
  interviewer: 'offline',
  createdAt,
  questionTimeLimitSeconds: null,
  status: 'active',
  overall: null,
});

describe('session records', () => {
  it('lists sessions newest first and replaces by id', () => {
    const store = memoryStore();
    saveSession(store, record('a', 1));
    saveSession(store, record('b', 2));
    saveSession(store, { ...record('a', 1), mode: 'drill' });
    expect(listSessions(store).map((s) => [s.id, s.mode])).toEqual([['b', 'mock'], ['a', 'drill']]);
  });

  it('updates fields and forgets a session with its draft', () => {
    const store = memoryStore();
    saveSession(store, record('a', 1));
    saveDraft(store, 'a', 1, 'half an answer');
    updateSession(store, 'a', { status: 'ended', overall: 72 });
    expect(getSession(store, 'a')).toMatchObject({ status: 'ended', overall: 72, token: 't-a' });
    updateSession(store, 'missing', { overall: 1 });
    forgetSession(store, 'a');
    expect(listSessions(store)).toEqual([]);
    expect(loadDraft(store, 'a', 1)).toBe('');
  });

  it('keeps the newest MAX_SESSIONS', () => {
    const store = memoryStore();
    for (let i = 0; i < MAX_SESSIONS + 5; i += 1) saveSession(store, record(`s${i}`, i));
    const all = listSessions(store);
    expect(all).toHaveLength(MAX_SESSIONS);
    expect(all.at(-1)?.id).toBe('s5');
  });

  it('survives corrupt storage by dropping what does not parse', () => {
    const store = memoryStore();
    store.setItem('probe.sessions', 'not json');
    expect(listSessions(store)).toEqual([]);
    store.setItem('probe.sessions', JSON.stringify([record('ok', 1), { id: 'broken' }]));
    expect(listSessions(store).map((s) => s.id)).toEqual(['ok']);
  });
});

describe('drafts and preferences', () => {
  it('stores a draft per question and removes it when emptied', () => {
    const store = memoryStore();
    saveDraft(store, 'a', 1, 'text');
    saveDraft(store, 'a', 2, 'other');
    expect(loadDraft(store, 'a', 1)).toBe('text');
    expect(loadDraft(store, 'a', 2)).toBe('other');
    expect(loadDraft(store, 'a', 3)).toBe('');
    saveDraft(store, 'a', 1, '');
    saveDraft(store, 'a', 2, '');
    expect(store.getItem('probe.draft.a')).toBeNull();
  });

  it('drops an old plain-text draft instead of showing it under some question', () => {
    const store = memoryStore();
    store.setItem('probe.draft.a', 'old text');
    expect(loadDraft(store, 'a', 1)).toBe('');
  });

  it('reads aloud only when turned on', () => {
    const store = memoryStore();
    expect(loadReadAloud(store)).toBe(false);
    saveReadAloud(store, true);
    expect(loadReadAloud(store)).toBe(true);
  });
});

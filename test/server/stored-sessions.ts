// Puts a test session (driven through the engine, see test/engine/report/sessions.ts) into a real
// store the way the server does: one EventCommit per accepted event, built by eventCommit.
import { hashToken } from '../../src/server/auth.js';
import { eventCommit } from '../../src/server/event-commit.js';
import type { SessionStore } from '../../src/server/session-store.js';
import { step } from '../../src/engine/step.js';
import { initialState } from '../../src/engine/state.js';
import { T0, type Session } from '../engine/report/sessions.js';

export async function storeSession(store: SessionStore, session: Session, token: string, createdAt = T0): Promise<void> {
  await store.create({ id: session.id, tokenHash: hashToken(token), plan: session.plan, createdAt });
  let state = initialState(session.id, session.plan);
  for (const [i, event] of session.events.entries()) {
    const result = step(state, event);
    if (result.rejection) throw new Error(`event ${i + 1} refused: ${result.rejection.message}`);
    await store.append(eventCommit(session.id, i + 1, event, result));
    state = result.state;
  }
}

// Everything a profile holds, as one JSON document: sessions with their plans, event logs,
// transcripts and evaluations. Token hashes stay out; nothing else is held back.
import type { Profile, ProfileStore } from './profile-store.js';
import type { SessionStore } from './session-store.js';

export const EXPORT_FORMAT = 'probe-profile-export/1';

export async function exportProfile(profile: Profile, profiles: ProfileStore, store: SessionStore, now: number): Promise<unknown> {
  const { sessions } = await profiles.history(profile.id);
  const out = [];
  for (const meta of sessions) {
    const loaded = await store.load(meta.id);
    if (!loaded) continue;
    const { tokenHash: _hidden, profileId: _owner, ...session } = loaded.meta;
    out.push({
      ...session,
      events: loaded.events,
      transcript: await store.turnsAfter(meta.id, 0),
      evaluations: await store.evaluations(meta.id),
    });
  }
  return { format: EXPORT_FORMAT, exportedAt: new Date(now).toISOString(), profile: { subject: profile.subject, createdAt: new Date(profile.createdAt).toISOString() }, sessions: out };
}

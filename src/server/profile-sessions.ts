// Session ownership checks shared by the HTTP routes and the WebSocket: another profile's session
// is answered exactly like a session that does not exist.
import type { Profile, ProfileStore } from './profile-store.js';
import type { SessionMeta } from './session-store.js';

/** True when the session belongs to some other profile. */
export const foreignSession = (meta: SessionMeta, profile: Profile): boolean => meta.profileId !== undefined && meta.profileId !== profile.id;

/**
 * The session as the caller's own: an unowned one (made before profiles) is claimed by the first
 * profile that shows its token. Undefined when another profile claimed it first.
 */
export async function claimForProfile(meta: SessionMeta, profile: Profile, profiles: ProfileStore): Promise<SessionMeta | undefined> {
  if (meta.profileId === profile.id) return meta;
  if (meta.profileId !== undefined) return undefined;
  const result = await profiles.claim(profile.id, meta.id);
  return result === 'not-yours' ? undefined : { ...meta, profileId: profile.id };
}

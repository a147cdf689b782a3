// The storage port for profiles: who owns which sessions, and what a profile has practised.
// SQLite implements it in src/adapters/db/sqlite-profile-store.ts.
import type { StoredEvaluation, SessionMeta } from './session-store.js';

export interface Profile {
  id: string;
  /** "local" on a single-user install, else the user name the sign-in proxy sent. */
  subject: string;
  createdAt: number;
}

/** A profile's stored evaluation, with the session it belongs to. */
export interface ProfileEvaluation extends StoredEvaluation {
  sessionId: string;
}

/** Everything a profile has practised, as stored: its sessions, their evaluations and turn times. */
export interface ProfileHistory {
  sessions: SessionMeta[];
  evaluations: ProfileEvaluation[];
  /** Per session, the times of its turns (for the time practised). */
  turnTimes: Map<string, number[]>;
}

/** How many rows a deletion removed, per table, as the database reported. */
export type DeletedRows = Record<'profiles' | 'sessions' | 'events' | 'turns' | 'evaluations' | 'plans', number>;

/** What claiming a session did: now owned, already owned by this profile, or owned by another. */
export type ClaimResult = 'claimed' | 'already-yours' | 'not-yours';

export interface ProfileStore {
  /** The profile named `subject`, created (at `now`) the first time it is asked for. */
  ensure(subject: string, now: number): Promise<Profile>;
  /** The profile named `subject`, if there is one. */
  find(subject: string): Promise<Profile | undefined>;
  /** Makes the profile the owner of a session nobody owns; the caller has checked its token. */
  claim(profileId: string, sessionId: string): Promise<ClaimResult>;
  /** Gives every unowned session to the profile (a single-user install owns all its sessions). */
  adoptUnowned(profileId: string): Promise<number>;
  /** The profile's sessions (newest first), evaluations and turn times. */
  history(profileId: string): Promise<ProfileHistory>;
  /** Deletes one session of the profile with its events, turns and evaluations; undefined when it is not the profile's. */
  deleteSession(profileId: string, sessionId: string): Promise<DeletedRows | undefined>;
  /** Deletes the profile and everything in it. */
  deleteProfile(profileId: string): Promise<DeletedRows>;
}

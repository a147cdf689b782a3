// The profile a CLI command works on, in the database at PROBE_DB_PATH: the local one (which owns
// every session nobody has claimed, as the server does on this machine), or one named by --profile.
import { existsSync } from 'node:fs';
import { loadConfig, loadDotEnv } from '../config.js';
import type { Profile, ProfileStore } from '../server/profile-store.js';
import type { SessionStore } from '../server/session-store.js';

export interface CliProfile {
  dbPath: string;
  store: SessionStore;
  profiles: ProfileStore;
  profile: Profile;
  close(): Promise<void>;
}

/** Opens the database and finds the profile; an unknown --profile is an error that names the known way to find it. */
export async function openCliProfile(subject: string | undefined): Promise<CliProfile> {
  loadDotEnv();
  const dbPath = loadConfig().PROBE_DB_PATH;
  if (!existsSync(dbPath)) throw new Error(`no database at ${dbPath}; set PROBE_DB_PATH to the file the server uses`);
  // Loaded on use: the database is heavy for every other command.
  const [{ createSqliteSessionStore }, { createSqliteProfileStore }, { LOCAL_SUBJECT }] = await Promise.all([
    import('../adapters/db/sqlite-session-store.js'),
    import('../adapters/db/sqlite-profile-store.js'),
    import('../server/profile-identity.js'),
  ]);
  const store = createSqliteSessionStore(dbPath);
  try {
    const profiles = createSqliteProfileStore(store.db);
    let profile: Profile | undefined;
    if (subject === undefined || subject === LOCAL_SUBJECT) {
      profile = await profiles.ensure(LOCAL_SUBJECT, Date.now());
      await profiles.adoptUnowned(profile.id);
    } else {
      profile = await profiles.find(subject);
      if (!profile) throw new Error(`no profile "${subject}" in ${dbPath}; profiles are named by the user name the sign-in proxy sent (PROBE_AUTH_HEADER)`);
    }
    return { dbPath, store, profiles, profile, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Asks on the terminal; without a terminal (a script), the answer is no: scripts pass --yes. */
export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

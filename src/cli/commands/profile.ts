// `probe profile delete` (everything in a profile, after a confirmation) and `probe profile export`
// (everything as JSON); `probe session delete ID` (one session with all its rows).
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { DeletedRows } from '../../server/profile-store.js';
import { confirm, openCliProfile } from '../cli-profile.js';

const rowsText = (d: DeletedRows) => `${d.sessions} session(s), ${d.events} events, ${d.turns} transcript turns, ${d.evaluations} evaluations`;

async function deleteProfile(opts: { profile?: string; yes?: boolean }): Promise<void> {
  const cli = await openCliProfile(opts.profile);
  try {
    const { sessions } = await cli.profiles.history(cli.profile.id);
    if (!opts.yes && !(await confirm(`Delete the profile "${cli.profile.subject}" and its ${sessions.length} session(s) from ${cli.dbPath}? This cannot be undone.`))) {
      throw new Error('nothing deleted; pass --yes to delete without a question');
    }
    const deleted = await cli.profiles.deleteProfile(cli.profile.id);
    console.log(`deleted the profile "${cli.profile.subject}": ${rowsText(deleted)}`);
  } finally {
    await cli.close();
  }
}

async function exportProfileJson(opts: { profile?: string; output?: string }): Promise<void> {
  const cli = await openCliProfile(opts.profile);
  try {
    const { exportProfile } = await import('../../server/profile-export.js');
    const text = `${JSON.stringify(await exportProfile(cli.profile, cli.profiles, cli.store, Date.now()), null, 2)}\n`;
    if (opts.output === undefined || opts.output === '-') process.stdout.write(text);
    else {
      await writeFile(opts.output, text);
      console.log(`wrote everything in the profile "${cli.profile.subject}" to ${opts.output}`);
    }
  } finally {
    await cli.close();
  }
}

async function deleteSession(id: string, opts: { profile?: string; yes?: boolean }): Promise<void> {
  const cli = await openCliProfile(opts.profile);
  try {
    const meta = await cli.store.meta(id);
    if (!meta || meta.profileId !== cli.profile.id) throw new Error(`no session "${id}" in the profile "${cli.profile.subject}"; \`probe profile export\` lists them`);
    if (!opts.yes && !(await confirm(`Delete session ${id} (${meta.mode}, ${new Date(meta.createdAt).toISOString()}) with its transcript and scores?`))) {
      throw new Error('nothing deleted; pass --yes to delete without a question');
    }
    const deleted = await cli.profiles.deleteSession(cli.profile.id, id);
    if (!deleted) throw new Error(`session "${id}" was already gone`);
    console.log(`deleted session ${id}: ${rowsText(deleted)}`);
  } finally {
    await cli.close();
  }
}

export function registerProfile(program: Command): void {
  const profile = program.command('profile').description('your data: export everything, or delete everything');
  profile
    .command('delete')
    .description('delete the profile and every session, transcript and score in it')
    .option('--profile <name>', 'a signed-in user\'s profile (default: the local profile)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(deleteProfile);
  profile
    .command('export')
    .description('write everything in the profile as JSON')
    .option('--profile <name>', 'a signed-in user\'s profile (default: the local profile)')
    .option('-o, --output <file>', 'file to write; "-" or none writes to stdout')
    .action(exportProfileJson);
  const session = program.command('session').description('manage stored sessions');
  session
    .command('delete')
    .description('delete one session with its transcript and scores')
    .argument('<session-id>', 'the session id')
    .option('--profile <name>', 'a signed-in user\'s profile (default: the local profile)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(deleteSession);
}

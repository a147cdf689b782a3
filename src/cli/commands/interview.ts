// `probe interview`: a whole interview in the terminal, offline by default, driven by the engine
// and stored in the database like a web session (same store, same events), so `probe export` works.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { loadBank } from '../../adapters/bank/load-bank.js';
import { PlanOptionsSchema, createPlan } from '../../engine/plan.js';
import { initialState, type SessionState } from '../../engine/state.js';
import type { SessionEvent } from '../../engine/events.js';
import { dispatch, type DriverPorts } from '../../server/session-driver.js';
import { defaultBankDir } from '../../paths.js';
import { terminalHooks } from '../terminal-hooks.js';
import { printSummary } from '../interview-summary.js';
import { loadConfig, loadDotEnv, type Config } from '../../config.js';
import { describeIssues } from '../../server/describe-issues.js';
import { duePlan } from '../due-plan.js';
import { LOCAL_SUBJECT } from '../../server/profile-identity.js';
import { silentLogger } from '../../adapters/log.js';
import { createToken, hashToken } from '../../server/auth.js';
import { eventCommit } from '../../server/event-commit.js';
import type { SessionStore } from '../../server/session-store.js';
import { AnswerReader, type CandidateInput } from '../answer-reader.js';

/** How long after a blank line more pasted text may still arrive and belong to the same answer. */
const PASTE_WINDOW_MS = 120;

const HOW_TO_ANSWER =
  'Answers can run over several lines: end one with a blank line (or /send). Pasted paragraphs stay one answer.\n' +
  'Commands, on a line of their own: /hint and /retry (drill), /skip, /end.';

const intOption = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};

const difficultyOption = (value: string) => {
  const m = /^([1-3])(?:-([1-3]))?$/.exec(value);
  if (!m) throw new InvalidArgumentError('expected a level 1-3 or a range like 1-2');
  const min = Number(m[1]);
  const max = Number(m[2] ?? m[1]);
  if (min > max) throw new InvalidArgumentError('the range must go from low to high, like 1-3');
  return { min, max };
};

interface InterviewOptions {
  mode: string;
  topics?: string;
  difficulty?: { min: number; max: number };
  questions?: number;
  followUps?: number;
  timeBudget?: number;
  questionTime?: number;
  seed?: string;
  bank: string;
  offline?: boolean;
  due?: boolean;
}

export function registerInterview(program: Command): void {
  program
    .command('interview')
    .description('hold an interview in the terminal (stored like a web session); a blank line sends an answer; /hint, /skip, /retry (drill), /end')
    .option('-m, --mode <mode>', 'mock (a realistic interview) or drill (feedback and probing after every answer)', 'mock')
    .option('-t, --topics <ids>', 'comma-separated topic ids (see `probe bank list`); default all')
    .option('-d, --difficulty <range>', 'level 1-3 or a range like 1-2', difficultyOption)
    .option('-n, --questions <n>', 'number of questions (1-30)', intOption(1, 30))
    .option('-f, --follow-ups <n>', 'most follow-ups per question (0-5)', intOption(0, 5))
    .option('--time-budget <minutes>', 'close the interview after this many minutes', intOption(1, 240))
    .option('--question-time <seconds>', 'time limit per question', intOption(15, 3600))
    .option('--seed <seed>', 'same seed, same interview')
    .option('--bank <dir>', 'question bank folder', defaultBankDir())
    .option('--offline', 'use the offline interviewer even when an LLM is configured')
    .option('--due', 'a drill of the key points that are due or weakest in your progress (see `probe progress`)')
    .addHelpText('after', `\n${HOW_TO_ANSWER}\nThe interview is saved in the database at PROBE_DB_PATH and ends with a summary and the \`probe export\` command for its full report.`)
    .action(async (opts: InterviewOptions) => {
      process.exitCode = await runInterview(opts);
    });
}

async function runInterview(opts: InterviewOptions): Promise<number> {
  const parsed = PlanOptionsSchema.safeParse({
    mode: opts.mode,
    ...(opts.topics ? { topics: opts.topics.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
    ...(opts.difficulty ? { difficulty: opts.difficulty } : {}),
    ...(opts.questions !== undefined ? { questionCount: opts.questions } : {}),
    ...(opts.followUps !== undefined ? { maxFollowUps: opts.followUps } : {}),
    ...(opts.timeBudget !== undefined ? { timeBudgetMinutes: opts.timeBudget } : {}),
    ...(opts.questionTime !== undefined ? { questionTimeLimitSeconds: opts.questionTime } : {}),
  });
  if (!parsed.success) {
    console.error(`error: ${describeIssues(parsed.error.issues, 'options')}`);
    return 2;
  }
  const bank = await loadBank(opts.bank);
  const planned = opts.due ? await duePlan(bank, opts.questions) : createPlan(bank.questions, { ...parsed.data, seed: opts.seed ?? randomUUID() }, bank.version);
  if (!planned.ok) {
    console.error(`error: ${planned.error}`);
    return 2;
  }
  loadDotEnv();
  const config = loadConfig();
  const offline: Config = opts.offline ? { ...config, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined } : config;
  const { createServices } = await import('../../main.js');
  const services = await createServices(offline, { bank, log: silentLogger() });
  try {
    const id = randomUUID();
    // Terminal sessions belong to this machine's local profile, like the web app's on 127.0.0.1.
    const profile = await services.profiles.ensure(LOCAL_SUBJECT, Date.now());
    await services.store.create({ id, tokenHash: hashToken(createToken()), plan: planned.plan, createdAt: Date.now(), profileId: profile.id });
    const ports: DriverPorts = { interviewer: services.interviewer, judge: services.judge, now: Date.now };
    console.log(HOW_TO_ANSWER);
    const { state, saved } = await converse(initialState(id, planned.plan), ports, services.store);
    printSummary(state);
    const what = saved ? `Saved as session ${id}.` : `Saved in part (until the warning above) as session ${id}.`;
    console.log(`\n${what} The full report (md, html, pdf or json):\n  ${exportCommand(id, config)}`);
  } finally {
    await services.close();
  }
  return 0;
}

/** The command that exports this session, with the database path when it is not the default one. */
function exportCommand(id: string, config: Config): string {
  const db = config.PROBE_DB_PATH === './data/probe.db' ? '' : `PROBE_DB_PATH=${shellQuote(config.PROBE_DB_PATH)} `;
  return `${db}npx probe export ${id} --format pdf -o probe-report.pdf`;
}

const shellQuote = (value: string): string => (/^[\w./:@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

const toEvent = (input: CandidateInput, at: number): SessionEvent => (input.kind === 'answer' ? { type: 'answer', at, text: input.text } : { type: input.command, at }) as SessionEvent;

/** Reads the candidate's input until the interview ends (or input does), storing every accepted event. */
async function converse(initial: SessionState, ports: DriverPorts, store: SessionStore): Promise<{ state: SessionState; saved: boolean }> {
  let state = initial;
  let stored = 0;
  let saving = true;
  let chain: Promise<unknown> = Promise.resolve();
  const tty = process.stdin.isTTY === true;
  const input = createInterface({ input: process.stdin, terminal: tty });
  const commit = async (event: SessionEvent, result: Parameters<typeof eventCommit>[3]) => {
    if (!saving) return;
    try {
      await store.append(eventCommit(state.id, stored + 1, event, result));
      stored += 1;
    } catch (error) {
      // The interview goes on in memory; only the saved copy stops.
      saving = false;
      console.error(`  [warning] could not save the interview (${(error as Error).message}); it goes on, but \`probe export\` will only have what was saved before this`);
    }
  };
  const hooks = terminalHooks((event) => {
    chain = chain.then(() => apply(event));
  }, ports.interviewer.id !== 'offline', commit);
  const apply = async (event: SessionEvent) => {
    if (state.phase === 'ended') return;
    const result = await dispatch(state, event, ports, hooks);
    state = result.state;
    if (result.rejection) console.log(`  (${result.rejection.message})`);
    if (state.phase === 'answering' && !reader.drafting) process.stdout.write('> ');
    // Ends the read loop without waiting for another keypress.
    if (state.phase === 'ended') input.close();
  };
  const reader = new AnswerReader({
    pasteWindowMs: tty ? PASTE_WINDOW_MS : 0,
    emit: (candidate) => {
      chain = chain.then(() => apply(toEvent(candidate, Date.now())));
    },
  });
  chain = chain.then(() => apply({ type: 'start', at: Date.now() }));
  for await (const line of input) {
    reader.line(line);
    // Piped input is taken a line at a time; a terminal's lines are read as they come, so that the
    // lines of a paste arrive together (see AnswerReader).
    if (!tty) await chain;
    if (state.phase === 'ended') break;
  }
  reader.close();
  await chain;
  if (state.phase !== 'ended') await apply({ type: 'end', at: Date.now() });
  await chain;
  hooks.dispose();
  input.close();
  return { state, saved: saving };
}

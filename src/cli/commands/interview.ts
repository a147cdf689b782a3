// `probe interview`: a whole interview in the terminal, offline by default, driven by the engine.
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
import { loadConfig, loadDotEnv } from '../../config.js';
import { describeIssues } from '../../server/describe-issues.js';
import { duePlan } from '../due-plan.js';

const COMMANDS: Record<string, SessionEvent['type']> = { '/hint': 'hint', '/skip': 'skip', '/retry': 'retry', '/end': 'end' };

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
    .description('hold an interview in the terminal; type /hint, /skip, /retry (drill) or /end at any prompt')
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
    .addHelpText('after', '\nEach line you type is one answer. The interview ends with a summary of scores and missed key points.')
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
  const { choosePorts } = await import('../../main.js');
  const chosen = await choosePorts(opts.offline ? { ...config, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined } : config);
  const ports: DriverPorts = { ...chosen, now: Date.now };
  const state = await converse(initialState(randomUUID(), planned.plan), ports);
  printSummary(state);
  return 0;
}

/** Reads one line per candidate action until the interview ends (or input does). */
async function converse(initial: SessionState, ports: DriverPorts): Promise<SessionState> {
  let state = initial;
  let chain: Promise<unknown> = Promise.resolve();
  const input = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true });
  const hooks = terminalHooks((event) => {
    chain = chain.then(() => apply(event));
  }, ports.interviewer.id !== 'offline');
  const apply = async (event: SessionEvent) => {
    if (state.phase === 'ended') return;
    const result = await dispatch(state, event, ports, hooks);
    state = result.state;
    if (result.rejection) console.log(`  (${result.rejection.message})`);
    if (state.phase === 'answering') process.stdout.write('> ');
  };
  chain = chain.then(() => apply({ type: 'start', at: Date.now() }));
  for await (const line of input) {
    const text = line.trim();
    if (text === '') continue;
    const command = COMMANDS[text.toLowerCase()];
    const event = (command ? { type: command, at: Date.now() } : { type: 'answer', at: Date.now(), text }) as SessionEvent;
    chain = chain.then(() => apply(event));
    await chain;
    if (state.phase === 'ended') break;
  }
  await chain;
  if (state.phase !== 'ended') await apply({ type: 'end', at: Date.now() });
  await chain;
  hooks.dispose();
  input.close();
  return state;
}

// The one place where adapters are built and wired: bank, database, interviewer and judge, logger.
import { loadBank } from './adapters/bank/load-bank.js';
import { shareBankQuestions } from './adapters/db/shared-questions.js';
import { openSessionStore } from './adapters/db/open-session-store.js';
import { createLogger, type Logger } from './adapters/log.js';
import { llmConfigured, type Config } from './config.js';
import type { Bank, Question } from './engine/bank/schema.js';
import { createOfflineInterviewer, createOfflineJudge } from './engine/interviewer/offline-interviewer.js';
import type { Assessor, Interviewer, Judge } from './engine/ports.js';
import { pacedInterviewer } from './server/paced-interviewer.js';
import type { SessionStore } from './server/session-store.js';
import type { ProfileStore } from './server/profile-store.js';
import { openProfileStore } from './adapters/db/open-profile-store.js';
import { startServer, type RunningServer, type StartServerOptions } from './server/start-server.js';

export interface Services {
  config: Config;
  bank: Bank;
  store: SessionStore;
  profiles: ProfileStore;
  interviewer: Interviewer;
  judge: Judge;
  log: Logger;
  /** Judges and decides in one model call (LLM mode); absent when either port was replaced. */
  assessor?: Assessor;
  /** Why new sessions should be refused now (the model path is saturated), or undefined. */
  saturation?: () => { reason: string; retryAfterS: number } | undefined;
  /** Prepares what the model path needs per question (reply schemas, quote terms), so a first answer does not pay for it. */
  warmQuestion?: (question: Question) => void;
  /** Closes what the services hold open (the database). */
  close(): Promise<void>;
}

/** Replacements for tests and tools (a scripted LLM, another store); anything left out is built. */
export interface ServiceOverrides {
  bank?: Bank;
  store?: SessionStore;
  profiles?: ProfileStore;
  interviewer?: Interviewer;
  judge?: Judge;
  log?: Logger;
  /** Offline interviewer only: stream each line word by word, this many ms per word. */
  paceMs?: number;
}

export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const log = overrides.log ?? createLogger({ level: config.PROBE_LOG_LEVEL });
  const bank = overrides.bank ?? (await loadBank(config.PROBE_BANK_DIR));
  shareBankQuestions(bank.questions);
  const chosen = await choosePorts(config, overrides.paceMs ?? 0);
  const store = overrides.store ?? (await openSessionStore(config, log));
  return {
    config,
    bank,
    store,
    profiles: overrides.profiles ?? (await openProfileStore(store)),
    interviewer: overrides.interviewer ?? chosen.interviewer,
    judge: overrides.judge ?? chosen.judge,
    ...(chosen.saturation && !overrides.interviewer ? { saturation: chosen.saturation } : {}),
    ...(chosen.assessor && !overrides.interviewer && !overrides.judge ? { assessor: chosen.assessor } : {}),
    ...(chosen.warmQuestion && !overrides.judge ? { warmQuestion: chosen.warmQuestion } : {}),
    log,
    close: () => store.close(),
  };
}

/**
 * Chooses the interviewer and judge: the LLM ones when an OpenAI-compatible endpoint is configured
 * (they fall back to the offline ones per call on failure), else the offline ones. The prompt
 * templates are loaded and checked here, so a bad prompt file stops start-up.
 */
export async function choosePorts(
  config: Config,
  paceMs = 0,
): Promise<{ interviewer: Interviewer; judge: Judge; assessor?: Assessor; saturation?: Services['saturation']; warmQuestion?: Services['warmQuestion'] }> {
  if (llmConfigured(config)) {
    // Loaded only when used: openai and @langchain/core add to every CLI command's start-up.
    const [{ createLlmPorts }, { loadPrompts }] = await Promise.all([import('./adapters/llm/create-llm-ports.js'), import('./adapters/llm/load-prompts.js')]);
    return createLlmPorts(config, await loadPrompts(config.PROBE_PROMPTS_DIR));
  }
  const offline = createOfflineInterviewer();
  return { interviewer: paceMs > 0 ? pacedInterviewer(offline, paceMs) : offline, judge: createOfflineJudge() };
}

/** Builds the services and starts the server on them. */
export async function startProbe(config: Config, overrides: ServiceOverrides = {}, options: Partial<StartServerOptions> = {}): Promise<{ services: Services; server: RunningServer }> {
  const services = await createServices(config, overrides);
  try {
    const server = await startServer(services, { host: config.HOST, port: config.PORT, ...options });
    return { services, server };
  } catch (error) {
    await services.close();
    throw error;
  }
}

// Configuration to ports: the start-up line naming the interviewer, model ids, and a local server
// (Ollama-style) used with no API key.
import { afterEach, describe, expect, it } from 'vitest';
import { createLlmPorts } from '../../../src/adapters/llm/create-llm-ports.js';
import { interviewerBanner } from '../../../src/adapters/llm/llm-settings.js';
import { loadConfig } from '../../../src/config.js';
import { reply, startScriptedOpenAiServer, type ScriptedServer } from '../../support/scripted-openai-server.js';
import { repoPrompts } from './llm-fixtures.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('interviewerBanner', () => {
  it.each([
    [{}, 'Interviewer: offline (no OPENAI_API_KEY or OPENAI_BASE_URL set)'],
    [{ OPENAI_API_KEY: 'sk-test' }, 'Interviewer: gpt-4o-mini at https://api.openai.com/v1'],
    [{ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', PROBE_MODEL: 'llama3.1' }, 'Interviewer: llama3.1 at http://127.0.0.1:11434/v1'],
    [{ OPENAI_API_KEY: 'sk-test', PROBE_JUDGE_MODEL: 'gpt-4o' }, 'Interviewer: gpt-4o-mini (judge: gpt-4o) at https://api.openai.com/v1'],
  ])('%j -> %s', (env, line) => {
    expect(interviewerBanner(loadConfig(env))).toBe(line);
  });
});

describe('createLlmPorts', () => {
  it('builds an interviewer and a judge on one endpoint, usable without an API key', async () => {
    server = await startScriptedOpenAiServer(() => reply.text('Welcome! We have three questions today; think aloud as you go.'));
    const config = loadConfig({ OPENAI_BASE_URL: server.url, PROBE_MODEL: 'local-model', PROBE_JUDGE_MODEL: 'local-judge' });
    const ports = createLlmPorts(config, await repoPrompts());
    expect([ports.interviewer.id, ports.judge.id, ports.description]).toEqual(['llm:local-model', 'llm:local-judge', `local-model (judge: local-judge) at ${server.url}`]);
    const line = await ports.interviewer.speak({ request: { kind: 'opening' }, mode: 'mock', seed: 1, seq: 1, questionTotal: 3, answers: [] }, () => undefined);
    expect(line.by).toBe('llm:local-model');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer no-key');
  });
});

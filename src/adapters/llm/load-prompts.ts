// Loads the prompt files of prompts/ into @langchain/core mustache templates at start-up and checks
// each against what the code supplies: the same variables, and candidate text only in its slot.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PromptTemplate } from '@langchain/core/prompts';
import { ConfigInvalid } from '../../errors.js';
import { neutraliseTags } from './data-slot.js';
import { PROMPT_SPECS, type PromptName, type PromptSpec, type PromptValues } from './prompt-specs.js';

/** The prompt templates, checked; `render` fills one with the values the code supplies. */
export interface LoadedPrompts {
  dir: string;
  render<N extends PromptName>(name: N, values: PromptValues<N>): Promise<string>;
}

type Checked = { ok: true; template: PromptTemplate } | { ok: false; problems: string[] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every place `variable` is used: {{v}}, {{{v}}}, {{&v}}. */
const usesOf = (text: string, variable: string) => text.match(new RegExp(`\\{\\{\\{?&?\\s*${escape(variable)}\\s*\\}?\\}\\}`, 'g'))?.length ?? 0;

/** Uses of `variable` that sit alone between <tag> and </tag>. */
const slotUsesOf = (text: string, variable: string, tag: string) =>
  text.match(new RegExp(`<${tag}>\\s*\\{\\{\\{?&?\\s*${escape(variable)}\\s*\\}?\\}\\}\\s*</${tag}>`, 'g'))?.length ?? 0;

/** Checks one template's text against its spec; problems name the variable and what to do. */
export function checkPrompt(text: string, spec: PromptSpec): Checked {
  let template: PromptTemplate;
  try {
    template = PromptTemplate.fromTemplate(text, { templateFormat: 'mustache' });
  } catch (error) {
    return { ok: false, problems: [`is not a valid mustache template: ${(error as Error).message}`] };
  }
  const supplied = new Set(spec.variables);
  const used = new Set(template.inputVariables);
  const list = spec.variables.length > 0 ? spec.variables.map((v) => `{{${v}}}`).join(', ') : 'none';
  const problems: string[] = [];
  for (const v of used) {
    if (!supplied.has(v)) problems.push(`uses {{${v}}}, which Probe does not supply; the variables of this prompt are: ${list}`);
  }
  for (const v of supplied) {
    if (!used.has(v)) problems.push(`does not use {{${v}}}, which it must; the variables of this prompt are: ${list}`);
  }
  for (const [variable, tag] of Object.entries(spec.slots)) {
    if (used.has(variable) && usesOf(text, variable) !== slotUsesOf(text, variable, tag)) {
      problems.push(`must put {{${variable}}} (candidate text) only inside <${tag}> ... </${tag}>, alone, so the model reads it as data`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template };
}

async function readSpec(dir: string, spec: PromptSpec): Promise<Checked> {
  let text: string;
  try {
    text = await readFile(path.join(dir, spec.file), 'utf8');
  } catch (error) {
    return { ok: false, problems: [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it holds ${spec.purpose}`] };
  }
  return checkPrompt(text, spec);
}

/**
 * Loads and checks every prompt of PROMPT_SPECS from `dir`. Throws ConfigInvalid listing each
 * problem with its file and variable, so a bad edit stops start-up instead of a later interview.
 */
export async function loadPrompts(dir: string): Promise<LoadedPrompts> {
  const names = Object.keys(PROMPT_SPECS) as PromptName[];
  const checked = await Promise.all(names.map((name) => readSpec(dir, PROMPT_SPECS[name])));
  const problems = checked.flatMap((c, i) => (c.ok ? [] : c.problems.map((p) => `  ${PROMPT_SPECS[names[i] as PromptName].file}: ${p}`)));
  if (problems.length > 0) {
    throw new ConfigInvalid(`invalid prompt templates in ${dir}:\n${problems.join('\n')}\nFix these files (or point PROBE_PROMPTS_DIR elsewhere) and start again.`);
  }
  const templates = new Map(names.map((name, i) => [name, (checked[i] as { template: PromptTemplate }).template]));
  const format = (name: PromptName, values: Record<string, string>) => (templates.get(name) as PromptTemplate).format(values);
  const rendered = createRenderCache(format);
  return {
    dir,
    render: (name, values) => rendered(name, PROMPT_SPECS[name], values),
  };
}

/** Rendered prompts kept, at most this many (a bank's questions times the few forms of each prompt). */
const MAX_CACHED = 1024;

/** A rendered template cut where its candidate-text slots go: parts[0] slot[0] parts[1] ... */
interface Cut {
  parts: string[];
  slots: string[];
}

/**
 * Renders through a cache. A turn renders the same judge, decision and line prompts for the same
 * question again and again, with only the answer new: mustache's output was rebuilt each time and the
 * SDK then flattened it again to send it. A prompt is cached by its values other than candidate text;
 * that text goes into a kept cut of the template, but only where filling the cut is shown to give
 * exactly what mustache gives (checked once per cut with two sample texts), else it is rendered afresh.
 */
function createRenderCache(format: (name: PromptName, values: Record<string, string>) => Promise<string>) {
  const cache = new Map<string, Promise<Cut | undefined>>();
  const cut = async (name: PromptName, spec: PromptSpec, values: Record<string, string>): Promise<Cut | undefined> => {
    const slots = Object.keys(spec.slots);
    const marks = slots.map((_, i) => `\u0002slot${i}\u0002`);
    const text = await format(name, { ...values, ...Object.fromEntries(slots.map((v, i) => [v, marks[i] as string])) });
    const parts: string[] = [];
    const order: string[] = [];
    let rest = text;
    for (let next = nextMark(rest, marks); next; next = nextMark(rest, marks)) {
      parts.push(rest.slice(0, next.at));
      order.push(slots[next.index] as string);
      rest = rest.slice(next.at + (marks[next.index] as string).length);
    }
    parts.push(rest);
    const found: Cut = { parts, slots: order };
    for (const sample of ['', 'a <b> & {{c}} "d"\n']) {
      const filled = { ...values, ...Object.fromEntries(slots.map((v) => [v, sample])) };
      if ((await format(name, filled)) !== fill(found, filled)) return undefined;
    }
    return found;
  };
  return async (name: PromptName, spec: PromptSpec, values: Record<string, string>): Promise<string> => {
    const filled: Record<string, string> = { ...values };
    for (const variable of Object.keys(spec.slots)) filled[variable] = neutraliseTags(filled[variable] ?? '');
    const key = JSON.stringify([name, ...spec.variables.filter((v) => !(v in spec.slots)).map((v) => values[v] ?? '')]);
    let found = cache.get(key);
    if (!found) {
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(key, (found = cut(name, spec, values)));
      found.catch(() => cache.delete(key));
    }
    const kept = await found;
    return kept ? fill(kept, filled) : format(name, filled);
  };
}

function nextMark(text: string, marks: string[]): { at: number; index: number } | undefined {
  let best: { at: number; index: number } | undefined;
  marks.forEach((mark, index) => {
    const at = text.indexOf(mark);
    if (at >= 0 && (!best || at < best.at)) best = { at, index };
  });
  return best;
}

function fill(cut: Cut, values: Record<string, string>): string {
  let text = cut.parts[0] as string;
  cut.slots.forEach((slot, i) => (text += (values[slot] ?? '') + (cut.parts[i + 1] as string)));
  return text;
}

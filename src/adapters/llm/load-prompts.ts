// Loads the prompt files of prompts/ into @langchain/core mustache templates at start-up and checks
// each against what the code supplies: the same variables, and candidate text only in its slot.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTemplate, PromptTemplate } from '@langchain/core/prompts';
import { ConfigInvalid } from '../../errors.js';
import { compactText } from '../compact-text.js';
import { neutraliseTags } from './data-slot.js';
import { PROMPT_SPECS, type PromptName, type PromptSpec, type PromptValues } from './prompt-specs.js';

/** The prompt templates, checked; `render` fills one with the values the code supplies. */
export interface LoadedPrompts {
  dir: string;
  render<N extends PromptName>(name: N, values: PromptValues<N>): Promise<string>;
  /**
   * `name` rendered once with every value but `variable`'s, for a caller that renders it again and
   * again with only that value changing (the judge's prompt of one question, answer after answer).
   * Undefined when the template is more than text and variables, or uses `variable` other than once.
   */
  split<N extends PromptName, V extends keyof PromptValues<N> & string>(name: N, values: Omit<PromptValues<N>, V>, variable: V): SplitPrompt | undefined;
}

/** A prompt with one variable left open: `fill` renders it with that variable's value. */
export interface SplitPrompt {
  fill(value: string): string;
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
  const flat = new Map(await Promise.all(names.map(async (name) => [name, await flatParts(templates.get(name) as PromptTemplate)] as const)));
  /** The values with candidate text defused, all but `open`'s (a split prompt's value, defused as it comes). */
  const fillSlots = (spec: PromptSpec, values: Readonly<Record<string, string>>, open?: string): Record<string, string> => {
    const filled: Record<string, string> = { ...values };
    for (const variable of Object.keys(spec.slots)) if (variable !== open) filled[variable] = neutraliseTags(filled[variable] ?? '');
    return filled;
  };
  // A prompt without variables renders to the same text every time: kept, compact (compact-text.ts).
  const constant = new Map<PromptName, string>();
  for (const name of names) {
    const parts = flat.get(name);
    if (parts && PROMPT_SPECS[name].variables.length === 0) constant.set(name, compactText(joinParts(parts, {})));
  }
  return {
    dir,
    render: async (name, values) => {
      const known = constant.get(name);
      if (known !== undefined) return known;
      const spec: PromptSpec = PROMPT_SPECS[name];
      const filled = fillSlots(spec, values);
      const parts = flat.get(name);
      return parts ? joinParts(parts, filled) : (templates.get(name) as PromptTemplate).format(filled);
    },
    split: (name, values, variable) => {
      const parts = flat.get(name);
      const at = parts?.findIndex((p) => typeof p !== 'string' && p.variable === variable) ?? -1;
      if (!parts || at < 0 || parts.findIndex((p, i) => i > at && typeof p !== 'string' && p.variable === variable) >= 0) return undefined;
      const spec: PromptSpec = PROMPT_SPECS[name];
      const filled = fillSlots(spec, values as Readonly<Record<string, string>>, variable);
      const before = compactText(joinParts(parts.slice(0, at), filled));
      const after = compactText(joinParts(parts.slice(at + 1), filled));
      const slot = variable in spec.slots;
      return { fill: (value) => before + (slot ? neutraliseTags(value) : value) + after };
    },
  };
}

/** A template of text and plain variables, as the pieces its rendering joins. */
type Parts = readonly (string | { variable: string })[];

function joinParts(parts: Parts, values: Readonly<Record<string, string>>): string {
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : (values[part.variable] ?? '');
  return out;
}

/**
 * The template's parts, when joining them renders exactly what mustache renders: true of text and
 * plain variables (all of Probe's prompts), which then skip the template engine on every call.
 * Anything more ({{#section}}, {{! comment}}, {{> partial}}, a.b names) is rendered by the template.
 */
async function flatParts(template: PromptTemplate): Promise<Parts | undefined> {
  const parts: Parts = parseTemplate(template.template as string, 'mustache').map((node) => (node.type === 'literal' ? node.text : { variable: node.name }));
  const marked = Object.fromEntries(template.inputVariables.map((v, i) => [v, `[[${i}:${v}]]`]));
  const empty = Object.fromEntries(template.inputVariables.map((v) => [v, '']));
  for (const values of [marked, empty]) if ((await template.format(values)) !== joinParts(parts, values)) return undefined;
  return parts;
}

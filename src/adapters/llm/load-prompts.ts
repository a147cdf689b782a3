// Loads the prompt files of prompts/ into @langchain/core mustache templates at start-up and checks
// each against what the code supplies: the same variables, and candidate text only in its slot.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTemplate, PromptTemplate } from '@langchain/core/prompts';
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
  const flat = new Map(await Promise.all(names.map(async (name) => [name, await flatParts(templates.get(name) as PromptTemplate)] as const)));
  return {
    dir,
    render: async (name, values) => {
      const spec: PromptSpec = PROMPT_SPECS[name];
      const filled: Record<string, string> = { ...values };
      for (const variable of Object.keys(spec.slots)) filled[variable] = neutraliseTags(filled[variable] ?? '');
      const parts = flat.get(name);
      return parts ? joinParts(parts, filled) : (templates.get(name) as PromptTemplate).format(filled);
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

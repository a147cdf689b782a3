// Turns parsed bank files into a Bank, collecting every problem with its file, question and field.
// Pure: the adapter reads and parses the YAML, this decides what is wrong with it.
import { z } from 'zod';
import { BankEnvelopeSchema, QuestionFileSchema, TopicSchema, type Bank, type Question, type QuestionFile, type Rubric, type Topic } from './schema.js';

/** One thing wrong with the bank, located as precisely as we can. */
export interface BankProblem {
  file: string;
  questionId?: string;
  field?: string;
  message: string;
}

/** A YAML file after parsing (or the parse error the adapter met). */
export interface ParsedBankFile {
  file: string;
  data?: unknown;
  parseError?: string;
}

/** Just the fields the cross-checks read, for questions that fail the full schema. */
const LooseQuestionSchema = z.object({
  id: z.string(),
  reference_answer: z.string(),
  key_points: z.array(z.object({ id: z.string(), weight: z.number() })),
  follow_ups: z.array(z.object({ target: z.string() })),
});
type LooseQuestion = z.infer<typeof LooseQuestionSchema>;

interface ParsedFile {
  file: string;
  topic: Topic | undefined;
  rubrics: Rubric[];
  questions: QuestionFile[];
  /** Every question id in the file, valid question or not, for duplicate detection. */
  ids: string[];
}

export interface BankValidation {
  bank: Omit<Bank, 'version'>;
  problems: BankProblem[];
}

const WEIGHT_TOLERANCE = 0.011;
const MIN_REFERENCE_WORDS = 80;
const MAX_REFERENCE_WORDS = 250;

/** Validates the files as one bank: schema, cross-references, weights and unique ids. */
export function validateBank(files: ParsedBankFile[]): BankValidation {
  const problems: BankProblem[] = [];
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    if (f.parseError !== undefined) {
      problems.push({ file: f.file, message: `YAML does not parse: ${f.parseError}` });
      continue;
    }
    const envelope = BankEnvelopeSchema.safeParse(f.data ?? {});
    if (!envelope.success) {
      problems.push(...schemaProblems(f.file, f.data, envelope.error.issues));
      continue;
    }
    const questions: QuestionFile[] = [];
    const ids: string[] = [];
    let topic: Topic | undefined;
    if (envelope.data.topic !== undefined) {
      const t = TopicSchema.safeParse(envelope.data.topic);
      if (t.success) topic = t.data;
      else problems.push(...schemaProblems(f.file, f.data, t.error.issues.map((issue) => ({ ...issue, path: ['topic', ...issue.path] }))));
    }
    (envelope.data.questions ?? []).forEach((raw, i) => {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.push(id);
      const q = QuestionFileSchema.safeParse(raw);
      if (q.success) {
        questions.push(q.data);
        return;
      }
      problems.push(...schemaProblems(f.file, f.data, q.error.issues.map((issue) => ({ ...issue, path: ['questions', i, ...issue.path] }))));
      // Still run the cross-checks a half-valid question allows, so one run reports everything.
      const loose = LooseQuestionSchema.safeParse(raw);
      if (loose.success) problems.push(...questionProblems(loose.data).map((p) => ({ file: f.file, questionId: loose.data.id, ...p })));
    });
    parsed.push({ file: f.file, topic, rubrics: envelope.data.rubrics ?? [], questions, ids });
  }

  const rubrics = collectRubrics(parsed, problems);
  const topics: Topic[] = [];
  const questions: Question[] = [];
  const seenIds = new Map<string, string>();
  for (const { file, ids } of parsed) {
    for (const id of ids) {
      const previous = seenIds.get(id);
      if (previous !== undefined) problems.push({ file, questionId: id, field: 'id', message: `duplicate question id, first defined in ${previous}` });
      else seenIds.set(id, file);
    }
  }
  for (const { file, topic, questions: fileQuestions, ids } of parsed) {
    if (topic) topics.push(topic);
    if (ids.length > 0 && !topic) problems.push({ file, field: 'topic', message: 'a file with questions needs a `topic:` header (id, title)' });
    for (const q of fileQuestions) {
      const where = { file, questionId: q.id };
      if (topic && q.topic !== topic.id) {
        problems.push({ ...where, field: 'topic', message: `is "${q.topic}" but the file's topic is "${topic.id}"` });
      }
      problems.push(...questionProblems(q).map((p) => ({ ...where, ...p })));
      const rubric = resolveRubric(q, rubrics, (p) => problems.push({ ...where, ...p }));
      if (rubric) questions.push(toQuestion(q, rubric, topic?.title));
    }
  }
  return { bank: { topics: inGuideOrder(topics), rubrics: [...rubrics.values()], questions }, problems };
}

/** Topics by their `order` (the guide's), those without one last in file order; the sort is stable. */
function inGuideOrder(topics: Topic[]): Topic[] {
  return [...topics].sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
}

function schemaProblems(file: string, data: unknown, issues: z.core.$ZodIssue[]): BankProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    let questionId: string | undefined;
    let field = path.join('.');
    if (path[0] === 'questions' && path[1] !== undefined) {
      const raw = (data as { questions?: { id?: unknown }[] } | undefined)?.questions?.[Number(path[1])];
      questionId = typeof raw?.id === 'string' ? raw.id : `#${Number(path[1]) + 1}`;
      field = path.slice(2).join('.');
    }
    return { file, ...(questionId ? { questionId } : {}), ...(field ? { field } : {}), message: issue.message };
  });
}

function collectRubrics(parsed: ParsedFile[], problems: BankProblem[]): Map<string, Rubric> {
  const rubrics = new Map<string, Rubric>();
  for (const { file, rubrics: own } of parsed) {
    for (const r of own) {
      if (rubrics.has(r.id)) problems.push({ file, field: `rubrics.${r.id}`, message: 'duplicate rubric id' });
      const sum = r.criteria.reduce((s, c) => s + c.weight, 0);
      if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
        problems.push({ file, field: `rubrics.${r.id}.criteria`, message: `criterion weights sum to ${round(sum)}, expected 1` });
      }
      rubrics.set(r.id, r);
    }
  }
  return rubrics;
}

function questionProblems(q: LooseQuestion): Omit<BankProblem, 'file'>[] {
  const out: Omit<BankProblem, 'file'>[] = [];
  const kpIds = new Set<string>();
  for (const kp of q.key_points) {
    if (kpIds.has(kp.id)) out.push({ field: `key_points.${kp.id}`, message: 'duplicate key point id' });
    kpIds.add(kp.id);
  }
  const sum = q.key_points.reduce((s, kp) => s + kp.weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    out.push({ field: 'key_points.weight', message: `key point weights sum to ${round(sum)}, expected 1` });
  }
  q.follow_ups.forEach((f, i) => {
    if (f.target !== 'depth' && !kpIds.has(f.target)) {
      out.push({ field: `follow_ups.${i}.target`, message: `names key point "${f.target}", which this question does not have` });
    }
  });
  const words = q.reference_answer.trim().split(/\s+/).length;
  if (words < MIN_REFERENCE_WORDS || words > MAX_REFERENCE_WORDS) {
    out.push({ field: 'reference_answer', message: `has ${words} words, expected ${MIN_REFERENCE_WORDS}-${MAX_REFERENCE_WORDS}` });
  }
  return out;
}

function resolveRubric(q: QuestionFile, rubrics: Map<string, Rubric>, report: (p: Omit<BankProblem, 'file'>) => void): Rubric | undefined {
  const id = q.rubric ?? q.kind;
  const base = rubrics.get(id);
  if (!base) {
    report({ field: 'rubric', message: `unknown rubric "${id}" (known: ${[...rubrics.keys()].join(', ') || 'none'})` });
    return undefined;
  }
  if (base.kind !== q.kind) report({ field: 'rubric', message: `rubric "${id}" is for ${base.kind} questions, this one is ${q.kind}` });
  if (!q.rubric_weights) return base;
  const known = new Set(base.criteria.map((c) => c.id));
  for (const key of Object.keys(q.rubric_weights)) {
    if (!known.has(key)) report({ field: `rubric_weights.${key}`, message: `rubric "${id}" has no criterion "${key}"` });
  }
  const criteria = base.criteria.map((c) => ({ ...c, weight: q.rubric_weights?.[c.id] ?? c.weight }));
  const sum = criteria.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) report({ field: 'rubric_weights', message: `re-weighted criteria sum to ${round(sum)}, expected 1` });
  return { ...base, criteria };
}

function toQuestion(q: QuestionFile, rubric: Rubric, topicTitle: string | undefined): Question {
  return {
    id: q.id,
    topic: q.topic,
    ...(topicTitle !== undefined ? { topicTitle } : {}),
    difficulty: q.difficulty,
    kind: q.kind,
    source: q.source,
    tags: q.tags,
    prompt: q.prompt,
    referenceAnswer: q.reference_answer,
    keyPoints: q.key_points,
    followUps: q.follow_ups,
    rubric,
  };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Formats a problem as one line: `file: question id: field: message`. */
export function formatProblem(p: BankProblem): string {
  return [p.file, p.questionId, p.field, p.message].filter(Boolean).join(': ');
}

// Whether a verified quote carries content relevant to the key point it is claimed for: at least
// one content word of the key point's own statement or cues, or two words of the reference sentence
// that states it best ("related words"). Stop words, the question's own words and non-answer phrases
// ("I don't know") never count. Terms come from the offline scorer's analysis (stems, synonyms,
// multi-word names), so "discriminators" matches "discriminator" and "EMD" matches "earth mover's".
import type { Question } from '../../engine/bank/schema.js';
import { analyzeText, contentTerms } from '../../engine/scoring/analyze-text.js';
import { getQuestionModel } from '../../engine/scoring/question-model.js';

/** What a quote must draw on to count for one key point. */
interface KeyPointTerms {
  own: Set<string>;
  related: Set<string>;
}

interface QuestionTerms {
  question: Set<string>;
  byKeyPoint: Map<string, KeyPointTerms>;
}

/** Related words alone need this many distinct terms: one shared word of a long sentence proves little. */
const RELATED_TERMS_NEEDED = 2;

const NON_ANSWER = /\b(?:i\s+(?:do\s*not|don'?t|dont|really\s+don'?t)\s+(?:really\s+)?(?:know|remember|recall|understand)|no\s+(?:idea|clue)|not\s+(?:really\s+)?sure|unsure|not\s+familiar|never\s+heard|(?:can'?t|cannot)\s+(?:say|remember|recall)|dunno|idk)\b/gi;

const cache = new WeakMap<Question, QuestionTerms>();

function termsOf(question: Question): QuestionTerms {
  const hit = cache.get(question);
  if (hit) return hit;
  const model = getQuestionModel({ question: question.prompt, reference: question.referenceAnswer, keyPoints: question.keyPoints });
  const questionTerms = model.questionTerms;
  const sentences = question.referenceAnswer.split(/(?<=[.!?;])\s+/).map((s) => contentTerms(analyzeText(s)));
  const byKeyPoint = new Map<string, KeyPointTerms>();
  for (const kp of model.variants[0]?.keyPoints ?? []) {
    const own = new Set([kp.statement, ...kp.cues].flatMap((p) => p.terms.map((t) => t.term)).filter((t) => !questionTerms.has(t)));
    // The reference sentence(s) that state this key point: those sharing the most of its words.
    const overlap = sentences.map((sentence) => [...sentence].filter((t) => own.has(t)).length);
    const best = Math.max(1, ...overlap);
    const related = new Set<string>();
    sentences.forEach((sentence, i) => {
      if (overlap[i] === best) for (const t of sentence) if (!questionTerms.has(t)) related.add(t);
    });
    byKeyPoint.set(kp.keyPoint.id, { own, related });
  }
  const terms = { question: questionTerms, byKeyPoint };
  cache.set(question, terms);
  return terms;
}

/** The quote's content terms, leaving out the question's words and those inside non-answer phrases. */
function quoteTerms(quote: string, questionTerms: Set<string>): Set<string> {
  const blanked = quote.replace(NON_ANSWER, (m) => ' '.repeat(m.length));
  return new Set([...contentTerms(analyzeText(blanked))].filter((t) => !questionTerms.has(t)));
}

/** The words of `quote` that tie it to key point `keyPointId`; empty when it carries nothing relevant. */
export function relevantTerms(question: Question, keyPointId: string, quote: string): string[] {
  const { question: questionTerms, byKeyPoint } = termsOf(question);
  const kp = byKeyPoint.get(keyPointId);
  if (!kp) return [];
  const terms = [...quoteTerms(quote, questionTerms)];
  const own = terms.filter((t) => kp.own.has(t));
  if (own.length > 0) return own;
  const related = terms.filter((t) => kp.related.has(t));
  return related.length >= RELATED_TERMS_NEEDED ? related : [];
}

// The numbers at the top of the report: the overall score and its band, the per-topic scores and
// the per-criterion averages, all from the per-question sections.
import type { CriterionScore, Overall, ReportQuestion, ScoreBand, TopicScore } from './report-schema.js';

/** Lower bounds of the score bands; the verdict's tone follows the band. */
const BANDS: [ScoreBand, number][] = [
  ['strong', 80],
  ['solid', 60],
  ['developing', 40],
  ['starting', 0],
];

export const OVERALL_RULE =
  'Difficulty-weighted mean of each counted question’s score (entry ×1, mid ×1.5, senior ×2). ' +
  'An answered question counts with its latest evaluation; skipped and timed-out questions count as 0; ' +
  'questions never reached or never answered before the interview ended are left out.';

export function bandOf(score: number): ScoreBand {
  return (BANDS.find(([, min]) => score >= min) ?? BANDS[BANDS.length - 1])?.[0] ?? 'starting';
}

function weightedMean(questions: ReportQuestion[]): number | null {
  const counted = questions.filter((q) => q.score !== null);
  const total = counted.reduce((s, q) => s + q.weight, 0);
  if (total === 0) return null;
  return Math.round(counted.reduce((s, q) => s + q.weight * (q.score ?? 0), 0) / total);
}

/**
 * The overall score: the difficulty-weighted mean of every counted question's score, where an
 * answered question brings its latest evaluation's overall, a skipped or timed-out one brings 0,
 * and unscored, unanswered or not-reached questions are left out. Rounded to a whole number;
 * null when nothing counted.
 */
export function overallOf(questions: ReportQuestion[]): Overall {
  const score = weightedMean(questions);
  const count = (s: ReportQuestion['status']) => questions.filter((q) => q.status === s).length;
  const counted = questions.filter((q) => q.score !== null).length;
  return {
    score,
    band: score === null ? null : bandOf(score),
    total: questions.length,
    counted,
    answered: count('answered'),
    skipped: count('skipped'),
    timedOut: count('timed-out'),
    notCounted: questions.length - counted,
    rule: OVERALL_RULE,
  };
}

/** Per topic, in the order topics first appear in the plan; the same weighted mean as the overall. */
export function topicScores(questions: ReportQuestion[]): TopicScore[] {
  const topics = [...new Set(questions.map((q) => q.topic))];
  return topics.map((id) => {
    const of = questions.filter((q) => q.topic === id);
    return { id, title: of[0]?.topicTitle ?? id, score: weightedMean(of), counted: of.filter((q) => q.score !== null).length, total: of.length };
  });
}

/**
 * Per rubric criterion (technical and behavioral criteria side by side): the mean level 0-4 over
 * the answered questions that were rated on it. Skipped questions have no levels and are not in it.
 */
export function criterionScores(questions: ReportQuestion[]): CriterionScore[] {
  const byId = new Map<string, { name: string; levels: number[] }>();
  for (const q of questions) {
    for (const c of q.criteria) {
      const entry = byId.get(c.id) ?? { name: c.name, levels: [] };
      entry.levels.push(c.level);
      byId.set(c.id, entry);
    }
  }
  return [...byId.entries()].map(([id, { name, levels }]) => {
    const average = Math.round((levels.reduce((s, l) => s + l, 0) / levels.length) * 10) / 10;
    return { id, name, average, percent: Math.round((average / 4) * 100), questions: levels.length };
  });
}

// Where to study next and what already works, grouped by topic. The candidate never sees the
// guide, so every gap points at what the report itself holds: the weak questions' reference
// answers and key points.
import type { CriterionScore, Gap, ReportQuestion, Strength } from './report-schema.js';

export const MAX_GAPS = 3;
/**
 * A question scoring this or more is not a gap, however small its missed points: advice that says
 * "build depth, starting with" a 97 reads as a mistake. It matches the "strong" band's floor.
 */
export const WEAK_BELOW = 80;
/** A topic is a strength when at least this share of its key point weight was covered. */
const STRENGTH_SHARE = 0.75;
/** A criterion is a strength at this mean level (3 = "clear and correct" in the shared rubrics). */
const STRENGTH_LEVEL = 3;
const MAX_TOPIC_STRENGTHS = 3;
const MAX_CRITERION_STRENGTHS = 2;

interface TopicGroup {
  id: string;
  title: string;
  questions: ReportQuestion[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Groups the counted questions by topic, in order of first appearance. */
function byTopic(questions: ReportQuestion[]): TopicGroup[] {
  const out = new Map<string, TopicGroup>();
  for (const q of questions.filter((x) => x.score !== null)) {
    const group = out.get(q.topic) ?? { id: q.topic, title: q.topicTitle, questions: [] };
    group.questions.push(q);
    out.set(q.topic, group);
  }
  return [...out.values()];
}

const missedPoints = (q: ReportQuestion) => q.keyPoints.filter((k) => k.status === 'missed' || k.status === 'partly');

/** A question worth studying: counted, below the strong band, with key points missed or partly covered. */
const isWeak = (q: ReportQuestion): boolean => q.score !== null && q.score < WEAK_BELOW && missedPoints(q).length > 0;

/** "question 3 (42/100)" or "questions 3 (42/100) and 5 (55/100)". */
export function questionList(questions: { number: number; score: number }[]): string {
  const items = questions.map((q) => `${q.number} (${Math.round(q.score)}/100)`);
  const joined = items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `question${items.length === 1 ? '' : 's'} ${joined}`;
}

function studyLine(weak: { number: number; score: number }[]): string {
  const one = weak.length === 1;
  return `Compare your answer${one ? '' : 's'} to ${questionList(weak)} with ${one ? 'its' : 'their'} reference answer${one ? '' : 's'} and key points in this report.`;
}

/**
 * The top gaps: topics holding weak questions (below WEAK_BELOW, with key points missed), ranked by
 * their weakest question's score, then by missed key point weight (missed = weight, partly = half;
 * a skipped question misses all of its points). Ties go to the topic asked first. At most three.
 */
export function gapsOf(questions: ReportQuestion[]): Gap[] {
  const ranked = byTopic(questions)
    .map((t) => {
      const weak = t.questions.filter(isWeak).sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || a.number - b.number);
      const points = weak.flatMap((q) =>
        missedPoints(q).map((k) => ({
          questionNumber: q.number,
          questionId: q.id,
          keyPointId: k.id,
          statement: k.statement,
          status: k.status as 'missed' | 'partly',
          missedWeight: round2(k.status === 'missed' ? k.weight : k.weight / 2),
        })),
      );
      points.sort((a, b) => b.missedWeight - a.missedWeight || a.questionNumber - b.questionNumber);
      return { t, weak, points, missedWeight: round2(points.reduce((sum, p) => sum + p.missedWeight, 0)) };
    })
    .filter((g) => g.weak.length > 0);
  // Array.prototype.sort is stable, so equal ranks keep the order the topics were asked in.
  ranked.sort((a, b) => (a.weak[0]?.score ?? 0) - (b.weak[0]?.score ?? 0) || b.missedWeight - a.missedWeight);
  return ranked.slice(0, MAX_GAPS).map((g, i) => {
    const weak = g.weak.map((q) => ({ number: q.number, score: q.score ?? 0 }));
    return {
      rank: i + 1,
      title: g.t.title,
      source: g.t.id,
      beyondGuide: g.t.questions.every((q) => q.beyondGuide),
      study: studyLine(weak),
      questions: weak,
      missedWeight: g.missedWeight,
      points: g.points,
    };
  });
}

function coveredShare(t: TopicGroup): number {
  const covered = t.questions.reduce(
    (sum, q) => sum + q.keyPoints.reduce((s, k) => s + (k.status === 'covered' ? k.weight : k.status === 'partly' ? k.weight / 2 : 0), 0),
    0,
  );
  return covered / t.questions.length;
}

/**
 * Strengths: topics whose key points were mostly covered (best first, at most three), then rubric
 * criteria with a high mean level (at most two).
 */
export function strengthsOf(questions: ReportQuestion[], criteria: CriterionScore[]): Strength[] {
  const byShare = byTopic(questions)
    .map((t) => ({ t, share: coveredShare(t) }))
    .filter((x) => x.share >= STRENGTH_SHARE)
    .sort((a, b) => b.share - a.share)
    .slice(0, MAX_TOPIC_STRENGTHS)
    .map(({ t, share }): Strength => {
      const covered = t.questions.flatMap((q) => q.keyPoints.filter((k) => k.status === 'covered').map((k) => k.statement));
      return {
        kind: 'section',
        title: t.title,
        detail: `${Math.round(share * 100)}% of the key points covered, including: ${covered.slice(0, 2).join(' ')}`,
        source: t.id,
        beyondGuide: t.questions.every((q) => q.beyondGuide),
      };
    });
  const byCriterion = criteria
    .filter((c) => c.average >= STRENGTH_LEVEL)
    .sort((a, b) => b.average - a.average)
    .slice(0, MAX_CRITERION_STRENGTHS)
    .map((c): Strength => ({
      kind: 'criterion',
      title: c.name,
      detail: `${c.average.toFixed(1)} of 4 on average over ${c.questions} answer${c.questions === 1 ? '' : 's'}.`,
      source: null,
      beyondGuide: false,
    }));
  return [...byShare, ...byCriterion];
}

// Where to study next and what already works: gaps and strengths, grouped by the guide section each
// question comes from (questions beyond the guide are grouped by topic), so every item points somewhere.
import type { CriterionScore, Gap, ReportQuestion, Strength } from './report-schema.js';

export const MAX_GAPS = 3;
/** A section is a strength when at least this share of its key point weight was covered. */
const STRENGTH_SHARE = 0.75;
/** A criterion is a strength at this mean level (3 = "clear and correct" in the shared rubrics). */
const STRENGTH_LEVEL = 3;
const MAX_SECTION_STRENGTHS = 3;
const MAX_CRITERION_STRENGTHS = 2;

interface Section {
  key: string;
  title: string;
  source: string;
  beyondGuide: boolean;
  questions: ReportQuestion[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Groups the counted questions by study section, in order of first appearance. */
function sections(questions: ReportQuestion[]): Section[] {
  const out = new Map<string, Section>();
  for (const q of questions.filter((x) => x.score !== null)) {
    const key = q.beyondGuide ? `beyond:${q.topic}` : `source:${q.source}`;
    const title = q.beyondGuide ? `Beyond the guide: ${q.topic}` : q.source;
    const section = out.get(key) ?? { key, title, source: q.source, beyondGuide: q.beyondGuide, questions: [] };
    section.questions.push(q);
    out.set(key, section);
  }
  return [...out.values()];
}

function studyLine(s: Section): string {
  const numbers = s.questions.map((q) => q.number).join(', ');
  if (s.beyondGuide) return `This goes beyond the guide: study the reference answer of question ${numbers} and the points below.`;
  return `Study the guide section “${s.source}” (question ${numbers}).`;
}

/**
 * The top gaps: sections ranked by missed key point weight summed across their questions (a
 * missed point counts its full weight, a partly covered one half; a skipped question misses all of
 * its points). Ties go to the section asked first. At most three.
 */
export function gapsOf(questions: ReportQuestion[]): Gap[] {
  const ranked = sections(questions)
    .map((s) => {
      const points = s.questions.flatMap((q) =>
        q.keyPoints
          .filter((k) => k.status === 'missed' || k.status === 'partly')
          .map((k) => ({
            questionNumber: q.number,
            questionId: q.id,
            keyPointId: k.id,
            statement: k.statement,
            status: k.status as 'missed' | 'partly',
            missedWeight: round2(k.status === 'missed' ? k.weight : k.weight / 2),
          })),
      );
      points.sort((a, b) => b.missedWeight - a.missedWeight || a.questionNumber - b.questionNumber);
      return { s, points, missedWeight: round2(points.reduce((sum, p) => sum + p.missedWeight, 0)) };
    })
    .filter((g) => g.missedWeight > 0);
  // Array.prototype.sort is stable, so equal weights keep the order the sections were asked in.
  ranked.sort((a, b) => b.missedWeight - a.missedWeight);
  return ranked.slice(0, MAX_GAPS).map((g, i) => ({
    rank: i + 1,
    title: g.s.title,
    source: g.s.source,
    beyondGuide: g.s.beyondGuide,
    study: studyLine(g.s),
    missedWeight: g.missedWeight,
    points: g.points,
  }));
}

function coveredShare(s: Section): number {
  const covered = s.questions.reduce(
    (sum, q) => sum + q.keyPoints.reduce((t, k) => t + (k.status === 'covered' ? k.weight : k.status === 'partly' ? k.weight / 2 : 0), 0),
    0,
  );
  return covered / s.questions.length;
}

/**
 * Strengths: sections whose key points were mostly covered (best first, at most three), then rubric
 * criteria with a high mean level (at most two).
 */
export function strengthsOf(questions: ReportQuestion[], criteria: CriterionScore[]): Strength[] {
  const bySection = sections(questions)
    .map((s) => ({ s, share: coveredShare(s) }))
    .filter((x) => x.share >= STRENGTH_SHARE)
    .sort((a, b) => b.share - a.share)
    .slice(0, MAX_SECTION_STRENGTHS)
    .map(({ s, share }): Strength => {
      const covered = s.questions.flatMap((q) => q.keyPoints.filter((k) => k.status === 'covered').map((k) => k.statement));
      return {
        kind: 'section',
        title: s.title,
        detail: `${Math.round(share * 100)}% of the key points covered, including: ${covered.slice(0, 2).join(' ')}`,
        source: s.source,
        beyondGuide: s.beyondGuide,
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
  return [...bySection, ...byCriterion];
}

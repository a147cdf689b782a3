// A hand-made ReportQuestion for table tests of the summary rules (defaults: an answered entry question).
import type { ReportQuestion } from '../../../src/engine/report/report-schema.js';

type KP = { id: string; weight: number; status: ReportQuestion['keyPoints'][number]['status'] };

export function rq(over: Partial<ReportQuestion> & { kps?: KP[] } = {}): ReportQuestion {
  const { kps, ...rest } = over;
  const number = rest.number ?? 1;
  return {
    number,
    id: `q${number}`,
    topic: rest.topic ?? 'gans',
    topicTitle: `Topic ${rest.topic ?? 'gans'}`,
    difficulty: 1,
    kind: 'technical',
    source: 'Section A',
    beyondGuide: false,
    prompt: 'Explain it.',
    referenceAnswer: 'Reference.',
    status: 'answered',
    score: 50,
    weight: 1,
    attempts: 1,
    exchanges: [],
    keyPoints: (kps ?? []).map((k) => ({ ...k, statement: `Point ${k.id}.`, evidence: [], matched: [], negated: false })),
    criteria: [],
    flags: [],
    hints: [],
    followUps: 0,
    scoring: { scorer: 'offline', model: null, fallback: null, droppedClaims: [], disagreement: false, offlineScore: null, usage: null },
    notes: [],
    earlierAttempts: [],
    ...rest,
  };
}

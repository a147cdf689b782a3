// Offline estimates of the behavioral (STAR) rubric from discourse signals: setting and stakes,
// the candidate's own actions, a (measured) result, and reflection; blended with key point
// coverage when the question has key points.
import type { AnswerFeatures } from './answer-features.js';
import { clamp01, type ContentSummary } from './content-summary.js';
import type { CriterionValue } from './technical-criteria.js';

export type StarCriterion = 'situation' | 'action' | 'result' | 'reflection';

const SITUATION = [
  /\b(when|while) (i|we) (was|were|worked|joined)\b/, /\bat (my|our|a) (previous|last|current|old|former)\b/,
  /\bin my (last|previous|current|first) (role|job|team|company|position)\b/, /\b(our|my|the) team\b/, /\bproject\b/,
  /\b(deadline|launch|release|migration|outage|incident|regressions?)\b/, /\bthe (goal|problem|challenge|issue|task|stakes?) (was|were)\b/,
  /\b(client|customer|stakeholder|manager|users?)\b/, /\b(last|this|that) (year|quarter|month|sprint|week)\b|\bin 20\d\d\b|\b(years?|months?) ago\b|\b(days?|weeks?|months?) (after|before|into)\b/,
  /\bwe (had|needed|were)\b/,
];
// First-person verbs that are not actions.
const NOT_ACTIONS = new Set(['am', 'was', 'think', 'guess', 'believe', 'feel', 'mean', 'know', 'have', 'had', 'would', 'will', 'do', 'did', 'can', 'could', 'should', 'learned', 'learnt', 'realized', 'realised', 'like', 'love', 'really', 'just', 'also', 'then', 'now', 'still', 'always', 'never', 'not']);
const REASONS = /\bso that\b|\bin order to\b|\bbecause\b|\bto make sure\b|\bto avoid\b/;
const RESULT = [
  /\bas a result\b|\bresult(ed)?\b|\boutcome\b|\bin the end\b|\bended up\b|\beventually\b|\bwhich meant\b|\bled to\b/,
  /\b(shipped|(re)?launched|delivered|(re)?released|adopted|met the deadline|on time|went live)\b/,
  /\b(reduced|increased|improved|cut|saved|grew|raised|lowered|halved|doubled|fell|dropped|rose|caught|fixed|resolved|prevented|avoided)\b/,
];
const MEASURED =
  /\d+(\.\d+)?\s*(%|percent|x\b|times|hours?|days?|weeks?|months?|ms|seconds?|users|customers|tickets|bugs|incidents)|\bby (roughly |about |nearly |almost |over )?(half|a third|a quarter|a fifth|\d+)|\bfrom \S+ to \S+|\b(two|three|four|five|six|seven|eight|nine|ten|\d+) (regressions|bugs|incidents|outages|customers|users|tickets)\b/;
const REFLECTION = [
  /\bi (learned|learnt|realized|realised|now|would|should have)\b/, /\blessons?\b|\btakeaway\b|\btook away\b/,
  /\bin hindsight|looking back|next time|differently\b/, /\bsince then\b|\bever since\b|\bnow i\b/, /\btaught me\b|\bmistake\b|\bwould have\b/,
];

function count(patterns: RegExp[], text: string): number {
  return patterns.filter((re) => re.test(text)).length;
}

// Distinct verbs after "I": "I asked", "I wrote", "I ran" are three actions.
function ownActions(folded: string): number {
  const verbs = new Set<string>();
  for (const m of folded.matchAll(/\bi (\w+)/g)) if (m[1] && !NOT_ACTIONS.has(m[1])) verbs.add(m[1]);
  return verbs.size;
}

export interface StarInput {
  content: ContentSummary;
  features: AnswerFeatures;
  folded: string;
  hasKeyPoints: boolean;
}

/** Values for situation, action, result and reflection. */
export function starValues({ content, features, folded, hasKeyPoints }: StarInput): Record<StarCriterion, CriterionValue> {
  const substance = clamp01(features.contentWords / 40);
  const blend = (signal: number): number => {
    const base = Math.min(4, signal) * (0.5 + 0.5 * substance);
    return hasKeyPoints ? 0.65 * base + 0.35 * 4 * content.completeness : base;
  };
  const situation = count(SITUATION, folded);
  const actions = ownActions(folded);
  const reasons = REASONS.test(folded);
  const measured = MEASURED.test(folded);
  const result = count(RESULT, folded);
  const reflection = count(REFLECTION, folded);
  return {
    situation: { value: blend(situation * 1.3), reason: situation === 0 ? 'No setting, goal or constraint.' : 'Sets the scene.' },
    action: {
      value: blend(Math.min(3, actions * 0.9) + (reasons ? 1 : 0)),
      reason: actions === 0 ? 'Does not say what you yourself did.' : reasons ? 'Your own actions, with reasons.' : 'Your own actions, without the reasons for them.',
    },
    result: { value: blend(result * 1.2 + (measured ? 2 : 0)), reason: result === 0 && !measured ? 'No outcome.' : measured ? 'A measured outcome.' : 'An outcome, not measured.' },
    reflection: { value: blend(reflection * 1.4), reason: reflection === 0 ? 'No lesson or reflection.' : 'Reflects on what was learned.' },
  };
}

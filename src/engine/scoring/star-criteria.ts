// Offline estimates of the behavioral (STAR) rubric from the story the answer tells (star-story.ts):
// the setting and its stakes, the candidate's own actions and their reasons, a result stated after
// the actions (measured or not), and what the candidate says changed in how they work. Key point
// coverage is blended in lightly and decides relevance: a good story about something else is not
// an answer to this question.
import type { AnswerFeatures } from './answer-features.js';
import { clamp01, type ContentSummary } from './content-summary.js';
import { readStory, type StorySignals } from './star-story.js';
import type { CriterionValue } from './technical-criteria.js';

export type StarCriterion = 'situation' | 'action' | 'result' | 'reflection';

export interface StarInput {
  content: ContentSummary;
  features: AnswerFeatures;
  folded: string;
  hasKeyPoints: boolean;
}

/** Share of each criterion taken from key point coverage when the question has key points. */
const KEY_POINT_SHARE = 0.1;
/**
 * A well-told story about something else is not an answer: the story's credit scales from this floor
 * at no key point coverage up to full at RELEVANT_AT. Key point cues match single words in stories
 * told in the candidate's own words, so the floor stays above 0 (chosen on the first STAR check set:
 * 0.3 and 0.3 moved one off-topic story into its band and no on-topic answer out of one).
 */
const RELEVANCE_FLOOR = 0.3;
const RELEVANT_AT = 0.3;

// How much of a real story the answer tells: hypothetical "I would ..." sentences are not events.
function storyGate(s: StorySignals): number {
  if (s.narrative === 0) return 0.15;
  return 1 - (0.7 * s.hypothetical) / (s.narrative + s.hypothetical);
}

function situationOf(s: StorySignals): CriterionValue {
  const value = s.narrative === 0 ? 0 : 1 + (s.anchor ? 1.2 : 0) + (s.context ? 0.8 : 0) + (s.stakes ? 1 : 0);
  const reason =
    s.narrative === 0 ? 'No situation: the answer describes no real event.'
    : !s.anchor ? 'Situation: no specific time, place or role sets the scene.'
    : !s.stakes ? 'Situation: the setting is named but not the goal, constraint or stakes.'
    : 'Sets the scene with the stakes.';
  return { value, reason };
}

function actionOf(s: StorySignals): CriterionValue {
  const own = s.ownActions > 0 ? 1 + 1.2 * Math.log(1 + s.ownActions) : 0;
  const reasons = s.ownActions >= 2 ? Math.min(0.8, 0.4 * s.reasons) : 0;
  // Group actions show steps were taken, not which were the candidate's ("own part unclear": level 2).
  const team = s.ownActions >= 3 ? 0 : Math.min(s.ownActions > 0 ? 1 : 1.4, 0.3 * s.teamActions);
  // A plan in the conditional ("I would roll back, then ...") is at best a generic action (level 1).
  const generic = s.ownActions + s.teamActions === 0 ? Math.min(1, 0.35 * s.hypothetical) : 0;
  const value = Math.max(0, Math.min(4, own + reasons + team + generic) - 0.8 * s.negatedActions);
  const reason =
    s.ownActions === 0 && s.teamActions > 0 ? 'Action: says what "we" did, not what you yourself did.'
    : s.ownActions === 0 && s.hypothetical > 0 ? 'Action: says what you would do, not what you did in a real case.'
    : s.ownActions === 0 ? 'Action: does not say what you yourself did.'
    : reasons === 0 ? 'Your own actions, without the reasons for them.'
    : 'Your own actions, with reasons.';
  return { value, reason };
}

function resultOf(s: StorySignals): CriterionValue {
  const base = s.results === 0 ? 0 : (s.measured ? 3.2 : 2.2) + 0.4 * Math.min(2, s.results - 1);
  const value = s.deniesOutcome ? Math.min(1, base) : base;
  const reason = s.results === 0 ? 'Result: no outcome; the story stops at what was done.' : s.measured ? 'A measured outcome.' : 'Result: an outcome, not measured.';
  return { value, reason };
}

function reflectionOf(s: StorySignals): CriterionValue {
  const own = s.reflection === 0 ? 0 : Math.min(4, 1.8 + 0.8 * s.reflection);
  const team = Math.min(own > 0 ? 0.4 : 2.5, 1.5 * s.teamReflection);
  const value = s.deniesOutcome ? 0 : own + team;
  const reason =
    own > 0 ? 'Reflects on what you learned or changed.'
    : team > 0 ? 'Reflection: says what the team took away, not what you did.'
    : 'Reflection: no lesson or change in how you work.';
  return { value, reason };
}

/** Values for situation, action, result and reflection. */
export function starValues({ content, features, folded, hasKeyPoints }: StarInput): Record<StarCriterion, CriterionValue> {
  const story = readStory(folded);
  const gate = storyGate(story);
  // No one did anything and nothing came of it: not a story, whatever its words.
  const noStory = story.ownActions + story.teamActions + story.results + story.reflection + story.teamReflection + story.hypothetical === 0;
  const relevance = hasKeyPoints ? RELEVANCE_FLOOR + (1 - RELEVANCE_FLOOR) * clamp01(content.completeness / RELEVANT_AT) : 1;
  const substance = 0.5 + 0.5 * clamp01(features.contentWords / 30);
  const blend = ({ value, reason }: CriterionValue): CriterionValue => {
    const told = noStory ? 0 : Math.min(4, value) * gate * substance * relevance;
    const covered = noStory ? 0 : KEY_POINT_SHARE * 4 * content.completeness * Math.min(1, gate * 2);
    return { value: hasKeyPoints ? (1 - KEY_POINT_SHARE) * told + covered : told, reason };
  };
  return {
    situation: blend(situationOf(story)),
    action: blend(actionOf(story)),
    result: blend(resultOf(story)),
    reflection: blend(reflectionOf(story)),
  };
}

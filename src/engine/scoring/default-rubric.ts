// The rubric used when a caller gives none: the same four criteria and weights as the shared
// `technical` rubric in rubrics/rubrics.yaml.
import type { Rubric } from '../bank/schema.js';

/** Built-in equivalent of the bank's `technical` rubric. */
export const DEFAULT_TECHNICAL_RUBRIC: Rubric = {
  id: 'technical',
  kind: 'technical',
  title: 'Technical answer',
  criteria: [
    { id: 'accuracy', name: 'Accuracy', weight: 0.35, levels: ['Nothing correct, or contradicts the core facts.', 'Mostly wrong; one correct fragment.', 'Partly right, with a notable error or confusion.', 'Correct, with at most a minor slip.', 'Correct and precise throughout.'] },
    { id: 'completeness', name: 'Completeness', weight: 0.3, levels: ['None of the key points.', 'One key point, touched lightly.', 'About half of the key points.', 'Most key points.', 'Every key point, each explained.'] },
    { id: 'depth', name: 'Depth', weight: 0.2, levels: ['No explanation beyond a label.', 'A definition with no reasoning.', 'Explains how it works at a high level.', 'Explains why it works, with a trade-off or a limitation.', 'Reasons about trade-offs and failure cases like a practitioner.'] },
    { id: 'clarity', name: 'Clarity', weight: 0.15, levels: ['Unreadable or empty.', 'Hard to follow; ideas are jumbled.', 'Understandable but loosely organised.', 'Clear and ordered.', 'Crisp, well structured, no filler.'] },
  ],
};

// When each key point is due again: its observations replayed, oldest first, through FSRS
// (ts-fsrs), one review per session. FSRS models memory per item from the whole review history
// (stability, difficulty), so a point missed twice then covered once comes due sooner than one
// covered three times; it is maintained (open-spaced-repetition, the scheduler Anki ships) and pure.
// Fuzz is off (the same history always gives the same dates) and short-term learning steps are off
// (interview practice is scheduled in days, not minutes).
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { MasteryStatus } from './progress-schema.js';

export const SCHEDULER = 'FSRS (ts-fsrs 5.4.2), 90% target recall, no fuzz, days only';

const scheduler = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false, enable_short_term: false }));

export interface Review {
  at: number;
  status: MasteryStatus;
  unprompted: boolean;
}

/**
 * The FSRS rating of one session's outcome. Missed and contradicted are a lapse (Again); partly,
 * or covered only after a follow-up or a retry, is recall with effort (Hard); covered in the first
 * answer is Good. No Easy: one answer in one interview is not strong enough evidence for it.
 */
export function ratingOf(review: Review): Grade {
  if (review.status === 'missed' || review.status === 'contradicted') return Rating.Again;
  if (review.status === 'partly' || !review.unprompted) return Rating.Hard;
  return Rating.Good;
}

export interface ScheduleResult {
  due: number;
  /** FSRS retrievability at `now`, 0..1. */
  recall: number;
}

/** Replays the reviews (any order given; sorted by time here) and reads the card at `now`. */
export function schedule(reviews: readonly Review[], now: number): ScheduleResult {
  const ordered = [...reviews].sort((a, b) => a.at - b.at);
  const first = ordered[0];
  if (!first) return { due: now, recall: 0 };
  let card: Card = createEmptyCard(first.at);
  for (const r of ordered) card = scheduler.next(card, Math.max(r.at, card.last_review?.getTime() ?? r.at), ratingOf(r)).card;
  const at = Math.max(now, card.last_review?.getTime() ?? now);
  return { due: card.due.getTime(), recall: clamp01(scheduler.get_retrievability(card, at, false)) };
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

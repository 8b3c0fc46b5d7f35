/**
 * The suggested P/S/M/U for a capability target, from the numbers: the mean m of the timeliness of
 * the target's critical tasks and the quality of the decisions whose options complete them.
 * P when m ≥ 85, S when m ≥ 65, M when m ≥ 40, else U; a critical task never done caps the
 * suggestion at M (a target cannot be "performed" with a task missing). N/A when nothing scored.
 * Shown beside the evaluators' rating; it never replaces it.
 */
import type { Rating } from '../engine/events.ts';
import { eventsOf, explain, mean, round1, valuesOf } from './explain.ts';
import type { DecisionScore, Explanation, TaskScore } from './model.ts';
import { RATING_ORDER } from './weights.ts';

export const SUGGEST_THRESHOLDS: readonly { readonly rating: Rating; readonly atLeast: number }[] = [
  { rating: 'P', atLeast: 85 },
  { rating: 'S', atLeast: 65 },
  { rating: 'M', atLeast: 40 },
  { rating: 'U', atLeast: 0 },
];

export function ratingFor(value: number): Rating {
  return SUGGEST_THRESHOLDS.find((t) => value >= t.atLeast)?.rating ?? 'U';
}

function worse(a: Rating, b: Rating): Rating {
  return RATING_ORDER.indexOf(a) >= RATING_ORDER.indexOf(b) ? a : b;
}

export function suggestRating(
  target: string,
  tasks: readonly TaskScore[],
  decisions: readonly DecisionScore[],
): { readonly rating: Rating; readonly explanation: Explanation } {
  const figures = [...tasks.map((t) => t.score), ...decisions.map((d) => d.score)];
  const values = valuesOf(figures);
  const m = mean(values);
  const events = eventsOf(figures);
  if (m === null) return { rating: 'N/A', explanation: explain('scoring.suggest.none', { target, tasks: tasks.length }, events) };
  const missed = tasks.filter((t) => t.doneAt === null && t.score.value === 0).length;
  const byMean = ratingFor(m);
  const rating = missed > 0 ? worse(byMean, 'M') : byMean;
  const params = { target, mean: round1(m), count: values.length, tasks: tasks.length, decisions: decisions.length, missed, rating };
  return { rating, explanation: explain(rating !== byMean ? 'scoring.suggest.capped' : 'scoring.suggest.rating', params, events) };
}

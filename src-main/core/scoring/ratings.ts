/**
 * Evaluator ratings per capability target: each evaluator's rating in force (the latest they gave;
 * corrections already applied by the engine), the evaluators' rating (the one, or the most common,
 * ties to the worse), agreement where several rated, and the suggestion from the numbers beside it.
 */
import type { Rating } from '../engine/events.ts';
import { planOf } from '../engine/plan.ts';
import { currentRatings } from '../engine/queries.ts';
import type { ExerciseState } from '../engine/state.ts';
import { targetAgreement } from './agreement.ts';
import type { DecisionScore, RaterRating, TargetRating, TaskScore } from './model.ts';
import { suggestRating } from './suggest.ts';
import { RATING_ORDER } from './weights.ts';

/** The most common P/S/M/U (N/A only if nobody rated more); ties go to the worse rating. */
export function consensus(ratings: readonly Rating[]): Rating | null {
  if (ratings.length === 0) return null;
  let best: Rating = 'N/A';
  let bestCount = 0;
  for (const rating of RATING_ORDER) {
    const count = ratings.filter((r) => r === rating).length;
    if (count > 0 && count >= bestCount) {
      best = rating;
      bestCount = count;
    }
  }
  return best;
}

/** Decision points with an option that completes one of the tasks. */
export function decisionsCompleting(state: ExerciseState, decisions: readonly DecisionScore[], tasks: ReadonlySet<string>): DecisionScore[] {
  const points = planOf(state.scenario).points;
  return decisions.filter((d) => points.get(d.point)?.point.options.some((o) => o.completes.some((t) => tasks.has(t))) ?? false);
}

export function scoreTargets(state: ExerciseState, tasks: readonly TaskScore[], decisions: readonly DecisionScore[]): readonly TargetRating[] {
  const ratings = currentRatings(state);
  return state.scenario.targets.map((target) => {
    const given: RaterRating[] = ratings
      .filter((r) => r.target === target.id)
      .map((r) => ({ evaluator: r.evaluator, rating: r.rating, notes: r.notes, seq: r.seq }))
      .sort((a, b) => a.seq - b.seq);
    const own = tasks.filter((t) => t.target === target.id);
    const linked = decisionsCompleting(state, decisions, new Set(own.map((t) => t.task)));
    return {
      target: target.id,
      objective: target.objective,
      capability: target.capability,
      ratings: given,
      rating: consensus(given.map((r) => r.rating)),
      agreement: targetAgreement(target.id, given),
      suggested: suggestRating(target.id, own, linked),
    };
  });
}

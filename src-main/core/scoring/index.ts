/**
 * Scores: a pure projection of the exercise state (design.md §5, formulas in docs/scoring.md).
 *
 *   computeScores(state, { weights }) → Scores
 *
 * Read from the corrected state, so a retracted action completes nothing and an amended decision
 * scores as amended. The outcome component runs the scenario once more with nobody responding
 * (baseline.ts); everything else is a walk over the state.
 */
import type { ExerciseState } from '../engine/state.ts';
import { overallAgreement } from './agreement.ts';
import { scoreDecisions } from './decisions.ts';
import type { Component, Scores } from './model.ts';
import { scoreOutcome } from './outcome.ts';
import { scoreTargets } from './ratings.ts';
import { scoreResponsiveness } from './responsiveness.ts';
import { rollUpCells, rollUpExercise, rollUpObjectives } from './rollup.ts';
import { scoreTasks } from './tasks.ts';
import { resolveWeights } from './weights.ts';

export interface ScoreOptions {
  /** Component weights for the roll-ups; missing ones take DEFAULT_WEIGHTS. Each finite and ≥ 0. */
  readonly weights?: Partial<Record<Component, number>>;
}

export function computeScores(state: ExerciseState, options: ScoreOptions = {}): Scores {
  const weights = resolveWeights(options.weights);
  const tasks = scoreTasks(state);
  const decisions = scoreDecisions(state);
  const responsiveness = scoreResponsiveness(state);
  const outcome = scoreOutcome(state);
  const targets = scoreTargets(state, tasks, decisions);
  const parts = { tasks, decisions, responsiveness, outcome, targets };
  const objectives = rollUpObjectives(state, parts, weights);
  return {
    weights,
    tasks,
    decisions,
    responsiveness,
    outcome,
    targets,
    agreement: overallAgreement(targets),
    objectives,
    cells: rollUpCells(parts, weights),
    exercise: rollUpExercise(state, parts, objectives, weights),
  };
}

export type * from './model.ts';
export { COMPONENTS } from './model.ts';
export { DEFAULT_WEIGHTS, RATING_VALUE } from './weights.ts';
export { LATE_ZERO_WINDOWS, lateScore } from './tasks.ts';
export { RESPONSE_FULL_MS, RESPONSE_ZERO_MS } from './responsiveness.ts';
export { SUGGEST_THRESHOLDS } from './suggest.ts';
export { cohenKappa, fleissKappa, pairAgreement } from './agreement.ts';
export { noResponseRun } from './baseline.ts';
export { percentile, median } from './percentile.ts';

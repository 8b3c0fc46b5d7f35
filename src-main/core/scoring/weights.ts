/**
 * The stated weights of the roll-ups and the numeric value of a P/S/M/U rating (docs/scoring.md).
 */
import type { Rating } from '../engine/events.ts';
import { COMPONENTS, type Component } from './model.ts';

/**
 * Timeliness and decisions carry most: they are what the players controlled and what doctrine
 * prescribes. Outcome is next (it is partly the script's doing), then responsiveness and the
 * evaluators' judgement, which the suggested rating already cross-checks.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<Component, number>> = {
  timeliness: 0.25,
  decisions: 0.25,
  responsiveness: 0.15,
  outcome: 0.2,
  ratings: 0.15,
};

export function resolveWeights(overrides: Partial<Record<Component, number>> = {}): Readonly<Record<Component, number>> {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const component of COMPONENTS) {
    const w = overrides[component];
    if (w === undefined) continue;
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`The weight of ${component} must be a finite number ≥ 0, not ${String(w)}.`);
    weights[component] = w;
  }
  return weights;
}

/** P/S/M/U on the 0–100 scale, evenly spaced; N/A (not observed) has no value. */
export const RATING_VALUE: Readonly<Record<Rating, number | null>> = { P: 100, S: 67, M: 33, U: 0, 'N/A': null };

/** Worst last: ties between ratings are broken towards the worse one. */
export const RATING_ORDER: readonly Rating[] = ['P', 'S', 'M', 'U'];

/**
 * Roll-ups (design.md §5): objective, cell and exercise scores as weighted means of component
 * values, with the component weights stated in `Scores.weights`. A component with no value (nothing
 * of it applies, or nothing was scored yet) is left out and the remaining weights renormalise.
 *
 * - Objective: timeliness = mean of its tasks (through its targets); decisions = mean of the points
 *   linked to it (an option completes one of its tasks, or the point's inject expects one);
 *   ratings = mean of its targets' evaluator ratings (P 100, S 67, M 33, U 0).
 * - Cell (player cells): its tasks, the points it decides, its responsiveness.
 * - Exercise: timeliness, decisions and ratings as the objectives' values weighted by
 *   `objective.weight`; responsiveness = mean over cells; outcome = the outcome score.
 * Roll-ups use the rounded component values shown beside them, so the sums can be redone by hand.
 */
import type { ExerciseState } from '../engine/state.ts';
import { planOf } from '../engine/plan.ts';
import { eventsOf, explain, figure, mean, num, round1, valuesOf } from './explain.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import { COMPONENTS, type CellResponsiveness, type Component, type DecisionScore, type Figure, type OutcomeScore, type RollUp, type TargetRating, type TaskScore } from './model.ts';
import { RATING_VALUE } from './weights.ts';

type Values = Readonly<Record<Component, number | null>>;

const EMPTY: Values = { timeliness: null, decisions: null, responsiveness: null, outcome: null, ratings: null };

export function weightedMean(pairs: readonly { readonly value: number | null; readonly weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of pairs) {
    if (value === null || weight <= 0) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

const meanOf = (figures: readonly Figure[]): number | null => {
  const m = mean(valuesOf(figures));
  return m === null ? null : round1(m);
};

function rollUp(
  id: string,
  values: Values,
  weights: Readonly<Record<Component, number>>,
  key: MessageKey,
  params: MessageParams,
  events: readonly number[],
): RollUp {
  const components = COMPONENTS.map((component) => ({ component, weight: weights[component], value: values[component] }));
  const value = weightedMean(components);
  const shown = Object.fromEntries(COMPONENTS.map((c) => [c, num(values[c])]));
  const explanation = value === null ? explain('scoring.rollup.empty', { id, ...params }, events) : explain(key, { id, ...shown, ...params }, events);
  return { id, score: figure(value, explanation), components };
}

export interface Parts {
  readonly tasks: readonly TaskScore[];
  readonly decisions: readonly DecisionScore[];
  readonly responsiveness: readonly CellResponsiveness[];
  readonly outcome: OutcomeScore;
  readonly targets: readonly TargetRating[];
}

function ratingFigure(target: TargetRating): number | null {
  return target.rating === null ? null : RATING_VALUE[target.rating];
}

/** Points linked to a set of tasks: an option completes one, or the point's inject expects one. */
function linkedPoints(state: ExerciseState, decisions: readonly DecisionScore[], tasks: ReadonlySet<string>): DecisionScore[] {
  const plan = planOf(state.scenario);
  return decisions.filter((d) => {
    const planned = plan.points.get(d.point);
    const expects = plan.injects.get(d.inject)?.inject.expects ?? [];
    return (planned?.point.options.some((o) => o.completes.some((t) => tasks.has(t))) ?? false) || expects.some((t) => tasks.has(t));
  });
}

export function rollUpObjectives(state: ExerciseState, parts: Parts, weights: Readonly<Record<Component, number>>): readonly RollUp[] {
  return state.scenario.objectives.map((objective) => {
    const tasks = parts.tasks.filter((t) => t.objective === objective.id);
    const points = linkedPoints(state, parts.decisions, new Set(tasks.map((t) => t.task)));
    const targets = parts.targets.filter((t) => t.objective === objective.id);
    const rated = targets.flatMap((t) => {
      const v = ratingFigure(t);
      return v === null ? [] : [v];
    });
    const ratings = mean(rated);
    const values: Values = {
      ...EMPTY,
      timeliness: meanOf(tasks.map((t) => t.score)),
      decisions: meanOf(points.map((d) => d.score)),
      ratings: ratings === null ? null : round1(ratings),
    };
    const events = [...eventsOf(tasks.map((t) => t.score)), ...eventsOf(points.map((d) => d.score)), ...targets.flatMap((t) => t.ratings.map((r) => r.seq))];
    const params = { objective: objective.id, tasks: tasks.length, points: points.length, targets: targets.length, rated: rated.length };
    return rollUp(objective.id, values, weights, 'scoring.rollup.objective', params, events);
  });
}

export function rollUpCells(parts: Parts, weights: Readonly<Record<Component, number>>): readonly RollUp[] {
  return parts.responsiveness.map((r) => {
    const tasks = parts.tasks.filter((t) => t.cells.includes(r.cell));
    const points = parts.decisions.filter((d) => d.cells.includes(r.cell));
    const values: Values = {
      ...EMPTY,
      timeliness: meanOf(tasks.map((t) => t.score)),
      decisions: meanOf(points.map((d) => d.score)),
      responsiveness: r.score.value,
    };
    const events = [...eventsOf(tasks.map((t) => t.score)), ...eventsOf(points.map((d) => d.score))];
    return rollUp(r.cell, values, weights, 'scoring.rollup.cell', { cell: r.cell, tasks: tasks.length, points: points.length }, events);
  });
}

export function rollUpExercise(
  state: ExerciseState,
  parts: Parts,
  objectives: readonly RollUp[],
  weights: Readonly<Record<Component, number>>,
): RollUp {
  const weightOf = new Map(state.scenario.objectives.map((o) => [o.id, o.weight]));
  const across = (component: Component) => {
    const v = weightedMean(objectives.map((o) => ({ value: o.components.find((c) => c.component === component)?.value ?? null, weight: weightOf.get(o.id) ?? 1 })));
    return v === null ? null : round1(v);
  };
  const responsiveness = meanOf(parts.responsiveness.map((r) => r.score));
  const values: Values = {
    timeliness: across('timeliness'),
    decisions: across('decisions'),
    ratings: across('ratings'),
    responsiveness,
    outcome: parts.outcome.score.value,
  };
  const weighted = objectives.filter((o) => o.score.value !== null).length;
  const events = [...objectives.flatMap((o) => o.score.explanation.events), ...parts.outcome.score.explanation.events, ...eventsOf(parts.responsiveness.map((r) => r.score))];
  return rollUp('exercise', values, weights, 'scoring.rollup.exercise', { objectives: objectives.length, weighted }, events);
}

/**
 * The evaluator's desk: who is evaluating, the EEG tree (objective → core capability → target →
 * critical tasks) and the commands an evaluator sends, as a member of exercise control.
 */
import { currentRatings } from '@core/engine/index.ts';
import type { Command, Evaluator, ExerciseState, RatingPayload, Recorded } from '@core/engine/index.ts';
import type { Objective, Scenario, Target, Task } from '@core/scenario/schema.ts';

type Capability = Scenario['capabilities'][number];
import type { ExerciseStore } from '../../lib/exercise.svelte.ts';
import { controlCell } from '../cell/format.ts';

export interface TargetNode {
  readonly target: Target;
  readonly tasks: readonly Task[];
}
export interface CapabilityNode {
  readonly capability: Capability;
  readonly targets: readonly TargetNode[];
}
export interface ObjectiveNode {
  readonly objective: Objective;
  readonly capabilities: readonly CapabilityNode[];
}

export function evaluationTree(state: ExerciseState): readonly ObjectiveNode[] {
  const s = state.scenario;
  return s.objectives.map((objective) => {
    const targets = s.targets.filter((t) => t.objective === objective.id);
    const capabilities = s.capabilities
      .filter((c) => targets.some((t) => t.capability === c.id))
      .map((capability) => ({
        capability,
        targets: targets.filter((t) => t.capability === capability.id).map((target) => ({ target, tasks: s.tasks.filter((k) => k.target === target.id) })),
      }));
    return { objective, capabilities };
  });
}

export class EvaluatorDesk {
  readonly store: ExerciseStore;
  chosen = $state<string>('');

  readonly evaluators: readonly Evaluator[] = $derived.by(() => this.store.exercise?.setup?.evaluators ?? []);
  readonly evaluator: Evaluator | null = $derived.by(() => this.evaluators.find((e) => e.id === this.chosen) ?? this.evaluators[0] ?? null);
  readonly tree: readonly ObjectiveNode[] = $derived.by(() => (this.store.exercise ? evaluationTree(this.store.exercise) : []));
  readonly ratings: readonly (Recorded & RatingPayload)[] = $derived.by(() => (this.store.exercise ? currentRatings(this.store.exercise) : []));

  constructor(store: ExerciseStore) {
    this.store = store;
  }

  ratingsOf(target: string): readonly (Recorded & RatingPayload)[] {
    return this.ratings.filter((r) => r.target === target);
  }

  evaluatorName(id: string): string {
    return this.evaluators.find((e) => e.id === id)?.name ?? id;
  }

  /** Evaluators sit with exercise control; the record names the evaluator in the payload too. */
  send = async (command: Command): Promise<string | null> => {
    const scenario = this.store.scenario;
    if (!scenario || !this.evaluator) return null;
    const result = await this.store.dispatch(command, { person: this.evaluator.id, cell: controlCell(scenario) });
    return result.ok ? null : result.error.message;
  };
}

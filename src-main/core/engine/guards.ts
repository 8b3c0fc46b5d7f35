/**
 * Phase and permission guards shared by the command handlers, each with the message a person
 * needs to put it right.
 */
import { assertNever } from './assert-never.ts';
import { formatScenarioTime } from '../time.ts';
import { engineError } from './errors.ts';
import { isControlCell, planOf } from './plan.ts';
import { own } from './records.ts';
import { phaseOf, type ExerciseState, type InjectRuntime, type Phase } from './state.ts';
import type { Check } from './validate.ts';

const PHASE_HINT: Readonly<Record<Phase, ReturnType<typeof engineError>>> = {
  new: engineError('not-created', 'Create the exercise first: pick the scenario, participants and clock mode.'),
  planned: engineError('not-started', 'The exercise has not started yet: start it (StartEx) first.'),
  conduct: engineError('already-started', 'The exercise is already running; this can only be done before StartEx.'),
  ended: engineError(
    'ended',
    'The exercise has ended (EndEx); play can no longer change. Use a correction to fix the record.',
  ),
};

/** Refuses unless the exercise is in one of the given phases. */
export function inPhase(state: ExerciseState, ...allowed: readonly Phase[]): Check {
  const phase = phaseOf(state);
  return allowed.includes(phase) ? null : PHASE_HINT[phase];
}

export function controlOnly(state: ExerciseState, cell: string, what: string): Check {
  return isControlCell(planOf(state.scenario), cell)
    ? null
    : engineError('not-control', `Only the control cell can ${what}. Ask the facilitator or a controller.`);
}

/** Released and visible to the cell: addressed to it or to all, public, shared with it, or control. */
export function visibleTo(state: ExerciseState, inject: string, cell: string): boolean {
  const runtime = own(state.injects, inject);
  if (runtime?.status.kind !== 'released') return false;
  if (isControlCell(planOf(state.scenario), cell)) return true;
  const definition = planOf(state.scenario).injects.get(inject)?.inject ?? own(state.adhoc, inject);
  if (!definition) return false;
  return (
    definition.visibility === 'public' ||
    definition.to.includes('all') ||
    definition.to.includes(cell) ||
    runtime.shares.some((s) => s.toCell === cell)
  );
}

export function releasedInject(state: ExerciseState, inject: string): Check {
  const runtime = own(state.injects, inject);
  if (!runtime) return engineError('unknown-inject', `There is no inject "${inject}" in this exercise.`);
  return runtime.status.kind === 'released'
    ? null
    : engineError('inject-not-released', `Inject "${inject}" has not been released yet.`);
}

/** Why an inject cannot be released, held or skipped any more; null while it is still pending. */
export function notPending(inject: string, runtime: InjectRuntime): Check {
  const status = runtime.status;
  switch (status.kind) {
    case 'pending':
      return null;
    case 'released':
      return engineError(
        'inject-not-pending',
        `Inject "${inject}" was already released at ${formatScenarioTime(status.at)}.`,
      );
    case 'cancelled':
      return engineError(
        'inject-cancelled',
        `Inject "${inject}" was cancelled by option "${status.option}" of decision "${status.point}" and will not be released.`,
      );
    case 'skipped':
      return engineError('inject-not-pending', `Inject "${inject}" was skipped at ${formatScenarioTime(status.at)}.`);
    default:
      return assertNever(status, 'inject status');
  }
}

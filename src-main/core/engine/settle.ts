/**
 * After every event in conduct: recompute the cascade, then note the first time each `when`
 * trigger and each timer's start condition holds. These are derived facts, not events of their
 * own, so a correction that changes history re-derives them instead of leaving stale records.
 */
import { propagate } from './cascade.ts';
import { holds } from './evaluate-condition.ts';
import { planOf } from './plan.ts';
import { fromEntries, own, put, update } from './records.ts';
import type { ExerciseState, ServiceRuntime, TimerRuntime } from './state.ts';

export function settle(state: ExerciseState, at: number): ExerciseState {
  return startTimers(armTriggers(cascade(state, at), at), at);
}

function cascade(state: ExerciseState, at: number): ExerciseState {
  const set = fromEntries(Object.entries(state.services).map(([id, s]) => [id, s.set] as const));
  const effective = propagate(state.scenario.services, set);
  let services = state.services;
  for (const [id, runtime] of Object.entries(state.services)) {
    const now = own(effective, id) ?? runtime.set;
    if (now === runtime.effective) continue;
    const next: ServiceRuntime = { ...runtime, effective: now, history: [...runtime.history, { at, state: now }] };
    services = put(services, id, next);
  }
  return services === state.services ? state : { ...state, services };
}

function armTriggers(state: ExerciseState, at: number): ExerciseState {
  let injects = state.injects;
  for (const { inject } of planOf(state.scenario).injects.values()) {
    const when = inject.trigger?.when;
    if (when === undefined) continue;
    const runtime = own(injects, inject.id);
    if (!runtime || runtime.conditionHeldAt !== null || runtime.status.kind !== 'pending') continue;
    if (holds(when, state)) injects = put(injects, inject.id, { ...runtime, conditionHeldAt: at });
  }
  return injects === state.injects ? state : { ...state, injects };
}

function startTimers(state: ExerciseState, at: number): ExerciseState {
  let timers = state.timers;
  for (const { timer, limit } of planOf(state.scenario).timers.values()) {
    if (own(timers, timer.id)?.kind !== 'idle' || !holds(timer.start, state)) continue;
    // A task already done when the clock starts meets the timer at once: the notice went out
    // before the rule even applied.
    const doneTask = timer.satisfiedBy.find((t) => own(state.tasks, t)?.kind === 'done');
    const doneAt = doneTask === undefined ? undefined : own(state.tasks, doneTask);
    const next: TimerRuntime =
      doneTask !== undefined && doneAt?.kind === 'done'
        ? { kind: 'met', startedAt: at, deadline: at + limit, task: doneTask, taskDoneAt: doneAt.at }
        : { kind: 'running', startedAt: at, deadline: at + limit };
    timers = update(timers, timer.id, () => next);
  }
  return timers === state.timers ? state : { ...state, timers };
}

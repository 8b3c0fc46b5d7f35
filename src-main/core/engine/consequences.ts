/**
 * What releases and decisions do to the world: effects on services and metrics, unlocking and
 * cancelling injects, completing critical tasks (which can meet a statutory timer).
 */
import type { Option } from '../scenario/schema.ts';
import type { EffectsData } from './events.ts';
import { planOf } from './plan.ts';
import { own, put, update } from './records.ts';
import type { ExerciseState, TaskRuntime } from './state.ts';

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Sets service states (the cascade is recomputed in `settle`) and moves metrics within range. */
export function applyEffects(state: ExerciseState, effects: EffectsData, at: number, seq: number): ExerciseState {
  let services = state.services;
  for (const { id, state: set } of effects.services) {
    services = update(services, id, (s) => (s.set === set ? s : { ...s, set }));
  }
  let metrics = state.metrics;
  for (const { id, delta } of effects.metrics) {
    const definition = state.scenario.metrics.find((m) => m.id === id);
    if (!definition) continue;
    metrics = update(metrics, id, (m) => {
      const value = clamp(m.value + delta, definition.min, definition.max);
      return { value, history: [...m.history, { at, seq, value }] };
    });
  }
  return services === state.services && metrics === state.metrics ? state : { ...state, services, metrics };
}

/** First completion counts; a task done before a timer's deadline meets every timer it satisfies. */
export function completeTask(
  state: ExerciseState,
  task: string,
  done: Extract<TaskRuntime, { kind: 'done' }>,
): ExerciseState {
  if (own(state.tasks, task)?.kind !== 'open') return state;
  let timers = state.timers;
  for (const [id, planned] of planOf(state.scenario).timers) {
    if (!planned.timer.satisfiedBy.includes(task)) continue;
    timers = update(timers, id, (t) =>
      t.kind === 'running' && done.at < t.deadline
        ? { kind: 'met', startedAt: t.startedAt, deadline: t.deadline, task, taskDoneAt: done.at }
        : t,
    );
  }
  return { ...state, tasks: put(state.tasks, task, done), timers };
}

/** The consequences of an option, whether a cell chose it or the deadline took it by default. */
export function applyOption(
  state: ExerciseState,
  point: string,
  option: Option,
  at: number,
  seq: number,
  cell: string | null,
): ExerciseState {
  let next = option.effects ? applyEffects(state, option.effects, at, seq) : state;
  let injects = next.injects;
  for (const id of option.unlocks) {
    injects = update(injects, id, (i) => (i.locked ? { ...i, locked: false, unlockedAt: at } : i));
  }
  for (const id of option.cancels) {
    injects = update(injects, id, (i) =>
      i.status.kind === 'pending' || i.status.kind === 'skipped'
        ? { ...i, held: null, status: { kind: 'cancelled', at, seq, point, option: option.id } }
        : i,
    );
  }
  next = { ...next, injects };
  for (const task of option.completes) {
    next = completeTask(next, task, { kind: 'done', at, seq, cell, via: 'decision' });
  }
  return next;
}

/** Marks an inject released, applies its effects and opens its decision point. */
export function releaseScenarioInject(
  state: ExerciseState,
  id: string,
  at: number,
  seq: number,
  manual: boolean,
): ExerciseState {
  const runtime = own(state.injects, id);
  const planned = planOf(state.scenario).injects.get(id);
  if (!runtime || !planned) return state;
  if (runtime.status.kind !== 'pending' && runtime.status.kind !== 'skipped') return state;
  let next: ExerciseState = {
    ...state,
    injects: put(state.injects, id, { ...runtime, held: null, status: { kind: 'released', at, seq, manual } }),
  };
  if (planned.inject.effects) next = applyEffects(next, planned.inject.effects, at, seq);
  const decision = planned.inject.decision;
  if (decision) {
    const due = planOf(state.scenario).points.get(decision.id)?.due ?? 0;
    next = {
      ...next,
      decisions: update(next.decisions, decision.id, (d) =>
        d.kind === 'closed' ? { kind: 'open', openedAt: at, dueAt: at + due, expires: true } : d,
      ),
    };
  }
  return next;
}

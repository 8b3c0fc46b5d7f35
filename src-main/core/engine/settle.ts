/**
 * After every event in conduct: recompute the cascade, then note the first time each `when`
 * trigger and each timer's start condition holds. These are derived facts, not events of their
 * own, so a correction that changes history re-derives them instead of leaving stale records.
 *
 * Most events of a busy room (an action, an observation, a control-log line) change nothing that
 * settling reads, so `settle` first asks whether the state's inputs are exactly those of a state
 * it already settled (see `alreadySettled`); then there is nothing to do.
 */
import type { Condition } from '../scenario/conditions.ts';
import type { Inject, Scenario } from '../scenario/schema.ts';
import { propagate } from './cascade.ts';
import { holds } from './evaluate-condition.ts';
import { planOf } from './plan.ts';
import { append, fromEntries, own, put, update, type Dict } from './records.ts';
import type { ExerciseState, ServiceRuntime, TimerRuntime } from './state.ts';

export function settle(state: ExerciseState, at: number): ExerciseState {
  if (alreadySettled(state)) return state;
  const next = settleFully(state, at);
  remember(next);
  return next;
}

/** Settling without the memo: what the memo must always agree with (the fold tests check it). */
export function settleFully(state: ExerciseState, at: number): ExerciseState {
  return startTimers(armTriggers(cascade(state, at), at), at);
}

/*
 * The memo. Settling reads only: the scenario, the services' `set` and `effective` states, the
 * injects (status, conditionHeldAt), decisions, metrics, the alert level, tasks and timers. And a
 * settled state is a fixed point: settling it again, at any time, changes nothing — the cascade
 * already equals propagate(set); a `when` trigger or timer start that did not hold does not hold
 * now either, because arming triggers and starting timers write only conditionHeldAt and timers,
 * which no condition reads. So a state whose inputs are identical to a settled state's settles to
 * itself. Identity is a sound test because dictionaries are never changed once made (the
 * transient fold grows only lists in place; see `records.ts`).
 */
interface SettledInputs {
  readonly scenario: Scenario;
  readonly services: Dict<ServiceRuntime>;
  readonly decisions: ExerciseState['decisions'];
  readonly metrics: ExerciseState['metrics'];
  readonly alertLevel: ExerciseState['alert']['level'];
  readonly tasks: ExerciseState['tasks'];
  readonly timers: ExerciseState['timers'];
}

/** Keyed by the injects dictionary of a state `settle` returned. */
const settled = new WeakMap<ExerciseState['injects'], SettledInputs>();

function remember(state: ExerciseState): void {
  settled.set(state.injects, {
    scenario: state.scenario,
    services: state.services,
    decisions: state.decisions,
    metrics: state.metrics,
    alertLevel: state.alert.level,
    tasks: state.tasks,
    timers: state.timers,
  });
}

function alreadySettled(state: ExerciseState): boolean {
  const inputs = settled.get(state.injects);
  return (
    inputs !== undefined &&
    inputs.scenario === state.scenario &&
    inputs.decisions === state.decisions &&
    inputs.metrics === state.metrics &&
    inputs.alertLevel === state.alert.level &&
    inputs.tasks === state.tasks &&
    inputs.timers === state.timers &&
    sameServiceStates(inputs.services, state.services)
  );
}

/** Same services in the same set and effective states (downtime tallies may differ: not read). */
function sameServiceStates(a: Dict<ServiceRuntime>, b: Dict<ServiceRuntime>): boolean {
  if (a === b) return true;
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  for (const id of keys) {
    const x = own(a, id);
    const y = b[id] as ServiceRuntime;
    if (x === undefined || x.set !== y.set || x.effective !== y.effective) return false;
  }
  return true;
}

function cascade(state: ExerciseState, at: number): ExerciseState {
  const set = fromEntries(Object.entries(state.services).map(([id, s]) => [id, s.set] as const));
  const effective = propagate(state.scenario.services, set);
  let services = state.services;
  for (const [id, runtime] of Object.entries(state.services)) {
    const now = own(effective, id) ?? runtime.set;
    if (now === runtime.effective) continue;
    const next: ServiceRuntime = { ...runtime, effective: now, history: append(runtime.history, { at, state: now }) };
    services = put(services, id, next);
  }
  return services === state.services ? state : { ...state, services };
}

/** The injects that have a `when` trigger, in MSEL order, per scenario. */
const whenTriggered = new WeakMap<Scenario, readonly (readonly [Inject, Condition])[]>();

function triggersOf(scenario: Scenario): readonly (readonly [Inject, Condition])[] {
  let list = whenTriggered.get(scenario);
  if (list === undefined) {
    list = [...planOf(scenario).injects.values()].flatMap(({ inject }) => {
      const when = inject.trigger?.when;
      return when === undefined ? [] : [[inject, when] as const];
    });
    whenTriggered.set(scenario, list);
  }
  return list;
}

function armTriggers(state: ExerciseState, at: number): ExerciseState {
  let injects = state.injects;
  for (const [inject, when] of triggersOf(state.scenario)) {
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

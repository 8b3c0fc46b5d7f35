/**
 * When things are due, in scenario time. Everything the clock does by itself is one of three
 * kinds of due item: release an inject, expire a decision point, miss a timer's deadline.
 *
 * An inject's due time is the latest of the constraints it has:
 * - `at`: its scheduled time;
 * - `trigger.after`: that inject's release time, `trigger.when`: the first time the condition
 *   held (both, if both are given), plus `trigger.delay`;
 * - `locked`: eligible only once unlocked; `at` becomes max(at, unlock time), the trigger's base
 *   becomes max(base, unlock time), and an inject with neither is due at the unlock time.
 * An inject with neither `at` nor a trigger that was never locked (contingency injects) is
 * released only by hand. Held, cancelled, skipped and released injects are not due.
 */
import { wallTimeWhen } from './clock.ts';
import { planOf, type PlannedInject } from './plan.ts';
import { own } from './records.ts';
import type { ExerciseState } from './state.ts';

export type DueItem =
  | { readonly kind: 'expire-decision'; readonly due: number; readonly point: string; readonly option: string }
  | { readonly kind: 'miss-timer'; readonly due: number; readonly timer: string }
  | { readonly kind: 'release-inject'; readonly due: number; readonly inject: string };

/**
 * Order among items due at the same instant: a deadline at T means "decide before T", so an
 * expiry at T goes first and its default option can still cancel an inject scheduled at T; then
 * timers; then releases in MSEL order.
 */
const KIND_ORDER: Readonly<Record<DueItem['kind'], number>> = {
  'expire-decision': 0,
  'miss-timer': 1,
  'release-inject': 2,
};

/** The scenario time an inject becomes due, or null if nothing but a person will release it. */
export function injectDueTime(state: ExerciseState, planned: PlannedInject): number | null {
  const runtime = own(state.injects, planned.inject.id);
  if (!runtime || runtime.status.kind !== 'pending' || runtime.held !== null || runtime.locked) return null;
  const unlockedAt = runtime.unlockedAt;
  const constraints: number[] = [];
  if (planned.at !== null) constraints.push(unlockedAt === null ? planned.at : Math.max(planned.at, unlockedAt));
  const trigger = planned.inject.trigger;
  if (trigger && (trigger.after !== undefined || trigger.when !== undefined)) {
    const bases: number[] = unlockedAt === null ? [] : [unlockedAt];
    if (trigger.after !== undefined) {
      const after = own(state.injects, trigger.after)?.status;
      if (after?.kind !== 'released') return null;
      bases.push(after.at);
    }
    if (trigger.when !== undefined) {
      if (runtime.conditionHeldAt === null) return null;
      bases.push(runtime.conditionHeldAt);
    }
    constraints.push(Math.max(...bases) + planned.delay);
  }
  if (constraints.length === 0) return unlockedAt;
  return Math.max(...constraints);
}

/**
 * What `dueItems` read, and its answer. Due items depend only on the scenario and the injects,
 * decisions and timers dictionaries, which are never changed once made; an event that touches none
 * of them (most of a busy room's events) keeps the list, so `decide` does not rescan the MSEL.
 */
interface DueMemo {
  readonly scenario: ExerciseState['scenario'];
  readonly decisions: ExerciseState['decisions'];
  readonly timers: ExerciseState['timers'];
  readonly items: readonly DueItem[];
}

const dueMemo = new WeakMap<ExerciseState['injects'], DueMemo>();

/** Everything the clock will do by itself, soonest first. */
export function dueItems(state: ExerciseState): readonly DueItem[] {
  const memo = dueMemo.get(state.injects);
  if (memo && memo.scenario === state.scenario && memo.decisions === state.decisions && memo.timers === state.timers) {
    return memo.items;
  }
  // Frozen: the same list is handed to every caller that asks about these dictionaries.
  const items = Object.freeze(computeDueItems(state));
  dueMemo.set(state.injects, { scenario: state.scenario, decisions: state.decisions, timers: state.timers, items });
  return items;
}

/** The due items without the memo (the fold tests check that the memo agrees). */
export function computeDueItems(state: ExerciseState): DueItem[] {
  const plan = planOf(state.scenario);
  const items: { item: DueItem; order: number }[] = [];
  for (const [id, { point, inject }] of plan.points) {
    const decision = own(state.decisions, id);
    if (decision?.kind === 'open' && decision.expires) {
      const order = plan.injects.get(inject)?.index ?? 0;
      items.push({ item: { kind: 'expire-decision', due: decision.dueAt, point: id, option: point.default }, order });
    }
  }
  for (const [id, { index }] of plan.timers) {
    const timer = own(state.timers, id);
    if (timer?.kind === 'running')
      items.push({ item: { kind: 'miss-timer', due: timer.deadline, timer: id }, order: index });
  }
  for (const planned of plan.injects.values()) {
    const due = injectDueTime(state, planned);
    if (due !== null)
      items.push({ item: { kind: 'release-inject', due, inject: planned.inject.id }, order: planned.index });
  }
  items.sort(
    (a, b) => a.item.due - b.item.due || KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] || a.order - b.order,
  );
  return items.map((i) => i.item);
}

/** The first item the clock will act on, with the wall time the ticker should wake for it. */
export function nextDue(state: ExerciseState): (DueItem & { readonly wallTime: number | null }) | null {
  if (state.clock.kind === 'not-started' || state.clock.kind === 'ended') return null;
  const first = dueItems(state)[0];
  return first === undefined ? null : { ...first, wallTime: wallTimeWhen(state.clock, first.due) };
}

/**
 * Wall time (ms) at which the ticker should send the next `tick`; null when nothing will become
 * due by itself (clock paused or stepped, exercise not running, nothing scheduled).
 */
export function nextDueTime(state: ExerciseState): number | null {
  return nextDue(state)?.wallTime ?? null;
}

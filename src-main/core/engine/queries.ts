/**
 * Read-only questions about a state that screens, the ticker and reports ask.
 */
import { userHours } from './cascade.ts';
import { clockReading, isConducting } from './clock.ts';
import type { RatingPayload } from './events.ts';
import { planOf } from './plan.ts';
import { own } from './records.ts';
import { injectDueTime } from './schedule.ts';
import type { ExerciseState, InjectStatus, Recorded } from './state.ts';

/**
 * Scenario time at a wall time (ms): the clock's reading, never earlier than the latest event, so
 * scenario time never runs backwards even if the laptop's clock is set back.
 */
export function scenarioTimeAt(state: ExerciseState, wall: number): number {
  return Math.max(state.scenarioTime, clockReading(state.clock, wall));
}

/**
 * User-hours lost by one service up to a scenario time (default: the latest event), counting the
 * stretch since the latest event at the service's current state. See `cascade.ts` for the weights.
 */
export function userHoursLost(state: ExerciseState, serviceId: string, at: number = state.scenarioTime): number {
  const runtime = own(state.services, serviceId);
  const service = state.scenario.services.find((s) => s.id === serviceId);
  if (!runtime || !service) return 0;
  const open = isConducting(state.clock) ? Math.max(0, at - state.scenarioTime) : 0;
  const downMs = runtime.downMs + (runtime.effective === 'down' ? open : 0);
  const degradedMs = runtime.degradedMs + (runtime.effective === 'degraded' ? open : 0);
  return userHours(service.users, { downMs, degradedMs });
}

export function totalUserHoursLost(state: ExerciseState, at: number = state.scenarioTime): number {
  return state.scenario.services.reduce((sum, s) => sum + userHoursLost(state, s.id, at), 0);
}

/** The rating in force per evaluator and target: the latest one each evaluator gave. */
export function currentRatings(state: ExerciseState): readonly (Recorded & RatingPayload)[] {
  const latest = new Map<string, Recorded & RatingPayload>();
  for (const rating of state.ratings) latest.set(`${rating.evaluator}\u0000${rating.target}`, rating);
  return [...latest.values()];
}

export interface MselRow {
  readonly id: string;
  readonly origin: 'scenario' | 'adhoc';
  readonly status: InjectStatus;
  readonly held: boolean;
  readonly locked: boolean;
  /** When the clock will release it (scenario time); null if only a person will. */
  readonly dueAt: number | null;
}

/** The controllers' MSEL board: every inject with its status and due time, in MSEL order. */
export function mselBoard(state: ExerciseState): readonly MselRow[] {
  const plan = planOf(state.scenario);
  const rows: MselRow[] = [];
  for (const planned of plan.injects.values()) {
    const runtime = own(state.injects, planned.inject.id);
    if (!runtime) continue;
    rows.push({
      id: planned.inject.id,
      origin: 'scenario',
      status: runtime.status,
      held: runtime.held !== null,
      locked: runtime.locked,
      dueAt: injectDueTime(state, planned),
    });
  }
  for (const id of Object.keys(state.adhoc)) {
    const runtime = own(state.injects, id);
    if (runtime) rows.push({ id, origin: 'adhoc', status: runtime.status, held: false, locked: false, dueAt: null });
  }
  return rows;
}

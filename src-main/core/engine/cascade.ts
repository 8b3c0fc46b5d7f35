/**
 * The service-dependency cascade and the downtime it costs.
 *
 * Each service has a state that effects set on it directly (`set`). Its effective state is the
 * worst of that and what its dependencies pass on:
 * - hard dependency: passes its own effective state on (down → down, degraded → degraded);
 * - soft dependency: down or degraded → degraded.
 * The effective states are recomputed from the set states after every event, so restoring a
 * service un-propagates by itself: nothing remembers who degraded whom.
 *
 * User-hours lost weigh a degraded service at half a down one (DEGRADED_WEIGHT): degraded means
 * slow or partly working (messages delayed, some payments failing), and a single documented
 * constant is easier to argue about in the after-action report than a per-service factor.
 */
import type { ServiceState } from '../scenario/conditions.ts';
import type { Scenario, Service } from '../scenario/schema.ts';
import { HOUR_MS } from '../time.ts';
import { own, type Dict } from './records.ts';

export const DEGRADED_WEIGHT = 0.5;

const RANK: Readonly<Record<ServiceState, number>> = { up: 0, degraded: 1, down: 2 };

export function worst(a: ServiceState, b: ServiceState): ServiceState {
  return RANK[a] >= RANK[b] ? a : b;
}

function passedOn(kind: 'hard' | 'soft', dependency: ServiceState): ServiceState {
  if (kind === 'hard') return dependency;
  return dependency === 'up' ? 'up' : 'degraded';
}

/**
 * Effective states from set states. A fixpoint rather than a topological walk: states only get
 * worse while iterating, so it ends after at most 2 × services passes even if a planner wrote a
 * dependency cycle (which the scenario lint reports, but the engine must not hang on).
 */
export function propagate(services: readonly Service[], set: Dict<ServiceState>): Dict<ServiceState> {
  const effective: Record<string, ServiceState> = {};
  for (const s of services) effective[s.id] = own(set, s.id) ?? s.initial;
  for (let pass = 0; pass <= 2 * services.length; pass++) {
    let changed = false;
    for (const s of services) {
      let state = effective[s.id] ?? 'up';
      for (const dep of s.dependsOn) {
        const depState = Object.hasOwn(effective, dep.service) ? effective[dep.service] : undefined;
        if (depState !== undefined) state = worst(state, passedOn(dep.kind, depState));
      }
      if (state !== effective[s.id]) {
        effective[s.id] = state;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return effective;
}

export interface Downtime {
  readonly downMs: number;
  readonly degradedMs: number;
}

/** `users × (down hours + DEGRADED_WEIGHT × degraded hours)`. */
export function userHours(users: number, downtime: Downtime): number {
  return (users * (downtime.downMs + DEGRADED_WEIGHT * downtime.degradedMs)) / HOUR_MS;
}

/** Adds `ms` of the given effective state to a downtime tally. */
export function accrue<T extends Downtime>(tally: T, state: ServiceState, ms: number): T {
  if (ms <= 0 || state === 'up') return tally;
  return state === 'down' ? { ...tally, downMs: tally.downMs + ms } : { ...tally, degradedMs: tally.degradedMs + ms };
}

export function serviceById(scenario: Scenario, id: string): Service | undefined {
  return scenario.services.find((s) => s.id === id);
}

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
import { madeByThisFold, madeNow, own, type Dict } from './records.ts';
import type { ServiceRuntime } from './state.ts';

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

/**
 * Every service's downtime over `ms` more scenario milliseconds, in its effective state.
 *
 * Outside a transient fold: a new runtime for each service that is not up, and a new dictionary
 * if any was. Inside one, the dictionary this function made for the fold is reused and its
 * runtimes' tallies are added in place, so a fold through hours of outage does not rebuild every
 * service on every event. That is sound because such a dictionary holds, for every service that is
 * not up, a runtime made right here for the fold; a runtime changes its effective state only by
 * being replaced (`settle` puts a new one into a new dictionary), never in place. And the memo in
 * `settle` reads `set` and `effective` only, never the tallies (see `records.ts`).
 */
export function accrueAll(services: Dict<ServiceRuntime>, ms: number): Dict<ServiceRuntime> {
  if (ms <= 0) return services;
  // `for…in`, not Object.keys: this runs on every event, and the key array was its main cost. The
  // dictionaries are plain objects made by the engine (no inherited enumerable keys).
  if (madeByThisFold(services)) {
    for (const id in services) {
      const runtime = services[id] as ServiceRuntime & { downMs: number; degradedMs: number };
      if (runtime.effective === 'down') runtime.downMs += ms;
      else if (runtime.effective === 'degraded') runtime.degradedMs += ms;
    }
    return services;
  }
  let out: Record<string, ServiceRuntime> | null = null;
  for (const id in services) {
    const runtime = services[id] as ServiceRuntime;
    if (runtime.effective === 'up') continue;
    out ??= { ...services };
    out[id] = accrued(runtime, ms);
  }
  return out === null ? services : madeNow(out);
}

/**
 * A copy with `ms` added in its effective state. Spelled out field by field rather than spread: a
 * literal of a fixed shape is several times cheaper to build, and it runs on every event.
 */
function accrued(runtime: ServiceRuntime, ms: number): ServiceRuntime {
  const { set, effective, downMs, degradedMs, history } = runtime;
  return effective === 'down'
    ? { set, effective, downMs: downMs + ms, degradedMs, history }
    : { set, effective, downMs, degradedMs: degradedMs + ms, history };
}

export function serviceById(scenario: Scenario, id: string): Service | undefined {
  return scenario.services.find((s) => s.id === id);
}

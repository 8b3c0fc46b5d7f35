/**
 * The scenario, compiled once for the engine: times parsed to milliseconds and ids indexed.
 *
 * Kept out of the state (the state stays plain JSON) and cached per scenario object, so the
 * schedule can be scanned after every event without re-parsing `T+HH:MM` strings.
 */
import type { Cell, DecisionPoint, Inject, Scenario, Task, Timer } from '../scenario/schema.ts';
import { parseDuration, parseScenarioTime } from '../time.ts';
import { invariant } from './assert-never.ts';

export interface PlannedInject {
  readonly inject: Inject;
  /** Position in the MSEL: breaks ties between injects due at the same time. */
  readonly index: number;
  readonly at: number | null;
  /** Trigger delay in ms (0 when the trigger has none). */
  readonly delay: number;
}

export interface PlannedPoint {
  readonly point: DecisionPoint;
  readonly inject: string;
  readonly due: number;
}

export interface PlannedTimer {
  readonly timer: Timer;
  readonly index: number;
  readonly limit: number;
}

export interface Plan {
  readonly injects: ReadonlyMap<string, PlannedInject>;
  readonly points: ReadonlyMap<string, PlannedPoint>;
  readonly timers: ReadonlyMap<string, PlannedTimer>;
  readonly cells: ReadonlyMap<string, Cell>;
  readonly tasks: ReadonlyMap<string, Task>;
  readonly serviceIds: ReadonlySet<string>;
  readonly metricIds: ReadonlySet<string>;
  readonly targetIds: ReadonlySet<string>;
  readonly capabilityIds: ReadonlySet<string>;
  readonly headquartersIds: ReadonlySet<string>;
}

const cache = new WeakMap<Scenario, Plan>();

export function planOf(scenario: Scenario): Plan {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const plan = compile(scenario);
  cache.set(scenario, plan);
  return plan;
}

function scenarioTime(text: string): number {
  const ms = parseScenarioTime(text);
  invariant(ms !== undefined, `the schema admitted scenario time "${text}"`);
  return ms;
}

function duration(text: string): number {
  const ms = parseDuration(text);
  invariant(ms !== undefined, `the schema admitted duration "${text}"`);
  return ms;
}

function compile(scenario: Scenario): Plan {
  const injects = new Map<string, PlannedInject>();
  const points = new Map<string, PlannedPoint>();
  scenario.injects.forEach((inject, index) => {
    injects.set(inject.id, {
      inject,
      index,
      at: inject.at === undefined ? null : scenarioTime(inject.at),
      delay: inject.trigger?.delay === undefined ? 0 : duration(inject.trigger.delay),
    });
    if (inject.decision) {
      points.set(inject.decision.id, {
        point: inject.decision,
        inject: inject.id,
        due: duration(inject.decision.due),
      });
    }
  });
  const timers = new Map<string, PlannedTimer>();
  scenario.timers.forEach((timer, index) => timers.set(timer.id, { timer, index, limit: duration(timer.limit) }));
  return {
    injects,
    points,
    timers,
    cells: new Map(scenario.cells.map((c) => [c.id, c])),
    tasks: new Map(scenario.tasks.map((t) => [t.id, t])),
    serviceIds: new Set(scenario.services.map((s) => s.id)),
    metricIds: new Set(scenario.metrics.map((m) => m.id)),
    targetIds: new Set(scenario.targets.map((t) => t.id)),
    capabilityIds: new Set(scenario.capabilities.map((c) => c.id)),
    headquartersIds: new Set(scenario.headquarters.map((h) => h.id)),
  };
}

export function isControlCell(plan: Plan, cellId: string): boolean {
  return plan.cells.get(cellId)?.role === 'control';
}

/**
 * Design-time lint: a scenario can be valid and still not play well. These are warnings a planner
 * should fix or explain (in the facilitator notes) before the exercise, not errors.
 */
import { forEachLeaf } from './conditions.ts';
import type { Condition } from './conditions.ts';
import type { Scenario } from './schema.ts';
import { findCycle, ALL_CELLS } from './references.ts';
import type { RawFinding } from './references.ts';
import { parseDuration, parseScenarioTime } from '../time.ts';

export function lintScenario(s: Scenario): RawFinding[] {
  const out: RawFinding[] = [];
  const warn = (code: string, path: RawFinding['path'], message: string) => out.push({ code: `lint/${code}`, path, message });

  const expected = new Set<string>();
  for (const inject of s.injects) {
    inject.expects.forEach((t) => expected.add(t));
    inject.decision?.options.forEach((o) => o.completes.forEach((t) => expected.add(t)));
  }
  s.tasks.forEach((task, i) => {
    if (!expected.has(task.id)) {
      warn('task-not-expected', ['tasks', i], `no inject expects critical task "${task.id}", so evaluators are never prompted to look for it`);
    }
  });

  const targeted = new Set(s.targets.map((t) => t.objective));
  s.objectives.forEach((o, i) => {
    if (!targeted.has(o.id)) warn('objective-without-target', ['objectives', i], `objective "${o.id}" has no capability target, so it can never be rated`);
  });

  const reachable = reachableInjects(s);
  s.injects.forEach((inject, i) => {
    if (!reachable.has(inject.id)) {
      const why = inject.locked ? 'it is locked and no decision option that can happen unlocks it' : 'what triggers it can never happen or comes after the scenario span';
      warn('unreachable-inject', ['injects', i], `inject "${inject.id}" can never be released: ${why}`);
    }
  });

  const locked = new Set(s.injects.filter((inj) => inj.locked).map((inj) => inj.id));
  s.injects.forEach((inject, i) =>
    inject.decision?.options.forEach((o, k) =>
      o.unlocks.forEach((id, n) => {
        if (!locked.has(id) && s.injects.some((inj) => inj.id === id)) {
          warn('unlocks-unlocked-inject', ['injects', i, 'decision', 'options', k, 'unlocks', n], `option "${o.id}" unlocks inject "${id}", which is not locked, so choosing it changes nothing; mark "${id}" locked: true`);
        }
      }),
    ),
  );

  const whenCycle = findCycle(
    s.injects.map((inj) => {
      const refs: string[] = [];
      if (inj.trigger?.when) forEachLeaf(inj.trigger.when, (leaf) => 'released' in leaf && refs.push(leaf.released));
      if (inj.trigger?.after !== undefined) refs.push(inj.trigger.after);
      return [inj.id, refs] as const;
    }),
  );
  if (whenCycle) {
    const index = s.injects.findIndex((inj) => inj.id === whenCycle[0]);
    warn('trigger-cycle', ['injects', index, 'trigger'], `trigger conditions wait on each other in a circle: ${whenCycle.join(' → ')}`);
  }

  const receiving = new Set<string>();
  let everyone = false;
  for (const inject of s.injects) {
    if (inject.to.includes(ALL_CELLS)) everyone = true;
    inject.to.forEach((c) => receiving.add(c));
  }
  s.cells.forEach((cell, i) => {
    if (cell.role === 'player' && !everyone && !receiving.has(cell.id)) {
      warn('cell-receives-nothing', ['cells', i], `player cell "${cell.id}" is sent no inject, so it has nothing to respond to`);
    }
  });

  const spanMs = parseDuration(s.span) ?? 0;
  s.timers.forEach((timer, i) => {
    const limit = parseDuration(timer.limit) ?? 0;
    if (!conditionCanHold(timer.start, reachable, s)) {
      warn('timer-never-satisfiable', ['timers', i, 'start'], `timer "${timer.id}" can never start: its start condition refers to something that cannot happen`);
    } else if (limit > spanMs) {
      warn('timer-never-satisfiable', ['timers', i, 'limit'], `timer "${timer.id}" runs ${timer.limit}, longer than the scenario span (${s.span}), so it can never be missed or judged`);
    }
  });
  return out;
}

/** Injects that some course of play can release (assuming any decision option may be chosen). */
export function reachableInjects(s: Scenario): ReadonlySet<string> {
  const spanMs = parseDuration(s.span) ?? 0;
  const reachable = new Set<string>();
  const unlockedBy = new Map<string, string[]>();
  for (const inject of s.injects) {
    for (const o of inject.decision?.options ?? []) for (const id of o.unlocks) unlockedBy.set(id, [...(unlockedBy.get(id) ?? []), inject.id]);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const inject of s.injects) {
      if (reachable.has(inject.id)) continue;
      if (inject.locked && !(unlockedBy.get(inject.id) ?? []).some((id) => reachable.has(id))) continue;
      const at = inject.at !== undefined ? parseScenarioTime(inject.at) : undefined;
      let ok: boolean;
      if (at !== undefined) ok = at <= spanMs;
      else if (inject.trigger?.after !== undefined) ok = reachable.has(inject.trigger.after);
      else if (inject.trigger?.when !== undefined) ok = conditionCanHold(inject.trigger.when, reachable, s);
      else ok = inject.contingency || inject.locked;
      if (ok) {
        reachable.add(inject.id);
        changed = true;
      }
    }
  }
  return reachable;
}

/** Optimistic: a condition can hold unless it needs an inject (or its decision) that can never be released. */
function conditionCanHold(condition: Condition, reachable: ReadonlySet<string>, s: Scenario): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionCanHold(c, reachable, s));
  if ('any' in condition) return condition.any.some((c) => conditionCanHold(c, reachable, s));
  if ('not' in condition) return true;
  if ('released' in condition) return reachable.has(condition.released);
  if ('decided' in condition) {
    const owner = s.injects.find((inj) => inj.decision?.id === condition.decided.point);
    return owner !== undefined && reachable.has(owner.id);
  }
  if ('service' in condition) {
    const { id, state } = condition.service;
    const service = s.services.find((svc) => svc.id === id);
    if (service?.initial === state) return true;
    // Some effect must set it, or a dependency must push it there; be generous with dependencies.
    return s.injects.some(
      (inj) =>
        inj.effects?.services.some((e) => e.id === id && e.state === state) ||
        inj.decision?.options.some((o) => o.effects?.services.some((e) => e.id === id && e.state === state)),
    ) || (service !== undefined && service.dependsOn.length > 0);
  }
  return true;
}

/**
 * Cross-reference checks that a schema cannot express: ids unique within their kind, and every
 * id a scenario mentions (cells, tasks, injects, services, metrics, options) defined somewhere.
 */
import { forEachLeaf, conditionDepth, MAX_CONDITION_DEPTH } from './conditions.ts';
import type { Condition } from './conditions.ts';
import type { PathSegment } from './findings.ts';
import type { Effects, Scenario } from './schema.ts';
import { parseScenarioTime, parseDuration } from '../time.ts';

export interface RawFinding {
  readonly code: string;
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/** Recipients may name every cell at once. */
export const ALL_CELLS = 'all';

export function checkReferences(s: Scenario): RawFinding[] {
  const out: RawFinding[] = [];
  const err = (path: PathSegment[], message: string, code = 'unknown-reference') => out.push({ code, path, message });

  const defined = {
    cell: unique(s.cells, 'cells', 'cell', out),
    capability: unique(s.capabilities, 'capabilities', 'capability', out),
    objective: unique(s.objectives, 'objectives', 'objective', out),
    target: unique(s.targets, 'targets', 'capability target', out),
    task: unique(s.tasks, 'tasks', 'critical task', out),
    service: unique(s.services, 'services', 'service', out),
    metric: unique(s.metrics, 'metrics', 'metric', out),
    timer: unique(s.timers, 'timers', 'timer', out),
    module: unique(s.modules, 'modules', 'module', out),
    inject: unique(s.injects, 'injects', 'inject', out),
    headquarters: unique(s.headquarters, 'headquarters', 'headquarters', out),
  };
  const points = new Map<string, ReadonlySet<string>>();
  s.injects.forEach((inject, i) => {
    const d = inject.decision;
    if (!d) return;
    if (points.has(d.id)) err(['injects', i, 'decision', 'id'], `decision point "${d.id}" is defined twice`, 'duplicate-id');
    points.set(d.id, new Set(d.options.map((o) => o.id)));
  });

  const need = (kind: keyof typeof defined, id: string, path: PathSegment[], extra?: string) => {
    if (!defined[kind].has(id) && !(kind === 'cell' && extra === ALL_CELLS && id === ALL_CELLS)) {
      const label = kind === 'task' ? 'critical task' : kind === 'target' ? 'capability target' : kind;
      err(path, `unknown ${label} "${id}"${suggest(id, defined[kind])}`);
    }
  };
  const needCells = (list: readonly string[], path: PathSegment[], allowAll: boolean) =>
    list.forEach((id, k) => need('cell', id, [...path, k], allowAll ? ALL_CELLS : undefined));
  const checkEffects = (effects: Effects | undefined, path: PathSegment[]) => {
    effects?.services.forEach((e, k) => need('service', e.id, [...path, 'services', k, 'id']));
    effects?.metrics.forEach((e, k) => need('metric', e.id, [...path, 'metrics', k, 'id']));
  };
  const checkCondition = (condition: Condition, path: PathSegment[]) => {
    if (conditionDepth(condition) > MAX_CONDITION_DEPTH) {
      err(path, `conditions nest more than ${MAX_CONDITION_DEPTH} levels deep; simplify it`, 'too-deep');
      return;
    }
    forEachLeaf(condition, (leaf, sub) => {
      const at = [...path, ...sub];
      if ('released' in leaf) need('inject', leaf.released, [...at, 'released']);
      else if ('decided' in leaf) {
        const options = points.get(leaf.decided.point);
        if (!options) err([...at, 'decided', 'point'], `unknown decision point "${leaf.decided.point}"`);
        else if (leaf.decided.option !== undefined && !options.has(leaf.decided.option)) {
          err([...at, 'decided', 'option'], `decision point "${leaf.decided.point}" has no option "${leaf.decided.option}"`);
        }
      } else if ('service' in leaf) need('service', leaf.service.id, [...at, 'service', 'id']);
      else if ('metric' in leaf) need('metric', leaf.metric.id, [...at, 'metric', 'id']);
      else if ('taskDone' in leaf) need('task', leaf.taskDone, [...at, 'taskDone']);
    });
  };

  const spanMs = parseDuration(s.span) ?? 0;
  s.headquarters.forEach((hq, i) => need('cell', hq.lead, ['headquarters', i, 'lead']));
  s.targets.forEach((t, i) => {
    need('objective', t.objective, ['targets', i, 'objective']);
    need('capability', t.capability, ['targets', i, 'capability']);
  });
  s.tasks.forEach((t, i) => {
    need('target', t.target, ['tasks', i, 'target']);
    needCells(t.cells, ['tasks', i, 'cells'], false);
    const after = t.due.after;
    if (typeof after === 'object' && 'released' in after) need('inject', after.released, ['tasks', i, 'due', 'after', 'released']);
    if (typeof after === 'object' && 'decided' in after && !points.has(after.decided)) {
      err(['tasks', i, 'due', 'after', 'decided'], `unknown decision point "${after.decided}"`);
    }
  });
  s.services.forEach((svc, i) => {
    if (svc.operator !== undefined) need('cell', svc.operator, ['services', i, 'operator']);
    svc.dependsOn.forEach((dep, k) => {
      need('service', dep.service, ['services', i, 'dependsOn', k, 'service']);
      if (dep.service === svc.id) err(['services', i, 'dependsOn', k, 'service'], 'a service cannot depend on itself', 'self-reference');
    });
  });
  const cycle = findCycle(s.services.map((svc) => [svc.id, svc.dependsOn.map((d) => d.service)]));
  if (cycle) {
    const index = s.services.findIndex((svc) => svc.id === cycle[0]);
    err(['services', index, 'dependsOn'], `services depend on each other in a circle: ${cycle.join(' → ')}`, 'dependency-cycle');
  }
  s.timers.forEach((t, i) => {
    checkCondition(t.start, ['timers', i, 'start']);
    t.satisfiedBy.forEach((id, k) => need('task', id, ['timers', i, 'satisfiedBy', k]));
  });
  s.modules.forEach((m, i) => {
    const from = parseScenarioTime(m.from) ?? 0;
    const to = parseScenarioTime(m.to) ?? 0;
    if (to <= from) err(['modules', i, 'to'], `the module ends (${m.to}) before it starts (${m.from})`, 'bad-range');
    if (from > spanMs) err(['modules', i, 'from'], `the module starts after the scenario span (${s.span})`, 'bad-range');
    m.questions.forEach((q, k) => needCells(q.cells, ['modules', i, 'questions', k, 'cells'], true));
  });
  s.injects.forEach((inject, i) => {
    const at: PathSegment[] = ['injects', i];
    need('module', inject.module, [...at, 'module']);
    need('cell', inject.from, [...at, 'from']);
    needCells(inject.to, [...at, 'to'], true);
    if (inject.controller !== undefined) need('cell', inject.controller, [...at, 'controller']);
    inject.expects.forEach((id, k) => need('task', id, [...at, 'expects', k]));
    checkEffects(inject.effects, [...at, 'effects']);
    if (inject.at !== undefined && inject.trigger !== undefined) {
      err([...at, 'trigger'], 'an inject has either a time (at) or a trigger, not both', 'timing');
    }
    if (inject.at === undefined && inject.trigger === undefined && !inject.contingency && !inject.locked) {
      err(at, 'the inject never releases: give it a time (at) or a trigger, or mark it contingency: true', 'timing');
    }
    if (inject.trigger) {
      const { after, when } = inject.trigger;
      if (after === undefined && when === undefined) err([...at, 'trigger'], 'a trigger needs "after" or "when"', 'timing');
      if (after !== undefined && when !== undefined) err([...at, 'trigger'], 'a trigger has "after" or "when", not both', 'timing');
      if (after !== undefined) {
        need('inject', after, [...at, 'trigger', 'after']);
        if (after === inject.id) err([...at, 'trigger', 'after'], 'an inject cannot be triggered by itself', 'trigger-cycle');
      }
      if (when !== undefined) checkCondition(when, [...at, 'trigger', 'when']);
    }
    const d = inject.decision;
    if (d) {
      const dp: PathSegment[] = [...at, 'decision'];
      needCells(d.cells, [...dp, 'cells'], false);
      const optionIds = new Set<string>();
      d.options.forEach((o, k) => {
        if (optionIds.has(o.id)) err([...dp, 'options', k, 'id'], `option "${o.id}" appears twice`, 'duplicate-id');
        optionIds.add(o.id);
        checkEffects(o.effects, [...dp, 'options', k, 'effects']);
        o.unlocks.forEach((id, n) => need('inject', id, [...dp, 'options', k, 'unlocks', n]));
        o.cancels.forEach((id, n) => need('inject', id, [...dp, 'options', k, 'cancels', n]));
        o.completes.forEach((id, n) => need('task', id, [...dp, 'options', k, 'completes', n]));
      });
      if (!optionIds.has(d.default)) err([...dp, 'default'], `the default "${d.default}" is not one of the options`);
    }
  });
  const triggerCycle = findCycle(s.injects.map((inj) => [inj.id, inj.trigger?.after !== undefined ? [inj.trigger.after] : []]));
  if (triggerCycle && triggerCycle.length > 2) {
    const index = s.injects.findIndex((inj) => inj.id === triggerCycle[0]);
    err(['injects', index, 'trigger', 'after'], `injects trigger each other in a circle, so none of them can ever be released: ${triggerCycle.join(' → ')}`, 'trigger-cycle');
  }
  return out;
}

function unique(items: readonly { id: string }[], section: string, label: string, out: RawFinding[]): ReadonlySet<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) out.push({ code: 'duplicate-id', path: [section, i, 'id'], message: `${label} id "${item.id}" is used twice` });
    seen.add(item.id);
  });
  return seen;
}

/** A "did you mean" for typos: the defined id closest by edit distance, if close. */
function suggest(id: string, known: ReadonlySet<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(id.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(id.length / 4)) ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** First cycle in a directed graph, as a list of ids that starts and ends on the same id. */
export function findCycle(edges: readonly (readonly [string, readonly string[]])[]): string[] | undefined {
  const graph = new Map(edges);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const found = walk(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const [node] of edges) {
    if (state.get(node) === undefined) {
      const found = walk(node);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The console's questions about the exercise state, as plain functions over the engine's
 * projections (so they are cheap to test and to re-run on every event).
 */
import { dueItems } from '@core/engine/index.ts';
import type { Channel, DecisionRuntime, ExerciseState, MselRow, TaskRuntime } from '@core/engine/index.ts';
import type { Cell, DecisionPoint, Inject, Module, Scenario, Task } from '@core/scenario/schema.ts';
import type { LocalizedText } from '@core/scenario/text.ts';
import { parseDuration, parseScenarioTime } from '@core/time.ts';

export function controlCellOf(scenario: Scenario): string {
  return scenario.cells.find((c) => c.role === 'control')?.id ?? 'control';
}

export function playerCells(scenario: Scenario): readonly Cell[] {
  return scenario.cells.filter((c) => c.role === 'player');
}

/** Who can send an ad-hoc inject: control and the simulated personas it plays. */
export function senderCells(scenario: Scenario): readonly Cell[] {
  return scenario.cells.filter((c) => c.role !== 'player');
}

export function cellName(scenario: Scenario, id: string): LocalizedText {
  return scenario.cells.find((c) => c.id === id)?.name ?? id;
}

/** Scenario injects by id, built once per scenario. */
export function indexInjects(scenario: Scenario | null): ReadonlyMap<string, Inject> {
  return new Map((scenario?.injects ?? []).map((i) => [i.id, i]));
}

export interface InjectInfo {
  readonly title: LocalizedText;
  readonly channel: Channel;
  readonly from: string;
  readonly to: readonly string[];
  readonly module: string | null;
  readonly scripted: Inject | null;
}

/** Title and routing of a scenario or ad-hoc inject; null for an id the exercise does not have. */
export function injectInfo(state: ExerciseState, index: ReadonlyMap<string, Inject>, id: string): InjectInfo | null {
  const scripted = index.get(id);
  if (scripted)
    return {
      title: scripted.title,
      channel: scripted.channel,
      from: scripted.from,
      to: scripted.to,
      module: scripted.module,
      scripted,
    };
  const adhoc = Object.hasOwn(state.adhoc, id) ? state.adhoc[id] : undefined;
  return adhoc
    ? { title: adhoc.title, channel: adhoc.channel, from: adhoc.from, to: adhoc.to, module: null, scripted: null }
    : null;
}

/** The inject the clock will release next (what R releases), or null. */
export function nextInject(state: ExerciseState): { readonly id: string; readonly dueAt: number } | null {
  for (const item of dueItems(state)) if (item.kind === 'release-inject') return { id: item.inject, dueAt: item.due };
  return null;
}

export const MSEL_GROUPS = ['upcoming', 'held', 'released', 'skipped', 'cancelled', 'locked'] as const;
export type MselGroup = (typeof MSEL_GROUPS)[number];

export function groupOf(row: MselRow): MselGroup {
  switch (row.status.kind) {
    case 'released':
      return 'released';
    case 'cancelled':
      return 'cancelled';
    case 'skipped':
      return 'skipped';
    case 'pending':
      return row.locked ? 'locked' : row.held ? 'held' : 'upcoming';
  }
}

/** Upcoming soonest first (hand-released ones last), released newest first, the rest in MSEL order. */
export function sortRows(group: MselGroup, rows: readonly MselRow[]): readonly MselRow[] {
  if (group === 'upcoming') return [...rows].sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
  if (group === 'released') {
    const seq = (r: MselRow) => (r.status.kind === 'released' ? r.status.seq : 0);
    return [...rows].sort((a, b) => seq(b) - seq(a));
  }
  return rows;
}

export function moduleAt(scenario: Scenario, at: number): Module | null {
  const within = scenario.modules.find((m) => {
    const from = parseScenarioTime(m.from) ?? 0;
    const to = parseScenarioTime(m.to) ?? Infinity;
    return at >= from && at < to;
  });
  return within ?? scenario.modules.at(-1) ?? null;
}

export interface OpenDecision {
  readonly point: DecisionPoint;
  readonly inject: string;
  readonly runtime: Extract<DecisionRuntime, { kind: 'open' }>;
}

export function openDecisions(state: ExerciseState): readonly OpenDecision[] {
  const open: OpenDecision[] = [];
  for (const inject of state.scenario.injects) {
    const point = inject.decision;
    if (!point) continue;
    const runtime = Object.hasOwn(state.decisions, point.id) ? state.decisions[point.id] : undefined;
    if (runtime?.kind === 'open') open.push({ point, inject: inject.id, runtime });
  }
  return open.sort((a, b) => a.runtime.dueAt - b.runtime.dueAt);
}

export type TaskWindow =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'open'; readonly from: number; readonly due: number }
  | { readonly kind: 'overdue'; readonly from: number; readonly due: number }
  | { readonly kind: 'done'; readonly at: number; readonly due: number | null; readonly late: boolean };

/** When a task's window opened: StartEx, a release, or a decision (taken or defaulted). */
function anchorTime(state: ExerciseState, task: Task): number | null {
  const after = task.due.after;
  if (after === 'start') return state.clock.kind === 'not-started' ? null : 0;
  if ('released' in after) {
    const status = Object.hasOwn(state.injects, after.released) ? state.injects[after.released]?.status : undefined;
    return status?.kind === 'released' ? status.at : null;
  }
  const decision = Object.hasOwn(state.decisions, after.decided) ? state.decisions[after.decided] : undefined;
  return decision?.kind === 'decided' || decision?.kind === 'expired' ? decision.at : null;
}

export function taskWindow(state: ExerciseState, task: Task, now: number): TaskWindow {
  const from = anchorTime(state, task);
  const due = from === null ? null : from + (parseDuration(task.due.within) ?? 0);
  const runtime: TaskRuntime | undefined = Object.hasOwn(state.tasks, task.id) ? state.tasks[task.id] : undefined;
  if (runtime?.kind === 'done') return { kind: 'done', at: runtime.at, due, late: due !== null && runtime.at > due };
  if (from === null || due === null) return { kind: 'waiting' };
  return now > due ? { kind: 'overdue', from, due } : { kind: 'open', from, due };
}

export function tasksOf(scenario: Scenario, cell: string): readonly Task[] {
  return scenario.tasks.filter((t) => t.cells.includes(cell) || t.cells.includes('all'));
}

/** Real seconds until a scenario time arrives, when the clock is running; null otherwise. */
export function wallUntil(state: ExerciseState, scenarioDelta: number): number | null {
  return state.clock.kind === 'running' ? scenarioDelta / state.clock.speed : null;
}

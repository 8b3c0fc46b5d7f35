/**
 * Responsiveness (design.md §5): per player cell, the latency from the release of each inject
 * addressed to it (its id or "all" in the inject's `to`) to the cell's first response. A response
 * is any of:
 * - acknowledging the inject;
 * - sharing it with another cell;
 * - deciding its decision point (a decision recorded for the cell counts as the cell's);
 * - logging an action that does a critical task the inject expects (an action logged before the
 *   release means the expected work was already done: latency 0).
 * Public injects addressed to other cells, and injects another cell shared, are visible to the cell
 * but not addressed to it, so they are not counted.
 *
 * Score = speed × coverage.
 * - speed = mean of speed(median) and speed(p90) of the latencies, where speed(x) = 100 up to
 *   RESPONSE_FULL_MS and falls linearly to 0 at RESPONSE_ZERO_MS;
 * - coverage = the share of the injects that CALLED on the cell which were answered. An inject calls
 *   on a cell when it expects a critical task the cell is responsible for or puts a decision point
 *   to it; an informational inject calls for nothing, so leaving it unacknowledged costs nothing.
 *   A call is answered when the cell responded, or when what it asked of the cell was done by a
 *   cell sharing the responsibility (one of the cell's expected tasks is done, or a cell decided the
 *   point): joint tasks and joint decisions are done once, by one of the cells. A call still
 *   unanswered less than RESPONSE_ZERO_MS after its release is "waiting" and not counted yet.
 *   With no calls, coverage is not applied; with calls but no response, the score is 0.
 */
import { planOf } from '../engine/plan.ts';
import { own } from '../engine/records.ts';
import type { ExerciseState } from '../engine/state.ts';
import { MINUTE_MS } from '../time.ts';
import { explain, figure, num, round1, span } from './explain.ts';
import { referenceTime } from './happened.ts';
import type { CellResponsiveness } from './model.ts';
import { median, percentile } from './percentile.ts';

export const RESPONSE_FULL_MS = 15 * MINUTE_MS;
export const RESPONSE_ZERO_MS = 4 * 60 * MINUTE_MS;

export function speed(latencyMs: number): number {
  if (latencyMs <= RESPONSE_FULL_MS) return 100;
  if (latencyMs >= RESPONSE_ZERO_MS) return 0;
  return (100 * (RESPONSE_ZERO_MS - latencyMs)) / (RESPONSE_ZERO_MS - RESPONSE_FULL_MS);
}

interface Response {
  readonly at: number;
  readonly seq: number;
}

interface Received {
  readonly inject: string;
  readonly releasedAt: number;
  readonly releaseSeq: number;
  readonly calls: boolean;
  readonly answered: boolean;
  readonly response: Response | null;
}

type ActionRecord = ExerciseState['actions'][number];
type DecisionRecord = ExerciseState['decisionLog'][number];

/**
 * Where a cell's responses can be found, grouped once per scoring: acknowledgements and shares by
 * inject and cell, actions by cell and the critical tasks they name, decisions by cell and point.
 * Finding a cell's response to an inject then reads only the records that could answer it; walking
 * every action, acknowledgement and share again for each cell and inject grew as cells × injects ×
 * records (a third of the scoring time of a 10 000-event exercise).
 */
interface ResponseIndex {
  /** Acknowledgements and shares: a cell handling an inject, by inject, then cell. */
  readonly handled: ReadonlyMap<string, ReadonlyMap<string, readonly Response[]>>;
  readonly actions: ReadonlyMap<string, ReadonlyMap<string, readonly ActionRecord[]>>;
  readonly decisions: ReadonlyMap<string, ReadonlyMap<string, readonly DecisionRecord[]>>;
}

function group<T>(into: Map<string, Map<string, T[]>>, outer: string, key: string, record: T): void {
  let byKey = into.get(outer);
  if (byKey === undefined) {
    byKey = new Map<string, T[]>();
    into.set(outer, byKey);
  }
  const list = byKey.get(key);
  if (list === undefined) byKey.set(key, [record]);
  else list.push(record);
}

function indexResponses(state: ExerciseState): ResponseIndex {
  const handled = new Map<string, Map<string, Response[]>>();
  for (const [inject, runtime] of Object.entries(state.injects)) {
    for (const a of runtime.acknowledgements) group(handled, inject, a.cell, a);
    for (const s of runtime.shares) group(handled, inject, s.fromCell, s);
  }
  const actions = new Map<string, Map<string, ActionRecord[]>>();
  const decisions = new Map<string, Map<string, DecisionRecord[]>>();
  // An action naming two expected tasks is a candidate twice: harmless, only the earliest counts.
  for (const action of state.actions) for (const task of action.tasks) group(actions, action.cell, task, action);
  for (const d of state.decisionLog) if (d.choice) group(decisions, d.cell, d.choice.point, d);
  return { handled, actions, decisions };
}

function firstResponse(state: ExerciseState, index: ResponseIndex, cell: string, inject: string, releasedAt: number): Response | null {
  const definition = planOf(state.scenario).injects.get(inject)?.inject;
  const candidates: Response[] = [...(index.handled.get(inject)?.get(cell) ?? [])];
  const point = definition?.decision?.id;
  if (point !== undefined) {
    for (const d of index.decisions.get(cell)?.get(point) ?? []) candidates.push(d);
  }
  const expects = definition?.expects ?? [];
  for (const task of expects) {
    // A task the cell completed through a decision on another point answers the call too.
    const done = own(state.tasks, task);
    if (done?.kind === 'done' && done.cell === cell) candidates.push({ at: Math.max(done.at, releasedAt), seq: done.seq });
  }
  const byTask = index.actions.get(cell);
  for (const task of expects) {
    for (const action of byTask?.get(task) ?? []) candidates.push({ at: Math.max(action.at, releasedAt), seq: action.seq });
  }
  let first: Response | null = null;
  for (const c of candidates) if (first === null || c.at < first.at || (c.at === first.at && c.seq < first.seq)) first = c;
  return first === null ? null : { at: first.at, seq: first.seq };
}

/** Recipients of a released inject, scenario or ad hoc. */
function addressedTo(state: ExerciseState, inject: string): readonly string[] {
  return planOf(state.scenario).injects.get(inject)?.inject.to ?? own(state.adhoc, inject)?.to ?? [];
}

interface Call {
  /** Whether the inject expects one of the cell's critical tasks or puts a decision to it. */
  readonly calls: boolean;
  /** Whether what it asked of the cell was done, by the cell or a cell sharing the responsibility. */
  readonly met: boolean;
}

function callOn(state: ExerciseState, inject: string, cell: string): Call {
  const plan = planOf(state.scenario);
  const definition = plan.injects.get(inject)?.inject;
  if (!definition) return { calls: false, met: false };
  const point = definition.decision?.cells.includes(cell) ? definition.decision.id : null;
  const tasks = definition.expects.filter((t) => plan.tasks.get(t)?.cells.includes(cell) ?? false);
  const decided = point !== null && own(state.decisions, point)?.kind === 'decided';
  const done = tasks.some((t) => own(state.tasks, t)?.kind === 'done');
  return { calls: point !== null || tasks.length > 0, met: decided || done };
}

export function scoreResponsiveness(state: ExerciseState): readonly CellResponsiveness[] {
  const now = referenceTime(state);
  const index = indexResponses(state);
  const released = Object.entries(state.injects).flatMap(([id, runtime]) =>
    runtime.status.kind === 'released' ? [{ id, at: runtime.status.at, seq: runtime.status.seq }] : [],
  );
  return state.scenario.cells
    .filter((c) => c.role === 'player')
    .map((cell) => {
      const received: Received[] = [];
      for (const inject of released) {
        const to = addressedTo(state, inject.id);
        if (!to.includes(cell.id) && !to.includes('all')) continue;
        const response = firstResponse(state, index, cell.id, inject.id, inject.at);
        const call = callOn(state, inject.id, cell.id);
        received.push({ inject: inject.id, releasedAt: inject.at, releaseSeq: inject.seq, calls: call.calls, answered: call.calls && (response !== null || call.met), response });
      }
      const latencies = received.flatMap((r) => (r.response ? [r.response.at - r.releasedAt] : []));
      const medianMs = median(latencies);
      const p90Ms = percentile(latencies, 90);
      const waiting = received.filter((r) => r.calls && !r.answered && now - r.releasedAt < RESPONSE_ZERO_MS).length;
      const calls = received.filter((r) => r.calls).length - waiting;
      const answered = received.filter((r) => r.answered).length;
      const base = { cell: cell.id, responded: latencies.length, received: received.length, medianMs, p90Ms, calls, answered };
      const events = received.flatMap((r) => (r.calls || r.response ? [r.releaseSeq, r.response?.seq] : []));
      const pace = medianMs === null || p90Ms === null ? null : (speed(medianMs) + speed(p90Ms)) / 2;
      const coverage = calls > 0 ? answered / calls : null;
      if (pace === null && answered > 0) {
        // Others did everything asked of it and it never responded itself: nothing to time.
        const params = { cell: cell.id, received: received.length, calls, answered, waiting };
        return { ...base, score: figure(null, explain('scoring.responsiveness.covered', params, events)) };
      }
      const params = {
        cell: cell.id,
        responded: latencies.length,
        received: received.length,
        calls,
        answered,
        waiting,
        coverage: num(coverage === null ? null : round1(coverage * 100)),
        median: medianMs === null ? num(null) : span(medianMs),
        p90: p90Ms === null ? num(null) : span(p90Ms),
        speed: num(pace === null ? null : round1(pace)),
        full: span(RESPONSE_FULL_MS),
        zero: span(RESPONSE_ZERO_MS),
      };
      if (pace === null) {
        const key = calls > 0 ? 'scoring.responsiveness.silent' : 'scoring.responsiveness.none';
        return { ...base, score: figure(calls > 0 ? 0 : null, explain(key, params, events)) };
      }
      const key = coverage === null ? 'scoring.responsiveness.speed-only' : 'scoring.responsiveness.score';
      return { ...base, score: figure(pace * (coverage ?? 1), explain(key, params, events)) };
    });
}

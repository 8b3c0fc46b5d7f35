/**
 * What a seat is shown (pure). Built field by field from the authoritative state, like the engine's
 * `visibleInjects`, so nothing the seat may not see (other cells' injects, injects not yet released,
 * facilitator notes, expected actions, option scores, evaluator notes) can reach it by accident.
 * A seat never receives the scenario or the raw event log: both carry facilitator material.
 */
import { phaseOf, visibleInjects } from '../../core/engine/index.ts';
import type { CellInjectView, ExerciseState } from '../../core/engine/index.ts';
import type { SeatView } from '../../contract/seat-view.ts';
import { planOf } from '../../core/engine/plan.ts';
import { own } from '../../core/engine/records.ts';
import { controlCellOf } from './authorize.ts';
import type { SeatIdentity } from './seat.ts';


/** Released injects marked public (the situation display's feed), stripped of any cell's dealings. */
export function publicInjects(state: ExerciseState): CellInjectView[] {
  const plan = planOf(state.scenario);
  return visibleInjects(state, controlCellOf(state))
    .filter((view) => (plan.injects.get(view.id)?.inject ?? own(state.adhoc, view.id))?.visibility === 'public')
    .map((view) => ({ ...view, sharedBy: [], acknowledged: false, decision: null }));
}

export function seatView(state: ExerciseState, seat: SeatIdentity, head: { readonly seq: number; readonly hash: string }): SeatView {
  const cellDef = seat.role === 'player' ? state.scenario.cells.find((c) => c.id === seat.cell) : undefined;
  const cell = cellDef ? { id: cellDef.id, name: cellDef.name } : null;
  const injects = seat.role === 'player' && cell ? [...visibleInjects(state, cell.id)] : seat.role === 'evaluator' ? [...visibleInjects(state, controlCellOf(state))] : publicInjects(state);
  const mine = <T extends { readonly cell: string }>(rows: readonly T[]) => (cell ? rows.filter((r) => r.cell === cell.id) : []);
  return {
    exerciseId: seat.exerciseId,
    title: state.setup?.title ?? '',
    marking: state.setup?.marking ?? '',
    seat,
    cell,
    shareWith: cell ? state.scenario.cells.filter((c) => c.role === 'player' && c.id !== cell.id).map((c) => ({ id: c.id, name: c.name })) : [],
    head: { seq: head.seq, hash: head.hash },
    phase: phaseOf(state),
    clock: state.clock,
    scenarioTime: state.scenarioTime,
    injects,
    tasks: cell ? state.scenario.tasks.filter((t) => t.cells.includes(cell.id)).map((t) => ({ id: t.id, text: t.text })) : [],
    decisions: mine(state.decisionLog).map((d) => ({ seq: d.seq, at: d.at, choice: d.choice, text: d.text, rationale: d.rationale })),
    actions: mine(state.actions).map((a) => ({ seq: a.seq, at: a.at, text: a.text, tasks: [...a.tasks] })),
  };
}

export type { SeatView };

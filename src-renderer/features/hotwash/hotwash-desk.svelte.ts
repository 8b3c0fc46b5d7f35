/**
 * The hot wash: strengths and areas for improvement per cell, recorded by the facilitator, and
 * the participants' feedback forms, each recorded as the participant who filled it in.
 */
import type { Actor, Command, ExerciseState, HotwashPayload, Recorded } from '@core/engine/index.ts';
import type { Cell } from '@core/scenario/schema.ts';
import type { ExerciseStore } from '../../lib/exercise.svelte.ts';
import { controlCell, playerCells } from '../cell/format.ts';

export interface CellNotes {
  readonly cell: Cell;
  readonly strengths: readonly (Recorded & HotwashPayload)[];
  readonly improvements: readonly (Recorded & HotwashPayload)[];
}

/** Notes grouped by cell, in the scenario's cell order; cells with no note are left out. */
export function notesByCell(state: ExerciseState): readonly CellNotes[] {
  const live = state.hotwash.filter((n) => state.corrections[n.seq]?.kind !== 'retracted');
  return state.scenario.cells
    .map((cell) => ({
      cell,
      strengths: live.filter((n) => n.cell === cell.id && n.kind === 'strength'),
      improvements: live.filter((n) => n.cell === cell.id && n.kind === 'improvement'),
    }))
    .filter((g) => g.strengths.length + g.improvements.length > 0);
}

export class HotwashDesk {
  readonly store: ExerciseStore;
  readonly cells: readonly Cell[] = $derived.by(() => (this.store.scenario ? playerCells(this.store.scenario) : []));

  constructor(store: ExerciseStore) {
    this.store = store;
  }

  /** The facilitator runs the hot wash and writes its notes as exercise control. */
  facilitator = (): Actor => ({ person: 'facilitator', cell: this.store.scenario ? controlCell(this.store.scenario) : 'control' });

  participantActor(id: string): Actor | null {
    const participant = this.store.exercise?.setup?.participants.find((p) => p.id === id);
    return participant ? { person: participant.id, cell: participant.cell } : null;
  }

  async send(command: Command, actor: Actor): Promise<string | null> {
    const result = await this.store.dispatch(command, actor);
    return result.ok ? null : result.error.message;
  }
}

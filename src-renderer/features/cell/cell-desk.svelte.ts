/**
 * One player cell's desk: what the cell may see (need-to-know, via the engine's `visibleInjects`),
 * what it still has to decide, what it has recorded, and the commands it sends as itself.
 */
import { visibleInjects } from '@core/engine/index.ts';
import type { Actor, CellInjectView, Command, ExerciseState } from '@core/engine/index.ts';
import type { Cell, Task } from '@core/scenario/schema.ts';
import type { ExerciseStore } from '../../lib/exercise.svelte.ts';

/** Sends a command; resolves to the error message to show, or null when it was recorded. */
export type Send = (command: Command) => Promise<string | null>;

export class CellDesk {
  readonly store: ExerciseStore;
  readonly cell: string;

  readonly definition: Cell | null = $derived.by(() => this.store.scenario?.cells.find((c) => c.id === this.cell) ?? null);
  /** Newest first: the cell reads the latest message at the top. */
  readonly injects: readonly CellInjectView[] = $derived.by(() => (this.store.exercise ? [...visibleInjects(this.store.exercise, this.cell)].reverse() : []));
  /** Decision points this cell is asked to answer and that are still open. */
  readonly openDecisions: readonly CellInjectView[] = $derived.by(() =>
    this.injects.filter((i) => i.decision !== null && i.decision.status === 'open' && i.decision.cells.includes(this.cell)),
  );
  readonly tasks: readonly Task[] = $derived.by(() => this.store.scenario?.tasks.filter((t) => t.cells.includes(this.cell)) ?? []);
  /** Other player cells, to share an inject with. */
  readonly others: readonly Cell[] = $derived.by(() => this.store.scenario?.cells.filter((c) => c.role === 'player' && c.id !== this.cell) ?? []);
  /** The cell's seat: its first participant, or the cell itself when nobody sits there. */
  readonly actor: Actor = $derived.by(() => ({
    person: this.store.exercise?.setup?.participants.find((p) => p.cell === this.cell)?.id ?? `cell:${this.cell}`,
    cell: this.cell,
  }));

  constructor(store: ExerciseStore, cell: string) {
    this.store = store;
    this.cell = cell;
  }

  decisionsOf(exercise: ExerciseState): ExerciseState['decisionLog'] {
    return exercise.decisionLog.filter((d) => d.cell === this.cell).toReversed();
  }

  actionsOf(exercise: ExerciseState): ExerciseState['actions'] {
    return exercise.actions.filter((a) => a.cell === this.cell).toReversed();
  }

  send: Send = async (command) => {
    const result = await this.store.dispatch(command, this.actor);
    return result.ok ? null : result.error.message;
  };
}

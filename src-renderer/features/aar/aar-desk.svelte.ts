/**
 * The AAR editor's working state: which item is open for editing, and the commands that change the
 * draft. Every change goes to main as a command (the journal is the truth); the draft on screen is
 * the fold of what came back, never a local guess.
 */
import type { Actor, Command } from '@core/engine/index.ts';
import { phaseOf } from '@core/engine/index.ts';
import type { AarItem } from '@core/report/draft.ts';
import type { ExerciseStore } from '../../lib/exercise.svelte.ts';
import { controlCell } from '../cell/format.ts';
import { itemFromNote, newItemId, noteItemId, undraftedNotes, type Kind } from './draft-items.ts';

/** What the one open editor is editing: an existing item, or a new one of a kind. */
export type Editing =
  | { readonly mode: 'existing'; readonly id: string }
  | { readonly mode: 'new'; readonly id: string; readonly item: AarItem }
  | null;

export class AarDesk {
  readonly store: ExerciseStore;
  editing = $state<Editing>(null);

  constructor(store: ExerciseStore) {
    this.store = store;
  }

  readonly final: boolean = $derived.by(() => this.store.exercise?.aar.finalised != null);
  /** The draft can be changed: exercise started, report not final, record writable. */
  readonly editable: boolean = $derived.by(() => {
    const state = this.store.exercise;
    if (!state || this.store.status.state !== 'ok') return false;
    const phase = phaseOf(state);
    return (phase === 'conduct' || phase === 'ended') && state.aar.finalised === null;
  });

  /** The facilitator writes the report as exercise control. */
  actor = (): Actor => ({ person: 'facilitator', cell: this.store.scenario ? controlCell(this.store.scenario) : 'control' });

  async send(command: Command): Promise<string | null> {
    const result = await this.store.dispatch(command, this.actor());
    return result.ok ? null : result.error.message;
  }

  startNew(kind: Kind, item: AarItem): void {
    this.editing = { mode: 'new', id: newItemId(kind), item };
  }

  isEditing(id: string): boolean {
    return this.editing?.id === id;
  }

  /** Saves and closes the editor; the refusal's words otherwise, with the editor left open. */
  async save(id: string, item: AarItem): Promise<string | null> {
    const error = await this.send({ type: 'save-aar-item', id, item });
    if (error === null && this.editing?.id === id) this.editing = null;
    return error;
  }

  remove(id: string): Promise<string | null> {
    return this.send({ type: 'remove-aar-item', id });
  }

  /** One item per hot-wash note not yet drafted; stops at the first refusal and says why. */
  async draftFromHotwash(fallbackCapability: string): Promise<{ readonly added: number; readonly error: string | null }> {
    const state = this.store.exercise;
    if (!state) return { added: 0, error: null };
    let added = 0;
    for (const note of undraftedNotes(state)) {
      const error = await this.send({ type: 'save-aar-item', id: noteItemId(note), item: itemFromNote(note, fallbackCapability) });
      if (error !== null) return { added, error };
      added += 1;
    }
    return { added, error: null };
  }
}

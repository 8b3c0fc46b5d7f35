/**
 * Pure helpers of the AAR editor: the draft split by kind, blank items, fresh ids, and the hot-wash
 * notes that are not in the draft yet.
 */
import type { ExerciseState, HotwashPayload, Recorded } from '@core/engine/index.ts';
import type { AarDraft, AarDraftItem, AarItem } from '@core/report/draft.ts';

export type Kind = AarItem['kind'];
export type ItemOf<K extends Kind> = Extract<AarItem, { kind: K }>;
export interface DraftEntry<K extends Kind> extends AarDraftItem {
  readonly item: ItemOf<K>;
}

export function entriesOf<K extends Kind>(draft: AarDraft, kind: K): readonly DraftEntry<K>[] {
  return draft.items.filter((i): i is DraftEntry<K> => i.item.kind === kind);
}

/** Plan rows that answer an area for improvement. */
export function rowsAnswering(draft: AarDraft, improvementId: string): readonly DraftEntry<'plan'>[] {
  return entriesOf(draft, 'plan').filter((r) => r.item.improvement === improvementId);
}

const PREFIX: Readonly<Record<Kind, string>> = { strength: 's', improvement: 'i', plan: 'p' };

/** A short id nobody else will pick: kind letter and 40 random bits (the engine refuses a clash of kinds). */
export function newItemId(kind: Kind, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(5));
  return `${PREFIX[kind]}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function blankStrength(capability: string): ItemOf<'strength'> {
  return { kind: 'strength', capability, cell: null, text: '' };
}

export function blankImprovement(capability: string): ItemOf<'improvement'> {
  return { kind: 'improvement', capability, cell: null, text: '', reference: '', analysis: '' };
}

export function blankPlanRow(capability: string, answering: DraftEntry<'improvement'> | null = null): ItemOf<'plan'> {
  return {
    kind: 'plan',
    capability: answering?.item.capability ?? capability,
    improvement: answering?.id ?? null,
    issue: answering?.item.text ?? '',
    correctiveAction: '',
    element: 'planning',
    organisation: '',
    contact: '',
    start: '',
    completion: '',
    priority: 'medium',
    status: 'not-started',
  };
}

export type HotwashNote = Recorded & HotwashPayload;

/**
 * The id a hot-wash note's draft item gets: the note's seq, so drafting twice adds nothing twice.
 * (An item removed on purpose comes back if the facilitator drafts from the hot wash again.)
 */
export function noteItemId(note: HotwashNote): string {
  return `hw-${note.seq}`;
}

/** Notes in force (not retracted), in the order recorded, that have no draft item yet. */
export function undraftedNotes(state: ExerciseState): readonly HotwashNote[] {
  const drafted = new Set(state.aar.items.map((i) => i.id));
  return state.hotwash.filter((n) => state.corrections[String(n.seq)]?.kind !== 'retracted' && !drafted.has(noteItemId(n)));
}

/** The draft item of a hot-wash note; a note names a capability only optionally, the item must. */
export function itemFromNote(note: HotwashNote, fallbackCapability: string): ItemOf<'strength'> | ItemOf<'improvement'> {
  const capability = note.capability ?? fallbackCapability;
  return note.kind === 'strength'
    ? { kind: 'strength', capability, cell: note.cell, text: note.text }
    : { kind: 'improvement', capability, cell: note.cell, text: note.text, reference: '', analysis: '' };
}

/** A long text cut for a button's accessible name. */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

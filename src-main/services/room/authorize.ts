/**
 * What a seat may do (pure: no I/O, no clock). A player seat acts only as its own cell; an
 * evaluator seat only evaluates, as its own evaluator; observer and display seats only read. The
 * actor of a seat's command is decided here from the seat, never taken from the request, so a
 * seat cannot name another cell or person as the author of what it records.
 */
import type { Actor, Command, ExerciseState } from '../../core/engine/index.ts';
import { visibleTo } from '../../core/engine/guards.ts';
import type { SeatIdentity } from './seat.ts';

export type Authorization = { readonly ok: true; readonly actor: Actor } | { readonly ok: false; readonly message: string };

const PLAYER_COMMANDS: ReadonlySet<Command['type']> = new Set(['acknowledge-inject', 'share-inject', 'record-decision', 'log-action', 'add-hotwash-note', 'record-feedback']);
const EVALUATOR_COMMANDS: ReadonlySet<Command['type']> = new Set(['record-observation', 'rate-target']);

const refuse = (message: string): Authorization => ({ ok: false, message });

/** The cell a command claims to act for, when it names one. */
function claimedCell(command: Command): string | null {
  switch (command.type) {
    case 'acknowledge-inject':
    case 'record-decision':
    case 'log-action':
    case 'add-hotwash-note':
      return command.cell;
    case 'share-inject':
      return command.fromCell;
    default:
      return null;
  }
}

export function controlCellOf(state: ExerciseState): string {
  return state.scenario.cells.find((c) => c.role === 'control')?.id ?? 'control';
}

export function authorizeCommand(seat: SeatIdentity, command: Command, state: ExerciseState): Authorization {
  switch (seat.role) {
    case 'observer':
    case 'display':
      return refuse('This seat can only watch; it cannot record anything.');
    case 'evaluator': {
      if (!EVALUATOR_COMMANDS.has(command.type)) return refuse('An evaluator seat can record observations and ratings only.');
      const evaluator = (command as Extract<Command, { evaluator: string }>).evaluator;
      if (evaluator !== seat.evaluator) return refuse('An evaluator seat records only as its own evaluator.');
      return { ok: true, actor: { person: seat.evaluator, cell: controlCellOf(state) } };
    }
    case 'player': {
      const cell = seat.cell;
      if (cell === null) return refuse('This seat has no cell.');
      if (!PLAYER_COMMANDS.has(command.type)) return refuse('A player seat cannot send that command; only the facilitator can.');
      if (command.type === 'record-feedback') {
        const participant = state.setup?.participants.find((p) => p.id === command.participant);
        if (!participant || participant.cell !== cell) return refuse('A seat can give feedback only for a participant of its own cell.');
      } else if (claimedCell(command) !== cell) {
        return refuse(`This seat acts for cell "${cell}" only.`);
      }
      // A seat may answer, acknowledge or pass on only what it can see (need-to-know).
      if ((command.type === 'acknowledge-inject' || command.type === 'share-inject') && !visibleTo(state, command.inject, cell)) {
        return refuse('That inject is not one this seat can see.');
      }
      return { ok: true, actor: { person: state.setup?.participants.find((p) => p.cell === cell)?.id ?? `cell:${cell}`, cell } };
    }
  }
}

/**
 * What a joined seat is shown (the `seat:view` response): built on the facilitator's machine from
 * the authoritative state by services/room/seat-view.ts, field by field, for one seat.
 */
import type { CellInjectView, ClockState } from '../core/engine/index.ts';
import type { phaseOf } from '../core/engine/index.ts';
import type { Cell } from '../core/scenario/schema.ts';
import type { SEAT_ROLE_NAMES } from './names.ts';

export interface SeatIdentityView {
  readonly id: string;
  readonly exerciseId: string;
  readonly role: (typeof SEAT_ROLE_NAMES)[number];
  readonly cell: string | null;
  readonly evaluator: string | null;
  readonly label: string;
}

export interface SeatView {
  readonly exerciseId: string;
  readonly title: string;
  readonly marking: string;
  readonly seat: SeatIdentityView;
  readonly cell: { readonly id: string; readonly name: Cell['name'] } | null;
  /** Other player cells a player seat may share an inject with. */
  readonly shareWith: readonly { readonly id: string; readonly name: Cell['name'] }[];
  readonly head: { readonly seq: number; readonly hash: string };
  readonly phase: ReturnType<typeof phaseOf>;
  readonly clock: ClockState;
  readonly scenarioTime: number;
  /** In release order. */
  readonly injects: readonly CellInjectView[];
  readonly tasks: readonly { readonly id: string; readonly text: Cell['name'] }[];
  readonly decisions: readonly { readonly seq: number; readonly at: number; readonly choice: { readonly point: string; readonly option: string } | null; readonly text: string; readonly rationale: string }[];
  readonly actions: readonly { readonly seq: number; readonly at: number; readonly text: string; readonly tasks: readonly string[] }[];
}

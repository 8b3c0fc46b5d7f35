/**
 * Corrections: an event that retracts or amends an earlier one, with a reason.
 *
 * The original stays in the log, marked in `state.corrections`; every projection uses the corrected
 * view, in which a retracted event is ignored and an amended event carries its amended payload at
 * its original seq, wall time, scenario time and actor. The state is re-derived by folding the log
 * again with that view (see `project` in `evolve.ts`). Corrections are rare and logs are short
 * (hundreds to a few thousand events), so a full re-fold is cheap and cannot be subtly wrong the way
 * an incremental undo could.
 */
import type { CorrectableBody, CorrectionBody, EventMeta, ExerciseEvent } from './events.ts';
import { own, put, update } from './records.ts';
import type { CorrectionMark, ExerciseState } from './state.ts';

export type CorrectedView =
  | { readonly kind: 'retracted'; readonly bySeq: number; readonly reason: string }
  | { readonly kind: 'amended'; readonly bySeq: number; readonly reason: string; readonly payload: CorrectableBody };

/** Seq → how a later correction changed it; the latest correction of an event wins. */
export function correctedViews(events: readonly ExerciseEvent[]): ReadonlyMap<number, CorrectedView> {
  const views = new Map<number, CorrectedView>();
  for (const event of events) {
    if (event.type === 'event-retracted') {
      views.set(event.target, { kind: 'retracted', bySeq: event.seq, reason: event.reason });
    } else if (event.type === 'event-amended') {
      views.set(event.target, { kind: 'amended', bySeq: event.seq, reason: event.reason, payload: event.payload });
    }
  }
  return views;
}

export function findEvent(events: readonly ExerciseEvent[], seq: number): ExerciseEvent | undefined {
  // Seqs run 1, 2, 3… so the event is normally at seq − 1; search only if a log was cut oddly.
  const direct = events[seq - 1];
  return direct?.seq === seq ? direct : events.find((e) => e.seq === seq);
}

/**
 * Records the mark on the corrected event. A decision retracted after its point's due time
 * reopens the point without a deadline: the facilitator is about to record the right decision,
 * and letting the default fire in between would put a decision nobody made into the record.
 */
export function markCorrection(
  state: ExerciseState,
  correction: EventMeta & CorrectionBody,
  events: readonly ExerciseEvent[],
): ExerciseState {
  const kind = correction.type === 'event-retracted' ? 'retracted' : 'amended';
  const mark: CorrectionMark = { kind, bySeq: correction.seq, reason: correction.reason };
  const next: ExerciseState = { ...state, corrections: put(state.corrections, String(correction.target), mark) };
  const target = findEvent(events, correction.target);
  if (kind !== 'retracted' || target?.type !== 'decision-recorded' || target.choice === null) return next;
  const point = target.choice.point;
  if (own(next.decisions, point)?.kind !== 'open') return next;
  return {
    ...next,
    decisions: update(next.decisions, point, (d) =>
      d.kind === 'open' && d.dueAt <= correction.scenarioTime ? { ...d, expires: false } : d,
    ),
  };
}

/** The log as projections see it: each event with the payload in force and its correction mark. */
export interface CorrectedEntry {
  readonly event: ExerciseEvent;
  readonly view: CorrectedView | null;
}

export function correctedLog(state: ExerciseState): readonly CorrectedEntry[] {
  const views = correctedViews(state.log);
  return state.log.map((event) => ({ event, view: views.get(event.seq) ?? null }));
}

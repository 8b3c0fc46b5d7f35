/**
 * When things happened, read from the corrected state: StartEx, releases, decisions. Each comes
 * with the journal seq that recorded it, so a figure can point at its events.
 */
import { correctedLog } from '../engine/corrections.ts';
import { planOf } from '../engine/plan.ts';
import { own } from '../engine/records.ts';
import type { ExerciseState } from '../engine/state.ts';

export interface Happened {
  readonly at: number;
  readonly seq: number;
}

export function startedAt(state: ExerciseState): Happened | null {
  const started = state.log.find((e) => e.type === 'exercise-started');
  return started ? { at: started.scenarioTime, seq: started.seq } : null;
}

export function releasedAt(state: ExerciseState, inject: string): Happened | null {
  const status = own(state.injects, inject)?.status;
  return status?.kind === 'released' ? { at: status.at, seq: status.seq } : null;
}

/** A point counts as decided once a cell chose or its default was taken (as the engine's conditions read it). */
export function decidedAt(state: ExerciseState, point: string): Happened | null {
  const decision = own(state.decisions, point);
  return decision?.kind === 'decided' || decision?.kind === 'expired' ? { at: decision.at, seq: decision.seq } : null;
}

/** The scenario time the scores are taken at: EndEx once ended, else the latest event. */
export function referenceTime(state: ExerciseState): number {
  return state.clock.kind === 'ended' ? state.clock.scenarioTime : state.scenarioTime;
}

export function hasEnded(state: ExerciseState): boolean {
  return state.clock.kind === 'ended';
}

/**
 * Per critical task, the seqs of corrected events that claimed it (an action naming it, a decision
 * whose option completes it) and of the corrections themselves. The state already ignores a
 * retracted claim; the seqs let the explanation say that a completion was withdrawn.
 */
export function correctedClaims(state: ExerciseState): ReadonlyMap<string, readonly number[]> {
  const claims = new Map<string, number[]>();
  const note = (task: string, ...seqs: number[]) => claims.set(task, [...(claims.get(task) ?? []), ...seqs]);
  const points = planOf(state.scenario).points;
  for (const { event, view } of correctedLog(state)) {
    if (view === null) continue;
    if (event.type === 'action-logged') {
      for (const task of event.tasks) note(task, event.seq, view.bySeq);
    } else if (event.type === 'decision-recorded' && event.choice !== null) {
      const choice = event.choice;
      const option = points.get(choice.point)?.point.options.find((o) => o.id === choice.option);
      for (const task of option?.completes ?? []) note(task, event.seq, view.bySeq);
    }
  }
  return claims;
}

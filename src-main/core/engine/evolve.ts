/**
 * `evolve` folds one event into the state; `project` and `replay` fold a whole log.
 *
 * A correction event re-derives the state from the stored log with the corrected view (see
 * `corrections.ts`). Every other event applies incrementally. Both paths give the same state: a
 * correction only ever targets earlier events, so the events after the last correction apply the
 * same way in either.
 *
 * `evolve` never changes the state it is given (a caller may keep it: `decide` folds a working
 * copy on top of the session's state and may then refuse). `project` is a transient fold: its
 * intermediate states are never seen by anyone, so it grows its lists in place (see `transient`
 * in `records.ts`, and ADR 004 "Folding fast").
 */
import type { Scenario } from '../scenario/schema.ts';
import { advance, applyEvent } from './apply-event.ts';
import { correctedViews, markCorrection } from './corrections.ts';
import { isCorrection, type ExerciseEvent } from './events.ts';
import { append, transient } from './records.ts';
import { cloneState, initialState, type ExerciseState } from './state.ts';

export function evolve(state: ExerciseState, event: ExerciseEvent): ExerciseState {
  if (isCorrection(event)) return project(state.scenario, append(state.log, event));
  const next = cloneState(applyEvent(state, event, event));
  next.log = append(state.log, event);
  return next;
}

/** Folds a log, corrections applied: the state every projection reads. */
export function project(scenario: Scenario, events: readonly ExerciseEvent[]): ExerciseState {
  return transient(() => {
    const views = correctedViews(events);
    let state = initialState(scenario);
    for (const event of events) {
      if (isCorrection(event)) {
        state = markCorrection(applyEvent(state, event, event), event, events);
        continue;
      }
      const view = views.get(event.seq);
      if (view === undefined) state = applyEvent(state, event, event);
      else if (view.kind === 'amended') state = applyEvent(state, event, view.payload);
      else state = advance(state, event);
    }
    // A copy: the caller's array may keep growing, the state's log must not change under it.
    return { ...state, log: events.slice() };
  });
}

/** Replays a journal into the state the live run had (the same fold as `project`). */
export function replay(scenario: Scenario, events: readonly ExerciseEvent[]): ExerciseState {
  return project(scenario, events);
}

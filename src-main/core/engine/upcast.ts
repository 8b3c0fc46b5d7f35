/**
 * The hook for reading events written by older versions of Sitroom. Stored events are never
 * rewritten (the journal is hash-chained); when an event's shape changes, its `v` goes up and a
 * numbered step here lifts the old shape on read, each step with a test that loads an old log.
 *
 * Version 1 is the only version so far, so reading is the identity; the function exists so the
 * store already calls it and the first migration is an addition, not a change of every caller.
 */
import { EVENT_VERSION, type ExerciseEvent } from './events.ts';

export type StoredEvent = ExerciseEvent;

export function upcast(event: StoredEvent): ExerciseEvent {
  switch (event.v) {
    case EVENT_VERSION:
      return event;
    default: {
      const version: never = event.v;
      throw new Error(`Event #${String((event as { seq?: unknown }).seq)} has unknown version ${String(version)}.`);
    }
  }
}

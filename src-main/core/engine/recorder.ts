/**
 * Collects the events one `decide` call produces, folding each into a working state so later
 * checks see its consequences (a release opens a decision point; a decision unlocks an inject).
 *
 * Seq assignment: `decide` numbers its events state.lastSeq + 1, + 2, … The journal appends them
 * only if its head is still state.lastSeq (optimistic concurrency, as in Emmett); otherwise the
 * service re-runs `decide` on the fresh state. So an event is complete, hashable JSON the moment
 * it is decided, and a replay sees exactly the seqs the live run saw.
 */
import { toIso } from './clock.ts';
import type { DecideContext } from './commands.ts';
import { EVENT_VERSION, type Actor, type EventBody, type ExerciseEvent } from './events.ts';
import { evolve } from './evolve.ts';
import { scenarioTimeAt } from './queries.ts';
import type { ExerciseState } from './state.ts';

export interface Recorder {
  readonly state: ExerciseState;
  readonly events: readonly ExerciseEvent[];
  readonly ctx: DecideContext;
  /** The scenario time now: the clock's reading, never behind the latest event. */
  now(): number;
  emit(body: EventBody, options?: { readonly at?: number; readonly actor?: Actor }): void;
}

export function recorder(initial: ExerciseState, ctx: DecideContext): Recorder {
  let state = initial;
  const events: ExerciseEvent[] = [];
  const wallTime = toIso(ctx.now);
  return {
    get state() {
      return state;
    },
    events,
    ctx,
    now: () => scenarioTimeAt(state, ctx.now),
    emit(body, options) {
      const scenarioTime = Math.max(state.scenarioTime, options?.at ?? scenarioTimeAt(state, ctx.now));
      const event = {
        v: EVENT_VERSION,
        seq: state.lastSeq + 1,
        wallTime,
        scenarioTime,
        actor: options?.actor ?? ctx.actor,
        ...body,
      } as ExerciseEvent;
      events.push(event);
      state = evolve(state, event);
    },
  };
}

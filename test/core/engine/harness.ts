/**
 * Given / when / then for the exercise decider (after Emmett's deciderSpecification):
 *
 *   given(created, started, at(12, releaseInject('I-08')))
 *     .when(at(20, tick))
 *     .then({ type: 'inject-released', inject: 'I-01', scenarioTime: minutes(10) })
 *
 * `given` takes commands (each run through decide, so the history is one the engine could have
 * produced) or recorded events; `then` matches each produced event on the keys it names.
 */
import assert from 'node:assert/strict';
import {
  decide,
  evolve,
  initialState,
  type Actor,
  type Command,
  type EngineErrorCode,
  type ExerciseEvent,
  type ExerciseState,
} from '../../../src-main/core/engine/index.ts';
import type { Scenario } from '../../../src-main/core/scenario/schema.ts';
import { MINUTE_MS } from '../../../src-main/core/time.ts';
import { fixture } from './fixture.ts';

/** Wall time of StartEx in these tests. */
export const WALL0 = Date.UTC(2026, 4, 12, 0, 0, 0);
export const FACILITATOR: Actor = { person: 'p-fac', cell: 'ctrl' };
export const MSIT: Actor = { person: 'p-msit', cell: 'msit' };

export function minutes(n: number): number {
  return n * MINUTE_MS;
}

/** Wall time n minutes after StartEx. */
export function wall(n: number): number {
  return WALL0 + minutes(n);
}

export interface Step {
  readonly command: Command;
  readonly now: number;
  readonly actor: Actor;
}

/** A command sent `n` wall minutes after StartEx (by the facilitator unless an actor is given). */
export function at(n: number, command: Command, actor: Actor = FACILITATOR): Step {
  return { command, now: wall(n), actor };
}

export const createExercise: Extract<Command, { type: 'create-exercise' }> = {
  type: 'create-exercise',
  scenarioId: 'pangyo-lite',
  scenarioHash: 'sha256:fixture',
  title: 'Pangyo-lite tabletop',
  date: '2026-05-12',
  venue: 'Situation room 2',
  marking: 'EXERCISE // UNCLASSIFIED',
  language: 'en',
  participants: [
    { id: 'p-msit', name: 'Kim', cell: 'msit' },
    { id: 'p-nis', name: 'Lee', cell: 'nis' },
    { id: 'p-mnd', name: 'Park', cell: 'mnd' },
  ],
  evaluators: [
    { id: 'ev-1', name: 'Choi' },
    { id: 'ev-2', name: 'Jung' },
  ],
  clock: { mode: 'realtime' },
};

export const created: Step = at(-10, createExercise);
export const started: Step = at(0, { type: 'start-exercise' });
export const tick: Command = { type: 'tick' };

export class Session {
  state: ExerciseState;
  readonly events: ExerciseEvent[] = [];

  constructor(scenario: Scenario = fixture) {
    this.state = initialState(scenario);
  }

  /** Runs a command that must succeed, applies its events and returns them. */
  run(step: Step): readonly ExerciseEvent[] {
    const result = decide(step.command, this.state, { now: step.now, actor: step.actor });
    if (!result.ok) assert.fail(`${step.command.type} was refused: ${result.error.code}: ${result.error.message}`);
    this.apply(result.value);
    return result.value;
  }

  apply(events: readonly ExerciseEvent[]): void {
    for (const event of events) {
      this.state = evolve(this.state, event);
      this.events.push(event);
    }
  }

  /** Runs a command that must be refused with `code`; the state is left unchanged. */
  refuse(step: Step, code: EngineErrorCode): string {
    const result = decide(step.command, this.state, { now: step.now, actor: step.actor });
    if (result.ok) assert.fail(`${step.command.type} was accepted: ${JSON.stringify(result.value)}`);
    assert.equal(result.error.code, code, result.error.message);
    return result.error.message;
  }
}

type Expected = Partial<Record<string, unknown>> & { readonly type: ExerciseEvent['type'] };

function matches(actual: readonly ExerciseEvent[], expected: readonly Expected[]): void {
  assert.deepEqual(
    actual.map((e) => e.type),
    expected.map((e) => e.type),
    'event types in order',
  );
  expected.forEach((want, i) => {
    const got = actual[i] as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(want))
      assert.deepEqual(got[key], value, `event ${i} (${want.type}).${key}`);
  });
}

export function given(...history: readonly (Step | ExerciseEvent)[]) {
  const session = new Session();
  for (const item of history) {
    if ('seq' in item) session.apply([item]);
    else session.run(item);
  }
  return {
    session,
    when(step: Step) {
      const result = decide(step.command, session.state, { now: step.now, actor: step.actor });
      return {
        then(...expected: readonly Expected[]): ExerciseState {
          if (!result.ok) assert.fail(`${step.command.type} was refused: ${result.error.message}`);
          matches(result.value, expected);
          session.apply(result.value);
          return session.state;
        },
        thenRefused(code: EngineErrorCode): string {
          if (result.ok) assert.fail(`${step.command.type} was accepted: ${JSON.stringify(result.value)}`);
          assert.equal(result.error.code, code, result.error.message);
          return result.error.message;
        },
      };
    },
  };
}

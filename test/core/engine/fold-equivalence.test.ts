/**
 * The fast fold must be the same fold. For random command sequences on the fixture scenario (every
 * kind of event, refusals, corrections, clock changes):
 * - `replay` of the journal — a transient fold that grows its lists in place and skips settling
 *   when nothing settling reads changed — deep-equals the state built live with `evolve`, at every
 *   command boundary, not only at the end;
 * - `evolve` and a refused or accepted `decide` never change a state a caller still holds;
 * - the memos (`settle` skipping, `dueItems`) agree with the full computation on every state;
 * - the state `replay` returns is as immutable as any other: evolving on from it leaves it as it
 *   was, and a second replay does not disturb the first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  decide,
  evolve,
  initialState,
  isCorrectable,
  replay,
  type Actor,
  type Command,
  type CorrectableBody,
  type ExerciseEvent,
  type ExerciseState,
} from '../../../src-main/core/engine/index.ts';
import { computeDueItems, dueItems } from '../../../src-main/core/engine/schedule.ts';
import { settleFully } from '../../../src-main/core/engine/settle.ts';
import { isConducting } from '../../../src-main/core/engine/clock.ts';
import { MINUTE_MS } from '../../../src-main/core/time.ts';
import { Scenario } from '../../../src-main/core/scenario/schema.ts';
import { fixture, fixtureInput } from './fixture.ts';
import { FACILITATOR, WALL0, createExercise } from './harness.ts';

/**
 * The fixture, plus triggers and timers whose conditions change with nothing but the alert level
 * or a completed task: events that leave the injects as they were, so settling must not be skipped
 * on the injects alone.
 */
const richer: Scenario = Scenario.parse({
  ...fixtureInput,
  timers: [
    ...(fixtureInput.timers ?? []),
    {
      id: 'alert-1h',
      name: 'Escalation',
      basis: 'plan',
      source: 'Plan',
      start: { alert: { atLeast: 'alert' } },
      limit: '1h',
      satisfiedBy: ['task-alert'],
    },
    {
      id: 'assess-45m',
      name: 'After the assessment',
      basis: 'plan',
      source: 'Plan',
      start: { taskDone: 'task-assess' },
      limit: '45m',
      satisfiedBy: ['task-report'],
    },
  ],
  injects: [
    ...(fixtureInput.injects ?? []),
    {
      id: 'I-10',
      title: 'Escalated',
      module: 'M1',
      trigger: { when: { alert: { atLeast: 'caution' } }, delay: '5m' },
      type: 'event',
      channel: 'phone',
      from: 'ctrl',
      to: ['all'],
      body: 'Escalated.',
    },
    {
      id: 'I-11',
      title: 'Assessed',
      module: 'M1',
      trigger: { when: { taskDone: 'task-assess' } },
      type: 'event',
      channel: 'phone',
      from: 'ctrl',
      to: ['all'],
      body: 'Assessed.',
    },
  ],
});

const INJECTS = richer.injects.map((i) => i.id);
const PLAYERS = ['msit', 'nis', 'mnd'] as const;
const TASKS = fixture.tasks.map((t) => t.id);
const actorOf = (cell: string): Actor => ({ person: `p-${cell}`, cell });
const seat = fc.constantFrom(...PLAYERS);
const note = fc.string({ minLength: 1, maxLength: 6 }).map((s) => `n ${s}`);

/** A command, or one picked when it runs (an inject already released, an event to correct). */
type Pick = (state: ExerciseState) => Command | null;

interface Step {
  readonly gap: number;
  readonly command: Command | Pick;
  readonly actor: Actor;
}

/** The k-th (mod their number) of the items, or null if there are none. */
function nth<T>(items: readonly T[], k: number): T | null {
  return items.length === 0 ? null : (items[k % items.length] as T);
}

const released = (state: ExerciseState): string[] =>
  Object.keys(state.injects).filter((id) => state.injects[id]?.status.kind === 'released');

const correctableSeqs = (state: ExerciseState): number[] =>
  state.log.filter((e) => isCorrectable(e.type)).map((e) => e.seq);

const asFacilitator = (command: Command | Pick): Omit<Step, 'gap'> => ({ command, actor: FACILITATOR });

const correctable: fc.Arbitrary<CorrectableBody> = fc.oneof(
  fc.tuple(seat, note).map(([cell, text]): CorrectableBody => ({ type: 'action-logged', cell, text, tasks: [] })),
  note.map((text): CorrectableBody => ({ type: 'control-log-added', text })),
  fc.tuple(seat, note).map(([cell, text]): CorrectableBody => ({
    type: 'observation-recorded',
    evaluator: 'ev-1',
    text,
    cell,
    tasks: [],
  })),
  fc
    .tuple(seat, note)
    .map(([cell, text]): CorrectableBody => ({ type: 'decision-recorded', cell, choice: null, text, rationale: '' })),
);

const step: fc.Arbitrary<Omit<Step, 'gap'>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(asFacilitator({ type: 'tick' })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<Command>(
        { type: 'pause-clock' },
        { type: 'resume-clock' },
        { type: 'set-clock-pace', pace: { mode: 'compressed', speed: 10 } },
        { type: 'set-clock-pace', pace: { mode: 'realtime' } },
      )
      .map(asFacilitator),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...INJECTS).map((inject) => asFacilitator({ type: 'release-inject', inject })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...INJECTS)
      .chain((inject) =>
        fc.constantFrom<Command>(
          { type: 'hold-inject', inject, reason: 'hold' },
          { type: 'unhold-inject', inject },
          { type: 'skip-inject', inject, reason: 'skip' },
        ),
      )
      .map(asFacilitator),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), seat).map(([k, cell]) => ({
      command: (state: ExerciseState): Command | null => {
        const inject = nth(released(state), k);
        return inject === null ? null : { type: 'acknowledge-inject', inject, cell };
      },
      actor: actorOf(cell),
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), seat).map(([k, cell]) =>
      asFacilitator((state) => {
        const inject = nth(released(state), k);
        return inject === null ? null : { type: 'share-inject', inject, fromCell: 'ctrl', toCells: [cell] };
      }),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(seat, note, fc.subarray(TASKS, { maxLength: 1 })).map(([cell, text, tasks]): Omit<Step, 'gap'> => ({
      command: { type: 'log-action', cell, text, tasks },
      actor: actorOf(cell),
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(['D-alert', 'raise'], ['D-alert', 'hold'], ['D-notice', 'notify'], ['D-notice', 'silent']),
        note,
      )
      .map(([[point, option], text]): Omit<Step, 'gap'> => ({
        command: { type: 'record-decision', cell: 'msit', choice: { point, option }, text, rationale: 'r' },
        actor: actorOf('msit'),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<Command>(
        { type: 'set-alert-level', level: 'caution', reason: 'r' },
        { type: 'set-alert-level', level: 'alert', reason: 'r' },
        { type: 'set-alert-level', level: 'interest', reason: 'r' },
        { type: 'activate-hq', hq: 'hq-msit', reason: 'r' },
        { type: 'deactivate-hq', hq: 'hq-msit', reason: 'r' },
      )
      .map(asFacilitator),
  },
  {
    weight: 3,
    arbitrary: fc.oneof(
      note.map((text) => asFacilitator({ type: 'add-control-log', text })),
      fc
        .tuple(seat, note)
        .map(([cell, text]) => asFacilitator({ type: 'record-observation', evaluator: 'ev-1', text, cell, tasks: [] })),
      fc
        .constantFrom('tgt-report', 'tgt-notice')
        .map((target) => asFacilitator({ type: 'rate-target', evaluator: 'ev-2', target, rating: 'S', notes: '' })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.nat().map((k) =>
        asFacilitator((state) => {
          const target = nth(correctableSeqs(state), k);
          return target === null ? null : { type: 'retract-event', target, reason: 'wrong' };
        }),
      ),
      fc.tuple(fc.nat(), correctable).map(([k, payload]) =>
        asFacilitator((state) => {
          // An amendment must keep the event's type: aim at the k-th event of the payload's type.
          const seqs = state.log.filter((e) => e.type === payload.type).map((e) => e.seq);
          const target = nth(seqs, k);
          return target === null ? null : { type: 'amend-event', target, reason: 'typo', payload };
        }),
      ),
    ),
  },
);

const timed = (s: Omit<Step, 'gap'>) => fc.integer({ min: 0, max: 12 * MINUTE_MS }).map((gap): Step => ({ ...s, gap }));

/** Up to 45 commands, and sometimes EndEx last (so the fold of an ended exercise is covered too). */
const steps = fc
  .tuple(fc.array(step.chain(timed), { minLength: 5, maxLength: 45, size: 'max' }), fc.boolean())
  .map(([plan, end]): Step[] =>
    end ? [...plan, { gap: MINUTE_MS, command: { type: 'end-exercise' }, actor: FACILITATOR }] : plan,
  );

/**
 * The memos the fold relies on give what the full computation gives: a state in conduct is a fixed
 * point of settling without the memo (had the memo skipped a settle it should not have, settling
 * now would change something), and the memoized due items are the computed ones.
 */
function assertMemosAgree(state: ExerciseState): void {
  if (isConducting(state.clock)) assert.deepStrictEqual(settleFully(state, state.scenarioTime), state, 'not settled');
  assert.deepStrictEqual(dueItems(state), computeDueItems(state), 'memoized due items');
}

interface Run {
  /** Every event, in order. */
  readonly events: readonly ExerciseEvent[];
  /** The live state after each accepted command, with the number of events it has folded. */
  readonly checkpoints: readonly { readonly state: ExerciseState; readonly length: number }[];
  readonly state: ExerciseState;
}

/** Runs the steps live (decide, then evolve), checking that no held state ever changes. */
function play(
  scenario: Scenario,
  plan: readonly Step[],
  from: ExerciseState = initialState(scenario),
  start: readonly ExerciseEvent[] = [],
): Run {
  const events = [...start];
  const checkpoints: { state: ExerciseState; length: number }[] = [];
  let state = from;
  let now = WALL0;
  const run = (pick: Command | Pick, actor: Actor) => {
    const command = typeof pick === 'function' ? pick(state) : pick;
    if (command === null) return;
    const held = state;
    const before = structuredClone(held);
    const result = decide(command, held, { now, actor });
    assert.deepStrictEqual(held, before, `decide(${command.type}) changed the state it was given`);
    if (!result.ok) return;
    for (const event of result.value) {
      const previous = state;
      const snapshot = structuredClone(previous);
      state = evolve(previous, event);
      assert.deepStrictEqual(previous, snapshot, `evolve(${event.type}) changed the state it was given`);
      events.push(event);
    }
    checkpoints.push({ state, length: events.length });
    assertMemosAgree(state);
  };
  if (start.length === 0) {
    run(createExercise, FACILITATOR);
    run({ type: 'start-exercise' }, FACILITATOR);
  } else {
    now = Date.parse(start[start.length - 1]!.wallTime);
  }
  for (const { gap, command, actor } of plan) {
    now += gap;
    run(command, actor);
  }
  return { events, checkpoints, state };
}

for (const [name, scenario] of [
  ['the fixture', fixture],
  ['the fixture with alert and task triggers', richer],
] as const) {
  describe(`fold equivalence on ${name}`, () => {
    it('replay of the journal deep-equals the live state at every command boundary', () => {
      fc.assert(
        fc.property(steps, (plan) => {
          const { events, checkpoints, state } = play(scenario, plan);
          assert.deepStrictEqual(replay(scenario, events), state);
          for (const { state: live, length } of checkpoints) {
            const replayed = replay(scenario, events.slice(0, length));
            assert.deepStrictEqual(replayed, live, `after ${length} events`);
            assertMemosAgree(replayed);
          }
        }),
        { numRuns: 50 },
      );
    });

    it('a replayed state is never changed by evolving on from it or by another replay', () => {
      fc.assert(
        fc.property(steps, steps, (first, second) => {
          const opening = play(scenario, first);
          const replayed = replay(scenario, opening.events);
          const snapshot = structuredClone(replayed);
          // Go on live from the replayed state, as a session does after opening an exercise.
          const onwards = play(scenario, second, replayed, opening.events);
          replay(scenario, onwards.events);
          assert.deepStrictEqual(replayed, snapshot, 'the replayed state changed');
          assert.deepStrictEqual(replay(scenario, onwards.events), onwards.state);
        }),
        { numRuns: 30 },
      );
    });
  });
}

it('replay does not touch the events it is given and its log is a copy', () => {
  const { events } = play(fixture, [
    { gap: 15 * MINUTE_MS, command: { type: 'tick' }, actor: FACILITATOR },
    { gap: MINUTE_MS, command: { type: 'log-action', cell: 'msit', text: 'a', tasks: [] }, actor: actorOf('msit') },
    { gap: MINUTE_MS, command: { type: 'add-control-log', text: 'c' }, actor: FACILITATOR },
  ]);
  const copy = structuredClone(events);
  const state = replay(fixture, events);
  assert.deepStrictEqual(events, copy);
  assert.notEqual(state.log, events);
  assert.ok(state.actions.length === 1 && state.controlLog.length === 1);
});

/**
 * Property tests of the clock and the schedule: whatever the facilitator does with pause, resume,
 * pace, steps and "release now", and however late the ticker runs, scenario time never goes
 * backwards, every scheduled inject is released at exactly its computed scenario time, and a
 * replay of the journal gives the live state.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  decide,
  dueItems,
  isCorrectable,
  nextDueTime,
  replay,
  scenarioTimeAt,
  type Command,
  type ExerciseEvent,
} from '../../../src-main/core/engine/index.ts';
import { parseScenarioTime, MINUTE_MS } from '../../../src-main/core/time.ts';
import { fixture } from './fixture.ts';
import { FACILITATOR, MSIT, Session, WALL0, createExercise } from './harness.ts';

const INJECT_IDS = fixture.injects.map((i) => i.id);

const clockCommand: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Command>({ type: 'tick' }) },
  { weight: 2, arbitrary: fc.constant<Command>({ type: 'pause-clock' }) },
  { weight: 2, arbitrary: fc.constant<Command>({ type: 'resume-clock' }) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constant<Command>({ type: 'set-clock-pace', pace: { mode: 'realtime' } }),
      fc
        .integer({ min: 2, max: 30 })
        .map<Command>((speed) => ({ type: 'set-clock-pace', pace: { mode: 'compressed', speed } })),
      fc.constant<Command>({ type: 'set-clock-pace', pace: { mode: 'stepped' } }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...INJECT_IDS).map<Command>((inject) => ({ type: 'release-inject', inject })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 45 * MINUTE_MS }).map<Command>((by) => ({ type: 'step-clock', by })),
  },
);

/** Wall-time gaps between commands: mostly forward (ms to many minutes), sometimes backwards. */
const gap = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 20 * MINUTE_MS }) },
  { weight: 1, arbitrary: fc.integer({ min: -2 * MINUTE_MS, max: 0 }) },
);

const steps = fc.array(fc.record({ gap, command: clockCommand }), { maxLength: 40 });

interface Run {
  readonly session: Session;
  readonly now: number;
}

/** Runs each command at its wall time; refused commands (pause while paused…) change nothing. */
function play(
  plan: readonly { gap: number; command: Command }[],
  check: (session: Session, now: number, events: readonly ExerciseEvent[]) => void = () => {},
): Run {
  const session = new Session();
  session.run({ command: createExercise, now: WALL0 - 1000, actor: FACILITATOR });
  session.run({ command: { type: 'start-exercise' }, now: WALL0, actor: FACILITATOR });
  let now = WALL0;
  for (const { gap: dt, command } of plan) {
    now = Math.max(0, now + dt);
    const result = decide(command, session.state, { now, actor: FACILITATOR });
    if (!result.ok) continue;
    session.apply(result.value);
    check(session, now, result.value);
  }
  return { session, now };
}

/** Lets the clock run to the end of the scenario from wherever the plan left it. */
function finish({ session, now }: Run): Run {
  const at = now + MINUTE_MS;
  if (session.state.clock.kind === 'paused')
    session.run({ command: { type: 'resume-clock' }, now: at, actor: FACILITATOR });
  if (
    session.state.clock.kind === 'stepped' ||
    (session.state.clock.kind === 'running' && session.state.clock.speed !== 1)
  ) {
    session.run({ command: { type: 'set-clock-pace', pace: { mode: 'realtime' } }, now: at, actor: FACILITATOR });
  }
  const end = at + 10 * 60 * MINUTE_MS;
  session.run({ command: { type: 'tick' }, now: end, actor: FACILITATOR });
  return { session, now: end };
}

function releases(events: readonly ExerciseEvent[]): Map<string, Extract<ExerciseEvent, { type: 'inject-released' }>> {
  const out = new Map<string, Extract<ExerciseEvent, { type: 'inject-released' }>>();
  for (const e of events) if (e.type === 'inject-released') out.set(e.inject, e);
  return out;
}

/**
 * The release time the MSEL calls for, computed from the scenario text and the actual release times
 * of predecessors. I-04's `when` (I-02 released and misinformation ≥ 30) first holds when I-02 is
 * released: nothing else moves misinformation in these runs.
 */
function expectedTime(id: string, released: ReadonlyMap<string, { scenarioTime: number }>): number | undefined {
  const inject = fixture.injects.find((i) => i.id === id);
  assert.ok(inject);
  if (id === 'I-04') {
    const i02 = released.get('I-02');
    return i02 && i02.scenarioTime + 10 * MINUTE_MS;
  }
  if (inject.trigger?.after) {
    const before = released.get(inject.trigger.after);
    return before && before.scenarioTime + 15 * MINUTE_MS;
  }
  return inject.at === undefined ? undefined : parseScenarioTime(inject.at);
}

describe('clock and schedule properties', () => {
  it('scenario time never goes backwards in the record, whatever the wall clock does', () => {
    fc.assert(
      fc.property(steps, (plan) => {
        const { session } = finish(play(plan));
        const times = session.events.map((e) => e.scenarioTime);
        times.forEach((t, i) => assert.ok(i === 0 || t >= (times[i - 1] ?? 0), `event #${i + 1} went back`));
        assert.deepEqual(
          session.events.map((e) => e.seq),
          session.events.map((_, i) => i + 1),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('releases every scheduled inject at exactly its computed scenario time, never early, never late', () => {
    fc.assert(
      fc.property(steps, (plan) => {
        const run = play(plan, (session, now, events) => {
          const reading = scenarioTimeAt(session.state, now);
          for (const e of events)
            assert.ok(e.scenarioTime <= reading, `${e.type} at ${e.scenarioTime} is after the clock (${reading})`);
          const next = dueItems(session.state)[0];
          if (session.state.clock.kind !== 'ended')
            assert.ok(next === undefined || next.due > reading, `${JSON.stringify(next)} left behind at ${reading}`);
        });
        const { session } = finish(run);
        const released = releases(session.events);
        for (const [id, event] of released) {
          if (event.manual) continue;
          assert.equal(event.scenarioTime, expectedTime(id, released), `${id} released at the wrong time`);
        }
        for (const inject of fixture.injects) {
          const scheduled = !inject.locked && !inject.contingency;
          if (scheduled) assert.ok(released.has(inject.id), `${inject.id} never released`);
        }
        assert.equal(released.has('I-05'), false, 'locked and never unlocked');
      }),
      { numRuns: 200 },
    );
  });

  it('moves the next due wall time later by exactly the length of a pause, at any speed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 10 * MINUTE_MS - 1 }),
        fc.integer({ min: 1, max: 48 * 60 * MINUTE_MS }),
        (speed, pauseAfter, pauseFor) => {
          const session = new Session();
          session.run({
            command: { ...createExercise, clock: speed === 1 ? { mode: 'realtime' } : { mode: 'compressed', speed } },
            now: WALL0 - 1,
            actor: FACILITATOR,
          });
          session.run({ command: { type: 'start-exercise' }, now: WALL0, actor: FACILITATOR });
          const before = nextDueTime(session.state);
          assert.equal(before, WALL0 + Math.ceil((10 * MINUTE_MS) / speed));
          const pauseAt = WALL0 + Math.floor(pauseAfter / speed);
          session.run({ command: { type: 'pause-clock' }, now: pauseAt, actor: FACILITATOR });
          session.run({ command: { type: 'resume-clock' }, now: pauseAt + pauseFor, actor: FACILITATOR });
          assert.equal(nextDueTime(session.state), (before ?? 0) + pauseFor);
        },
      ),
      { numRuns: 300 },
    );
  });
});

type PlayerStep =
  | { readonly kind: 'command'; readonly command: Command }
  /** Correct the pick-th correctable event in the log so far (if any). */
  | { readonly kind: 'retract'; readonly pick: number }
  | { readonly kind: 'amend'; readonly pick: number; readonly option: string; readonly cell: string };

const OPTIONS = ['raise', 'hold', 'notify', 'silent'] as const;
const pointOf = (option: string) => (option === 'raise' || option === 'hold' ? 'D-alert' : 'D-notice');

const playerStep: fc.Arbitrary<PlayerStep> = fc.oneof(
  fc
    .record({ option: fc.constantFrom(...OPTIONS), cell: fc.constantFrom('msit', 'nis') })
    .map<PlayerStep>(({ option, cell }) => ({
      kind: 'command',
      command: { type: 'record-decision', cell, choice: { point: pointOf(option), option }, text: '', rationale: 'r' },
    })),
  fc.subarray(['task-report', 'task-notice', 'task-alert', 'task-assess']).map<PlayerStep>((tasks) => ({
    kind: 'command',
    command: { type: 'log-action', cell: 'msit', text: 'Did it', tasks },
  })),
  fc.constantFrom('interest', 'caution', 'alert', 'serious', 'none').map<PlayerStep>((level) => ({
    kind: 'command',
    command: { type: 'set-alert-level', level, reason: '' },
  })),
  fc.constantFrom('I-01', 'I-03', 'I-04').map<PlayerStep>((inject) => ({
    kind: 'command',
    command: { type: 'acknowledge-inject', inject, cell: 'msit' },
  })),
  fc.nat().map<PlayerStep>((pick) => ({ kind: 'retract', pick })),
  fc
    .record({ pick: fc.nat(), option: fc.constantFrom(...OPTIONS), cell: fc.constantFrom('msit', 'nis') })
    .map<PlayerStep>((amend) => ({ kind: 'amend', ...amend })),
);

function resolve(step: PlayerStep, events: readonly ExerciseEvent[]): Command | null {
  if (step.kind === 'command') return step.command;
  const correctable = events.filter((e) => isCorrectable(e.type));
  const target = correctable[step.pick % Math.max(1, correctable.length)];
  if (!target) return null;
  if (step.kind === 'retract') return { type: 'retract-event', target: target.seq, reason: 'Mistake' };
  // Amend decisions with another option; anything else with its own payload and a new reason.
  if (target.type === 'decision-recorded' && target.choice) {
    const option = OPTIONS.filter((o) => pointOf(o) === target.choice?.point)[step.pick % 2] ?? 'hold';
    return {
      type: 'amend-event',
      target: target.seq,
      reason: 'Wrong option or cell',
      payload: {
        type: 'decision-recorded',
        cell: step.cell,
        choice: { point: target.choice.point, option },
        text: '',
        rationale: 'r',
      },
    };
  }
  const meta = new Set(['v', 'seq', 'wallTime', 'scenarioTime', 'actor']);
  const body = Object.fromEntries(Object.entries(target).filter(([key]) => !meta.has(key)));
  return { type: 'amend-event', target: target.seq, reason: 'Same again', payload: body as never };
}

describe('replay', () => {
  it('replaying the journal gives the live state, corrections included', () => {
    const mixed = fc.array(
      fc.record({
        gap,
        step: fc.oneof(
          { weight: 1, arbitrary: clockCommand.map<PlayerStep>((command) => ({ kind: 'command', command })) },
          { weight: 3, arbitrary: playerStep },
        ),
      }),
      { maxLength: 50 },
    );
    let corrections = 0;
    fc.assert(
      fc.property(mixed, (plan) => {
        const session = new Session();
        session.run({ command: createExercise, now: WALL0 - 1000, actor: FACILITATOR });
        session.run({ command: { type: 'start-exercise' }, now: WALL0, actor: FACILITATOR });
        let now = WALL0;
        for (const { gap: dt, step } of plan) {
          now = Math.max(0, now + dt);
          const command = resolve(step, session.events);
          if (command === null) continue;
          const result = decide(command, session.state, {
            now,
            actor: command.type === 'record-decision' ? MSIT : FACILITATOR,
          });
          if (result.ok) session.apply(result.value);
        }
        corrections += session.events.filter((e) => e.type === 'event-retracted' || e.type === 'event-amended').length;
        const times = session.events.map((e) => e.scenarioTime);
        times.forEach((t, i) => assert.ok(i === 0 || t >= (times[i - 1] ?? 0)));
        assert.deepStrictEqual(replay(fixture, session.events), session.state);
        const roundTripped = JSON.parse(JSON.stringify(session.events)) as ExerciseEvent[];
        assert.deepStrictEqual(roundTripped, session.events, 'events are plain JSON');
      }),
      { numRuns: 150 },
    );
    assert.ok(corrections > 20, `the runs exercised only ${corrections} corrections`);
  });
});

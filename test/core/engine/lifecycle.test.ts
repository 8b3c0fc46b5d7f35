import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextDueTime, scenarioTimeAt, wallTimeWhen } from '../../../src-main/core/engine/index.ts';
import {
  FACILITATOR,
  MSIT,
  at,
  createExercise,
  created,
  given,
  minutes,
  started,
  tick,
  wall,
  Session,
} from './harness.ts';

describe('creating and starting an exercise', () => {
  it('records the setup, then StartEx starts the clock at T+00:00', () => {
    const state = given(created)
      .when(started)
      .then({
        type: 'exercise-started',
        scenarioTime: 0,
        wallTime: new Date(wall(0)).toISOString(),
        actor: FACILITATOR,
      });
    assert.equal(state.setup?.title, 'Pangyo-lite tabletop');
    assert.deepEqual(state.clock, { kind: 'running', anchorWall: wall(0), anchorScenario: 0, speed: 1 });
  });

  it('refuses a second creation, a stranger scenario, unknown cells and duplicate people', () => {
    given(created).when(at(0, createExercise)).thenRefused('already-created');
    given()
      .when(at(0, { ...createExercise, scenarioId: 'other' }))
      .thenRefused('scenario-mismatch');
    given()
      .when(at(0, { ...createExercise, participants: [{ id: 'x', name: 'X', cell: 'nowhere' }] }))
      .thenRefused('unknown-cell');
    given()
      .when(at(0, { ...createExercise, evaluators: [{ id: 'p-msit', name: 'Twin' }] }))
      .thenRefused('duplicate-id');
    given()
      .when(at(0, { ...createExercise, date: '12/05/2026' }))
      .thenRefused('invalid-command');
    given()
      .when(at(0, { ...createExercise, clock: { mode: 'compressed', speed: 1.5 } }))
      .thenRefused('invalid-command');
  });

  it('refuses play before StartEx and after EndEx, with a message that says what to do', () => {
    const message = given(created)
      .when(at(0, { type: 'release-inject', inject: 'I-01' }))
      .thenRefused('not-started');
    assert.match(message, /StartEx/);
    given().when(started).thenRefused('not-created');
    given(created, started, at(5, { type: 'end-exercise' }))
      .when(at(6, { type: 'release-inject', inject: 'I-01' }))
      .thenRefused('ended');
  });

  it('releases what fell due before EndEx, then ends; nothing is released afterwards', () => {
    const { session } = given(created, started);
    session.run(at(12, { type: 'end-exercise' }));
    assert.deepEqual(session.events.map((e) => e.type).slice(-2), ['inject-released', 'exercise-ended']);
    assert.deepEqual(session.run(at(300, tick)), []);
    assert.equal(nextDueTime(session.state), null);
  });
});

describe('pause and resume', () => {
  it('stops scenario time while paused and moves every pending due time later by exactly the pause', () => {
    const { session } = given(created, started);
    assert.equal(nextDueTime(session.state), wall(10));
    session.run(at(4, { type: 'pause-clock' }));
    assert.equal(scenarioTimeAt(session.state, wall(50)), minutes(4));
    assert.equal(nextDueTime(session.state), null, 'nothing wakes the ticker while paused');
    session.run(at(4 + 37, { type: 'resume-clock' }));
    assert.equal(nextDueTime(session.state), wall(10 + 37));
    assert.deepEqual(session.run(at(10 + 36, tick)), [], 'not early');
    const released = session.run(at(10 + 37, tick));
    assert.deepEqual(
      released.map((e) => [e.type, e.scenarioTime]),
      [['inject-released', minutes(10)]],
    );
  });

  it('moves decision and timer deadlines later in wall time by exactly the pause, too', () => {
    const { session } = given(created, started, at(41, tick));
    const wallOf = (scenarioTime: number) => wallTimeWhen(session.state.clock, scenarioTime);
    // D-alert is due T+01:00 and notice-2h's deadline is T+02:10; at ×1 from StartEx that is wall +60 / +130.
    assert.equal(wallOf(minutes(60)), wall(60));
    session.run(at(45, { type: 'pause-clock' }));
    session.run(at(45 + 23, { type: 'resume-clock' }));
    assert.equal(wallOf(minutes(60)), wall(60 + 23));
    assert.equal(wallOf(minutes(130)), wall(130 + 23));
    const expired = session.run(at(60 + 23, tick));
    assert.deepEqual(
      expired.map((e) => [e.type, e.scenarioTime]),
      [['decision-expired', minutes(60)]],
    );
  });

  it('refuses to pause twice or resume a running clock', () => {
    given(created, started, at(1, { type: 'pause-clock' }))
      .when(at(2, { type: 'pause-clock' }))
      .thenRefused('already-paused');
    given(created, started)
      .when(at(2, { type: 'resume-clock' }))
      .thenRefused('not-paused');
  });

  it('releases an inject "now" while paused, at the paused scenario time', () => {
    given(created, started, at(3, { type: 'pause-clock' }))
      .when(at(20, { type: 'release-inject', inject: 'I-03' }))
      .then({ type: 'inject-released', inject: 'I-03', manual: true, scenarioTime: minutes(3), actor: FACILITATOR });
  });
});

describe('clock pace', () => {
  it('re-anchors a speed change at the moment it happens', () => {
    const state = given(created, started)
      .when(at(2, { type: 'set-clock-pace', pace: { mode: 'compressed', speed: 4 } }))
      .then({ type: 'clock-pace-changed', scenarioTime: minutes(2) });
    // 2 scenario minutes at ×1, then ×4: 8 more wall minutes reach T+00:34.
    assert.equal(scenarioTimeAt(state, wall(10)), minutes(34));
    assert.equal(wallTimeWhen(state.clock, minutes(10)), wall(4));
  });

  it('keeps a pace chosen while paused for the resume', () => {
    const { session } = given(created, started, at(1, { type: 'pause-clock' }));
    session.run(at(2, { type: 'set-clock-pace', pace: { mode: 'compressed', speed: 10 } }));
    assert.equal(session.state.clock.kind, 'paused');
    session.run(at(5, { type: 'resume-clock' }));
    assert.equal(scenarioTimeAt(session.state, wall(6)), minutes(1 + 10));
  });

  it('in stepped mode advances only by explicit steps, releasing what becomes due on the way', () => {
    const { session } = given(created, started, at(0, { type: 'set-clock-pace', pace: { mode: 'stepped' } }));
    assert.deepEqual(session.run(at(60, tick)), [], 'wall time does not move a stepped clock');
    const events = session.run(at(61, { type: 'step-clock', by: minutes(30) }));
    assert.deepEqual(
      events.map((e) => [e.type, e.scenarioTime]),
      [
        ['inject-released', minutes(10)],
        ['inject-released', minutes(25)],
        ['clock-stepped', minutes(30)],
      ],
    );
    assert.equal(scenarioTimeAt(session.state, wall(500)), minutes(30));
    assert.equal(nextDueTime(session.state), null);
  });

  it('refuses a step unless the clock is stepped, and a non-positive step', () => {
    given(created, started)
      .when(at(1, { type: 'step-clock', by: minutes(5) }))
      .thenRefused('not-stepped');
    given(created, started, at(0, { type: 'set-clock-pace', pace: { mode: 'stepped' } }))
      .when(at(1, { type: 'step-clock', by: 0 }))
      .thenRefused('invalid-command');
  });

  it('holds scenario time still when the wall clock is set back', () => {
    const { session } = given(created, started);
    session.run(at(9, { type: 'log-action', cell: 'msit', text: 'Called the operator', tasks: [] }, MSIT));
    assert.equal(scenarioTimeAt(session.state, wall(3)), minutes(9), 'never behind the latest event');
    const back = session.run(at(2, { type: 'log-action', cell: 'msit', text: 'Again', tasks: [] }, MSIT));
    assert.equal(back[0]?.scenarioTime, minutes(9));
  });

  it('refuses a command with no valid wall time', () => {
    const s = new Session();
    s.refuse({ command: createExercise, now: Number.NaN, actor: FACILITATOR }, 'invalid-context');
    s.refuse({ command: createExercise, now: 0, actor: { person: '', cell: 'ctrl' } }, 'invalid-context');
  });
});

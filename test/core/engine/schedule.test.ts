import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGINE_ACTOR, mselBoard, nextDue } from '../../../src-main/core/engine/index.ts';
import { MSIT, at, created, given, minutes, started, tick } from './harness.ts';

const raise = {
  type: 'record-decision',
  cell: 'msit',
  choice: { point: 'D-alert', option: 'raise' },
  text: '',
  rationale: 'Early alert',
} as const;
const notify = {
  type: 'record-decision',
  cell: 'msit',
  choice: { point: 'D-notice', option: 'notify' },
  text: '',
  rationale: 'Statute',
} as const;

describe('scheduled and triggered injects', () => {
  it('releases an inject at its scheduled time, by the engine, even when the tick comes late', () => {
    given(created, started)
      .when(at(12, tick))
      .then({ type: 'inject-released', inject: 'I-01', manual: false, scenarioTime: minutes(10), actor: ENGINE_ACTOR });
  });

  it('releases an `after` inject at the predecessor release plus the delay, also when released early by hand', () => {
    const { session } = given(created, started, at(2, { type: 'release-inject', inject: 'I-01' }));
    assert.deepEqual(nextDue(session.state)?.due, minutes(2 + 15));
    given(created, started, at(2, { type: 'release-inject', inject: 'I-01' }))
      .when(at(17, tick))
      .then({ type: 'inject-released', inject: 'I-02', scenarioTime: minutes(17) });
  });

  it('releases a `when` inject at the first time its condition held plus the delay', () => {
    const state = given(created, started, at(25, tick)).session.state;
    assert.equal(state.injects['I-04']?.conditionHeldAt, minutes(25));
    given(created, started, at(25, tick))
      .when(at(36, tick))
      .then({ type: 'inject-released', inject: 'I-04', scenarioTime: minutes(35) });
  });

  it('releases in due order within one tick, deadlines before releases at the same instant', () => {
    given(created, started)
      .when(at(41, tick))
      .then(
        { type: 'inject-released', inject: 'I-01', scenarioTime: minutes(10) },
        { type: 'inject-released', inject: 'I-02', scenarioTime: minutes(25) },
        { type: 'inject-released', inject: 'I-04', scenarioTime: minutes(35) },
        { type: 'timer-missed', timer: 'report-30m', scenarioTime: minutes(40) },
        { type: 'inject-released', inject: 'I-03', scenarioTime: minutes(40) },
      );
  });

  it('catches up before a command, so the record stays in scenario-time order', () => {
    given(created, started)
      .when(at(11, { type: 'log-action', cell: 'msit', text: 'Reported to MSIT', tasks: ['task-report'] }, MSIT))
      .then(
        { type: 'inject-released', inject: 'I-01', scenarioTime: minutes(10) },
        { type: 'action-logged', scenarioTime: minutes(11), actor: MSIT },
      );
  });
});

describe('locked, cancelled and contingency injects', () => {
  it('keeps a locked inject back until an option unlocks it, then releases it at max(at, unlock)', () => {
    const { session } = given(created, started, at(41, tick));
    assert.equal(session.state.injects['I-05']?.locked, true);
    session.run(at(45, raise, MSIT));
    assert.equal(session.state.injects['I-05']?.unlockedAt, minutes(45));
    assert.deepEqual(session.run(at(59, tick)), []);
    const events = session.run(at(61, tick));
    assert.deepEqual(
      events.map((e) => [e.type, 'inject' in e ? e.inject : null, e.scenarioTime]),
      [['inject-released', 'I-05', minutes(60)]],
    );
  });

  it('releases an unlocked inject at once when its time has already passed', () => {
    // I-03 held, then released by hand at T+00:50: D-alert is due T+01:10, after I-05's T+01:00.
    given(
      created,
      started,
      at(1, { type: 'hold-inject', inject: 'I-03', reason: 'Later' }),
      at(50, { type: 'release-inject', inject: 'I-03' }),
      at(64, tick),
    )
      .when(at(66, raise, MSIT))
      .then(
        { type: 'decision-expired', point: 'D-notice', scenarioTime: minutes(65) },
        { type: 'decision-recorded', scenarioTime: minutes(66) },
        { type: 'inject-released', inject: 'I-05', manual: false, scenarioTime: minutes(66) },
      );
  });

  it('refuses to release a locked inject by hand', () => {
    given(created, started)
      .when(at(1, { type: 'release-inject', inject: 'I-05' }))
      .thenRefused('inject-locked');
  });

  it('never releases an inject that a chosen option cancelled, not even by hand', () => {
    const { session } = given(created, started, at(36, tick));
    session.run(at(37, notify, MSIT));
    assert.equal(session.state.injects['I-07']?.status.kind, 'cancelled');
    session.run(at(240, tick));
    assert.equal(session.events.filter((e) => e.type === 'inject-released' && e.inject === 'I-07').length, 0);
    session.refuse(at(241, { type: 'release-inject', inject: 'I-07' }), 'inject-cancelled');
  });

  it('releases a contingency inject only by hand', () => {
    const { session } = given(created, started, at(240, tick));
    assert.equal(session.state.injects['I-08']?.status.kind, 'pending');
    assert.equal(mselBoard(session.state).find((r) => r.id === 'I-08')?.dueAt, null);
    session.run(at(241, { type: 'release-inject', inject: 'I-08' }));
    assert.equal(session.state.injects['I-08']?.status.kind, 'released');
  });
});

describe('hold, un-hold and skip', () => {
  it('keeps a held inject back past its time and releases it at the un-hold when overdue', () => {
    const { session } = given(
      created,
      started,
      at(5, { type: 'hold-inject', inject: 'I-01', reason: 'Room still briefing' }),
    );
    assert.deepEqual(session.run(at(20, tick)), []);
    const events = session.run(at(22, { type: 'unhold-inject', inject: 'I-01' }));
    assert.deepEqual(
      events.map((e) => [e.type, e.scenarioTime]),
      [
        ['inject-unheld', minutes(22)],
        ['inject-released', minutes(22)],
      ],
    );
  });

  it('releases a held inject at its own time when un-held before it', () => {
    given(
      created,
      started,
      at(5, { type: 'hold-inject', inject: 'I-01', reason: '' }),
      at(6, { type: 'unhold-inject', inject: 'I-01' }),
    )
      .when(at(10, tick))
      .then({ type: 'inject-released', inject: 'I-01', scenarioTime: minutes(10) });
  });

  it('releases a held inject by hand ("release now" overrides the hold)', () => {
    given(created, started, at(5, { type: 'hold-inject', inject: 'I-01', reason: '' }))
      .when(at(6, { type: 'release-inject', inject: 'I-01' }))
      .then({ type: 'inject-released', inject: 'I-01', manual: true });
  });

  it('takes a skipped inject off the schedule, and its followers wait for it', () => {
    const { session } = given(created, started, at(5, { type: 'skip-inject', inject: 'I-01', reason: 'Running late' }));
    session.run(at(30, tick));
    assert.equal(session.state.injects['I-01']?.status.kind, 'skipped');
    assert.equal(session.state.injects['I-02']?.status.kind, 'pending');
    session.refuse(at(31, { type: 'hold-inject', inject: 'I-01', reason: '' }), 'inject-not-pending');
  });

  it('refuses to hold a released inject or un-hold one that is not held', () => {
    given(created, started, at(11, tick))
      .when(at(12, { type: 'hold-inject', inject: 'I-01', reason: '' }))
      .thenRefused('inject-not-pending');
    given(created, started)
      .when(at(1, { type: 'unhold-inject', inject: 'I-01' }))
      .thenRefused('inject-not-held');
    given(created, started)
      .when(at(1, { type: 'release-inject', inject: 'constructor' }))
      .thenRefused('unknown-inject');
  });
});

describe('ad-hoc injects', () => {
  const adhoc = {
    type: 'release-adhoc-inject',
    inject: {
      id: 'X-1',
      title: 'Caller from the press',
      body: 'A reporter asks for comment.',
      channel: 'phone',
      from: 'press',
      to: ['msit'],
      visibility: 'addressed',
      marking: null,
      effects: { services: [], metrics: [{ id: 'misinfo', delta: 5 }] },
    },
  } as const;

  it('lets the control cell write and release an inject during play', () => {
    const state = given(created, started)
      .when(at(3, adhoc))
      .then({ type: 'adhoc-inject-released', scenarioTime: minutes(3) });
    assert.equal(state.injects['X-1']?.status.kind, 'released');
    assert.equal(state.metrics['misinfo']?.value, 15);
  });

  it('refuses an ad-hoc inject from a player cell, a duplicate id or an unknown sender', () => {
    given(created, started)
      .when(at(3, adhoc, MSIT))
      .thenRefused('not-control');
    given(created, started)
      .when(at(3, { ...adhoc, inject: { ...adhoc.inject, id: 'I-01' } }))
      .thenRefused('duplicate-id');
    given(created, started)
      .when(at(3, { ...adhoc, inject: { ...adhoc.inject, from: 'ghost' } }))
      .thenRefused('unknown-cell');
  });
});

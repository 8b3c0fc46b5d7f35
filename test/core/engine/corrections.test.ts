import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correctedLog, replay, type ExerciseState } from '../../../src-main/core/engine/index.ts';
import { payloadOf } from '../../../src-main/core/engine/records.ts';
import { fixture } from './fixture.ts';
import { MSIT, at, created, given, minutes, started, tick } from './harness.ts';

const alertDecision = (option: string, cell = 'msit') =>
  ({
    type: 'decision-recorded',
    cell,
    choice: { point: 'D-alert', option },
    text: '',
    rationale: 'Typed in a hurry',
  }) as const;
const record = (option: string, cell = 'msit') =>
  ({ ...payloadOf(alertDecision(option, cell)), type: 'record-decision' }) as const;

/** Read through a call, so an earlier assertion's narrowing does not outlive the next command. */
function timerKind(state: ExerciseState): string | undefined {
  return state.timers['report-30m']?.kind;
}

function seqOf(state: ExerciseState, type: string): number {
  const event = state.log.find((e) => e.type === type);
  assert.ok(event, type);
  return event.seq;
}

describe('amending an event', () => {
  it('replaces a wrong option in every projection while the original stays in the record, marked', () => {
    const { session } = given(created, started, at(41, tick), at(45, record('hold'), MSIT));
    assert.equal(session.state.metrics['trust']?.value, 50);
    const target = seqOf(session.state, 'decision-recorded');
    const state = given(...session.events)
      .when(
        at(50, { type: 'amend-event', target, reason: 'Clicked the wrong option', payload: alertDecision('raise') }),
      )
      .then({ type: 'event-amended', target, scenarioTime: minutes(50) });

    assert.equal(state.metrics['trust']?.value, 70, 'raise (+10) instead of hold (−10)');
    assert.equal(state.decisions['D-alert']?.kind === 'decided' && state.decisions['D-alert'].option, 'raise');
    assert.equal(state.injects['I-05']?.unlockedAt, minutes(45), 'unlocked at the original decision time');
    assert.deepEqual(state.tasks['task-alert'], {
      kind: 'done',
      at: minutes(45),
      seq: target,
      cell: 'msit',
      via: 'decision',
    });
    assert.equal(state.decisionLog[0]?.choice?.option, 'raise');

    const original = state.log.find((e) => e.seq === target);
    assert.equal(
      original?.type === 'decision-recorded' && original.choice?.option,
      'hold',
      'the record is not rewritten',
    );
    assert.deepEqual(state.corrections[String(target)], {
      kind: 'amended',
      bySeq: target + 1,
      reason: 'Clicked the wrong option',
    });
    assert.equal(correctedLog(state).find((e) => e.event.seq === target)?.view?.kind, 'amended');
  });

  it('moves a decision recorded for the wrong cell to the right one', () => {
    const notice = {
      type: 'decision-recorded',
      cell: 'msit',
      choice: { point: 'D-notice', option: 'notify' },
      text: '',
      rationale: '',
    } as const;
    const { session } = given(created, started, at(36, tick), at(37, { ...notice, type: 'record-decision' }, MSIT));
    const target = seqOf(session.state, 'decision-recorded');
    session.run(
      at(38, { type: 'amend-event', target, reason: 'It was the NIS seat', payload: { ...notice, cell: 'nis' } }),
    );
    const decision = session.state.decisions['D-notice'];
    assert.equal(decision?.kind === 'decided' && decision.cell, 'nis');
    assert.equal(session.state.injects['I-07']?.status.kind, 'cancelled', 'the option’s consequences still hold');
  });

  it('refuses an amendment of another type, to another decision point, or with unknown ids', () => {
    const { session } = given(created, started, at(41, tick), at(45, record('hold'), MSIT));
    const target = seqOf(session.state, 'decision-recorded');
    const amend = (payload: object) => at(50, { type: 'amend-event', target, reason: 'Fix', payload } as never);
    session.refuse(amend({ type: 'control-log-added', text: 'x' }), 'amend-type-mismatch');
    session.refuse(
      amend({ ...alertDecision('raise'), choice: { point: 'D-notice', option: 'notify' } }),
      'amend-changes-point',
    );
    session.refuse(amend(alertDecision('flee')), 'unknown-option');
    session.refuse(
      at(50, { type: 'amend-event', target, reason: ' ', payload: alertDecision('raise') }),
      'invalid-command',
    );
  });
});

describe('retracting an event', () => {
  it('un-completes a task logged by mistake; the timer then runs on and is missed', () => {
    const report = { type: 'log-action', cell: 'msit', text: 'Reported', tasks: ['task-report'] } as const;
    const { session } = given(created, started, at(11, tick), at(20, report, MSIT));
    assert.equal(session.state.timers['report-30m']?.kind, 'met');
    const target = seqOf(session.state, 'action-logged');
    session.run(at(30, { type: 'retract-event', target, reason: 'That call never happened' }));
    assert.equal(session.state.tasks['task-report']?.kind, 'open');
    assert.equal(session.state.timers['report-30m']?.kind, 'running');
    assert.equal(session.state.actions.length, 0, 'projections use the corrected view');
    assert.equal(session.state.log.length, session.events.length, 'the record keeps every event');
    const bySeq = seqOf(session.state, 'event-retracted');
    assert.deepEqual(session.state.corrections[String(target)], {
      kind: 'retracted',
      bySeq,
      reason: 'That call never happened',
    });
    session.run(at(41, tick));
    assert.equal(timerKind(session.state), 'missed');
  });

  it('reopens a decision point retracted before its due time, which then expires as usual', () => {
    const { session } = given(created, started, at(41, tick), at(45, record('raise'), MSIT));
    session.run(
      at(50, { type: 'retract-event', target: seqOf(session.state, 'decision-recorded'), reason: 'Not decided yet' }),
    );
    assert.deepEqual(session.state.decisions['D-alert'], {
      kind: 'open',
      openedAt: minutes(40),
      dueAt: minutes(60),
      expires: true,
    });
    assert.equal(session.state.injects['I-05']?.locked, true, 'the unlock is undone');
    assert.equal(session.state.metrics['trust']?.value, 60);
    session.run(at(61, tick));
    assert.equal(session.state.decisions['D-alert']?.kind, 'expired');
  });

  it('reopens a decision point retracted after its due time without a deadline, for the right decision', () => {
    const { session } = given(created, started, at(41, tick), at(45, record('hold', 'msit'), MSIT), at(70, tick));
    const target = seqOf(session.state, 'decision-recorded');
    session.run(at(70, { type: 'retract-event', target, reason: 'Recorded on the wrong point' }));
    assert.deepEqual(session.state.decisions['D-alert'], {
      kind: 'open',
      openedAt: minutes(40),
      dueAt: minutes(60),
      expires: false,
    });
    assert.deepEqual(
      session.run(at(80, tick)).filter((e) => e.type === 'decision-expired'),
      [],
    );
    session.run(at(81, record('raise'), MSIT));
    assert.equal(session.state.decisions['D-alert']?.kind, 'decided');
  });

  it('refuses to correct what the clock did, to retract twice, or an event that does not exist', () => {
    const { session } = given(created, started, at(41, tick), at(45, record('hold'), MSIT));
    session.refuse(
      at(46, { type: 'retract-event', target: seqOf(session.state, 'inject-released'), reason: 'x' }),
      'not-correctable',
    );
    session.refuse(at(46, { type: 'retract-event', target: 999, reason: 'x' }), 'unknown-event');
    const target = seqOf(session.state, 'decision-recorded');
    session.run(at(46, { type: 'retract-event', target, reason: 'x' }));
    session.refuse(at(47, { type: 'retract-event', target, reason: 'again' }), 'already-retracted');
    session.refuse(
      at(47, { type: 'amend-event', target, reason: 'again', payload: alertDecision('raise') }),
      'already-retracted',
    );
  });

  it('gives the same state when the corrected journal is replayed', () => {
    const { session } = given(created, started, at(41, tick), at(45, record('hold'), MSIT));
    session.run(
      at(50, {
        type: 'amend-event',
        target: seqOf(session.state, 'decision-recorded'),
        reason: 'x',
        payload: alertDecision('raise'),
      }),
    );
    session.run(at(55, { type: 'set-alert-level', level: 'caution', reason: 'x' }, MSIT));
    session.run(
      at(56, { type: 'retract-event', target: seqOf(session.state, 'alert-level-changed'), reason: 'Not issued' }),
    );
    session.run(at(240, tick));
    assert.equal(session.state.alert.level, 'none');
    assert.deepEqual(replay(fixture, session.events), session.state);
  });
});

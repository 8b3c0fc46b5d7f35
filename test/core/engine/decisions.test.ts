import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGINE_ACTOR, holds } from '../../../src-main/core/engine/index.ts';
import { MSIT, at, created, given, minutes, started, tick } from './harness.ts';

const decideAlert = (option: string, cell = 'msit') =>
  ({ type: 'record-decision', cell, choice: { point: 'D-alert', option }, text: '', rationale: 'Because' }) as const;

describe('decision points', () => {
  it('open when their inject is released, due that release time plus `due`', () => {
    const state = given(created, started)
      .when(at(41, tick))
      .then(
        { type: 'inject-released', inject: 'I-01' },
        { type: 'inject-released', inject: 'I-02' },
        { type: 'inject-released', inject: 'I-04' },
        { type: 'timer-missed' },
        { type: 'inject-released', inject: 'I-03' },
      );
    assert.deepEqual(state.decisions['D-alert'], {
      kind: 'open',
      openedAt: minutes(40),
      dueAt: minutes(60),
      expires: true,
    });
    assert.deepEqual(state.decisions['D-notice'], {
      kind: 'open',
      openedAt: minutes(35),
      dueAt: minutes(65),
      expires: true,
    });
  });

  it('take the default option when the due time passes undecided', () => {
    const state = given(created, started, at(41, tick))
      .when(at(61, tick))
      .then({
        type: 'decision-expired',
        point: 'D-alert',
        option: 'hold',
        scenarioTime: minutes(60),
        actor: ENGINE_ACTOR,
      });
    assert.equal(state.decisions['D-alert']?.kind, 'expired');
    assert.equal(state.metrics['trust']?.value, 50, 'the default option’s effects apply');
    assert.equal(holds({ decided: { point: 'D-alert', option: 'hold' } }, state), true);
    assert.equal(state.injects['I-05']?.locked, true);
  });

  it('apply a chosen option: effects, unlocks and task completion, for the deciding cell', () => {
    const state = given(created, started, at(41, tick))
      .when(at(45, decideAlert('raise'), MSIT))
      .then({ type: 'decision-recorded', cell: 'msit', choice: { point: 'D-alert', option: 'raise' }, actor: MSIT });
    assert.deepEqual(state.decisions['D-alert'], {
      kind: 'decided',
      openedAt: minutes(40),
      dueAt: minutes(60),
      option: 'raise',
      cell: 'msit',
      at: minutes(45),
      seq: 8,
    });
    assert.equal(state.metrics['trust']?.value, 70);
    assert.equal(state.injects['I-05']?.locked, false);
    assert.deepEqual(state.tasks['task-alert'], {
      kind: 'done',
      at: minutes(45),
      seq: 8,
      cell: 'msit',
      via: 'decision',
    });
    assert.equal(state.decisionLog.length, 1);
  });

  it('refuse a decision before the point opens, a second decision, and one after expiry', () => {
    given(created, started)
      .when(at(5, decideAlert('raise'), MSIT))
      .thenRefused('decision-not-open');
    given(created, started, at(41, tick), at(42, decideAlert('raise'), MSIT))
      .when(at(43, decideAlert('hold'), MSIT))
      .thenRefused('decision-already-recorded');
    const message = given(created, started, at(61, tick))
      .when(at(62, decideAlert('raise'), MSIT))
      .thenRefused('decision-not-open');
    assert.match(message, /default "hold"/);
  });

  it('refuse an option the point does not have and a cell the point does not ask', () => {
    given(created, started, at(41, tick))
      .when(at(42, decideAlert('flee'), MSIT))
      .thenRefused('unknown-option');
    given(created, started, at(41, tick))
      .when(at(42, decideAlert('raise', 'mnd'), MSIT))
      .thenRefused('cell-not-deciding');
  });

  it('record free-text decisions that answer no decision point', () => {
    const state = given(created, started)
      .when(
        at(
          3,
          {
            type: 'record-decision',
            cell: 'nis',
            choice: null,
            text: 'Open a line to the operator',
            rationale: 'Facts first',
          },
          MSIT,
        ),
      )
      .then({ type: 'decision-recorded', choice: null });
    assert.equal(state.decisionLog[0]?.text, 'Open a line to the operator');
    given(created, started)
      .when(at(3, { type: 'record-decision', cell: 'nis', choice: null, text: '  ', rationale: '' }, MSIT))
      .thenRefused('invalid-command');
  });
});

describe('critical tasks', () => {
  it('are completed by logged actions; the first completion time counts', () => {
    const state = given(
      created,
      started,
      at(12, { type: 'log-action', cell: 'msit', text: 'Reported', tasks: ['task-report'] }, MSIT),
    )
      .when(
        at(20, { type: 'log-action', cell: 'nis', text: 'Reported too', tasks: ['task-report', 'task-assess'] }, MSIT),
      )
      .then({ type: 'action-logged', tasks: ['task-report', 'task-assess'] });
    assert.deepEqual(state.tasks['task-report'], {
      kind: 'done',
      at: minutes(12),
      seq: 4,
      cell: 'msit',
      via: 'action',
    });
    assert.equal(state.tasks['task-assess']?.kind, 'done');
    assert.equal(state.actions.length, 2);
  });

  it('refuse an unknown task', () => {
    given(created, started)
      .when(at(3, { type: 'log-action', cell: 'msit', text: 'x', tasks: ['nope'] }, MSIT))
      .thenRefused('unknown-task');
  });
});

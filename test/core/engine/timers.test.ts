import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MSIT, at, created, given, minutes, started, tick } from './harness.ts';

const report = { type: 'log-action', cell: 'msit', text: 'Reported to MSIT', tasks: ['task-report'] } as const;

describe('statutory and plan timers', () => {
  it('start when their condition first holds and record that scenario time', () => {
    const state = given(created, started).when(at(10, tick)).then({ type: 'inject-released', inject: 'I-01' });
    assert.deepEqual(state.timers['report-30m'], { kind: 'running', startedAt: minutes(10), deadline: minutes(40) });
    assert.deepEqual(state.timers['notice-2h'], { kind: 'running', startedAt: minutes(10), deadline: minutes(130) });
  });

  it('are met when a satisfying task is done before the deadline', () => {
    const state = given(created, started, at(10, tick))
      .when(at(39, report, MSIT))
      .then(
        { type: 'inject-released', inject: 'I-02' },
        { type: 'inject-released', inject: 'I-04' },
        { type: 'action-logged' },
      );
    assert.deepEqual(state.timers['report-30m'], {
      kind: 'met',
      startedAt: minutes(10),
      deadline: minutes(40),
      task: 'task-report',
      taskDoneAt: minutes(39),
    });
  });

  it('are missed at the deadline, by a tick, and a later task does not meet them', () => {
    const { session } = given(created, started, at(36, tick));
    const events = session.run(at(40, report, MSIT));
    assert.deepEqual(
      events.map((e) => [e.type, e.scenarioTime]),
      [
        ['timer-missed', minutes(40)],
        ['inject-released', minutes(40)],
        ['action-logged', minutes(40)],
      ],
      'the deadline at T+00:40 comes before an action at T+00:40: the window is [start, start + limit)',
    );
    assert.equal(session.state.timers['report-30m']?.kind, 'missed');
    assert.equal(session.state.tasks['task-report']?.kind, 'done');
  });

  it('are met by an option that completes the task', () => {
    const notify = {
      type: 'record-decision',
      cell: 'nis',
      choice: { point: 'D-notice', option: 'notify' },
      text: '',
      rationale: '',
    } as const;
    const state = given(created, started, at(36, tick))
      .when(at(50, notify, MSIT))
      .then(
        { type: 'timer-missed', timer: 'report-30m' },
        { type: 'inject-released', inject: 'I-03' },
        { type: 'decision-recorded' },
      );
    assert.equal(state.timers['notice-2h']?.kind, 'met');
  });

  it('are met at once when the task was done before they started', () => {
    const state = given(created, started)
      .when(at(5, report, MSIT))
      .then({ type: 'action-logged' });
    assert.equal(state.timers['report-30m']?.kind, 'idle');
    const { session } = given(created, started, at(5, report, MSIT), at(10, tick));
    assert.deepEqual(session.state.timers['report-30m'], {
      kind: 'met',
      startedAt: minutes(10),
      deadline: minutes(40),
      task: 'task-report',
      taskDoneAt: minutes(5),
    });
  });
});

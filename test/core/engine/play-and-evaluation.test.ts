import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentRatings, holds } from '../../../src-main/core/engine/index.ts';
import { MSIT, at, created, given, minutes, started } from './harness.ts';

const EVALUATOR = { person: 'ev-1', cell: 'ctrl' } as const;

describe('alert level and headquarters', () => {
  it('keeps the alert-level history and answers alert conditions', () => {
    const { session } = given(
      created,
      started,
      at(5, { type: 'set-alert-level', level: 'interest', reason: 'Fire reported' }, MSIT),
      at(20, { type: 'set-alert-level', level: 'caution', reason: 'Nationwide outage' }, MSIT),
    );
    const alert = session.state.alert;
    assert.equal(alert.level, 'caution');
    assert.deepEqual(
      alert.history.map((h) => [h.level, h.at, h.actor.cell]),
      [
        ['interest', minutes(5), 'msit'],
        ['caution', minutes(20), 'msit'],
      ],
    );
    assert.equal(holds({ alert: { atLeast: 'interest' } }, session.state), true);
    assert.equal(holds({ alert: { atLeast: 'alert' } }, session.state), false);
    session.refuse(at(21, { type: 'set-alert-level', level: 'caution', reason: '' }, MSIT), 'no-change');
  });

  it('activates and deactivates a headquarters with its history', () => {
    const { session } = given(
      created,
      started,
      at(15, { type: 'activate-hq', hq: 'hq-msit', reason: 'Caution issued' }, MSIT),
      at(200, { type: 'deactivate-hq', hq: 'hq-msit', reason: 'Restored' }, MSIT),
    );
    const hq = session.state.headquarters['hq-msit'];
    assert.equal(hq?.active, false);
    assert.deepEqual(
      hq?.history.map((h) => [h.active, h.at]),
      [
        [true, minutes(15)],
        [false, minutes(200)],
      ],
    );
    session.refuse(at(201, { type: 'deactivate-hq', hq: 'hq-msit', reason: '' }, MSIT), 'hq-not-active');
    session.refuse(at(201, { type: 'activate-hq', hq: 'hq-nowhere', reason: '' }, MSIT), 'unknown-headquarters');
  });
});

describe('evaluation, hot wash and control log', () => {
  it('records timestamped observations against tasks', () => {
    const state = given(created, started)
      .when(
        at(
          12,
          {
            type: 'record-observation',
            evaluator: 'ev-1',
            text: 'MSIT called the operator',
            cell: 'msit',
            tasks: ['task-report'],
          },
          EVALUATOR,
        ),
      )
      .then({ type: 'inject-released', inject: 'I-01' }, { type: 'observation-recorded', scenarioTime: minutes(12) });
    assert.deepEqual(state.observations[0]?.tasks, ['task-report']);
    assert.equal(state.tasks['task-report']?.kind, 'open', 'an observation does not complete a task');
    given(created, started)
      .when(at(12, { type: 'record-observation', evaluator: 'nobody', text: 'x', cell: null, tasks: [] }))
      .thenRefused('unknown-evaluator');
  });

  it('rates capability targets P/S/M/U/N/A, after EndEx too; the latest rating per evaluator counts', () => {
    const rate = (rating: 'P' | 'S' | 'M' | 'U' | 'N/A', person = 'ev-1') =>
      ({ type: 'rate-target', evaluator: person, target: 'tgt-report', rating, notes: 'Late report' }) as const;
    const { session } = given(
      created,
      started,
      at(30, { type: 'end-exercise' }),
      at(40, rate('M')),
      at(41, rate('S')),
      at(42, rate('U', 'ev-2')),
    );
    assert.deepEqual(
      currentRatings(session.state).map((r) => [r.evaluator, r.rating]),
      [
        ['ev-1', 'S'],
        ['ev-2', 'U'],
      ],
    );
    session.refuse(at(43, { ...rate('P'), rating: 'X' as 'P' }), 'invalid-command');
    session.refuse(at(43, { ...rate('P'), target: 'tgt-none' }), 'unknown-target');
  });

  it('records hot-wash notes per cell and participant feedback', () => {
    const { session } = given(
      created,
      started,
      at(100, { type: 'end-exercise' }),
      at(110, {
        type: 'add-hotwash-note',
        cell: 'msit',
        kind: 'strength',
        capability: 'opcoord',
        text: 'Fast convening',
      }),
      at(111, { type: 'add-hotwash-note', cell: 'nis', kind: 'improvement', capability: null, text: 'Share earlier' }),
      at(120, {
        type: 'record-feedback',
        participant: 'p-msit',
        ratings: [{ item: 'The scenario was realistic', score: 4 }],
        strengths: ['Realism'],
        improvements: ['More time'],
        comment: '',
      }),
    );
    assert.deepEqual(
      session.state.hotwash.map((n) => [n.cell, n.kind]),
      [
        ['msit', 'strength'],
        ['nis', 'improvement'],
      ],
    );
    assert.equal(session.state.feedback[0]?.participant, 'p-msit');
    session.refuse(
      at(121, {
        type: 'record-feedback',
        participant: 'p-msit',
        ratings: [{ item: 'x', score: 6 }],
        strengths: [],
        improvements: [],
        comment: '',
      }),
      'invalid-command',
    );
    session.refuse(
      at(121, { type: 'add-hotwash-note', cell: 'msit', kind: 'strength', capability: 'nope', text: 'x' }),
      'unknown-capability',
    );
  });

  it('keeps a control-cell log that only the control cell writes', () => {
    const state = given(created, started)
      .when(at(3, { type: 'add-control-log', text: 'MSIT seat arrived late' }))
      .then({ type: 'control-log-added' });
    assert.equal(state.controlLog[0]?.text, 'MSIT seat arrived late');
    given(created, started)
      .when(at(3, { type: 'add-control-log', text: 'x' }, MSIT))
      .thenRefused('not-control');
  });
});

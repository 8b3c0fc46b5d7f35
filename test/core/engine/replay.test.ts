import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EVENT_VERSION,
  replay,
  upcast,
  visibleInjects,
  type ExerciseEvent,
  type StoredEvent,
} from '../../../src-main/core/engine/index.ts';
import { fixture } from './fixture.ts';
import { MSIT, Session, at, created, started, tick } from './harness.ts';

/** A whole session through EndEx and the hot wash, touching every kind of event. */
function playthrough(): Session {
  const s = new Session();
  const steps = [
    created,
    started,
    at(2, { type: 'hold-inject', inject: 'I-06', reason: 'Pace' }),
    at(11, tick),
    at(12, { type: 'acknowledge-inject', inject: 'I-01', cell: 'msit' }, MSIT),
    at(13, { type: 'set-alert-level', level: 'interest', reason: 'Fire' }, MSIT),
    at(14, { type: 'log-action', cell: 'msit', text: 'Reported to the minister', tasks: ['task-report'] }, MSIT),
    at(20, { type: 'set-clock-pace', pace: { mode: 'compressed', speed: 2 } }),
    at(30, { type: 'pause-clock' }),
    at(45, { type: 'release-inject', inject: 'I-08' }),
    at(50, { type: 'resume-clock' }),
    at(51, { type: 'share-inject', inject: 'I-08', fromCell: 'mnd', toCells: ['nis'] }),
    at(
      52,
      {
        type: 'record-decision',
        cell: 'msit',
        choice: { point: 'D-alert', option: 'raise' },
        text: '',
        rationale: 'Early',
      },
      MSIT,
    ),
    at(53, { type: 'activate-hq', hq: 'hq-msit', reason: 'Caution' }, MSIT),
    at(54, {
      type: 'release-adhoc-inject',
      inject: {
        id: 'X-1',
        title: 'Reporter calls',
        body: 'Comment?',
        channel: 'phone',
        from: 'press',
        to: ['msit'],
        visibility: 'addressed',
        marking: null,
        effects: { services: [], metrics: [] },
      },
    }),
    at(55, {
      type: 'record-observation',
      evaluator: 'ev-1',
      text: 'Alert raised on time',
      cell: 'msit',
      tasks: ['task-alert'],
    }),
    at(56, { type: 'unhold-inject', inject: 'I-06' }),
    at(57, { type: 'add-control-log', text: 'Room energy dropping' }),
    at(58, { type: 'set-clock-pace', pace: { mode: 'stepped' } }),
    at(59, { type: 'step-clock', by: 60 * 60_000 }),
    at(60, { type: 'end-exercise' }),
    at(61, { type: 'add-hotwash-note', cell: 'msit', kind: 'strength', capability: 'opcoord', text: 'Quick HQ' }),
    at(62, { type: 'rate-target', evaluator: 'ev-2', target: 'tgt-report', rating: 'S', notes: 'Minor delays' }),
    at(63, {
      type: 'record-feedback',
      participant: 'p-nis',
      ratings: [{ item: 'Realistic', score: 5 }],
      strengths: ['Pace'],
      improvements: [],
      comment: '',
    }),
  ];
  for (const step of steps) s.run(step);
  return s;
}

describe('the journal', () => {
  it('replays to exactly the live state', () => {
    const s = playthrough();
    assert.equal(s.state.clock.kind, 'ended');
    assert.deepStrictEqual(replay(fixture, s.events), s.state);
  });

  it('holds plain JSON events, one per line, each with v, seq, wall time, scenario time and actor', () => {
    const s = playthrough();
    const lines = s.events.map((e) => JSON.stringify(e)).join('\n');
    const read = lines.split('\n').map((line) => upcast(JSON.parse(line) as StoredEvent));
    assert.deepStrictEqual(read, s.events);
    assert.deepStrictEqual(replay(fixture, read), s.state);
    for (const e of read) {
      assert.equal(e.v, EVENT_VERSION);
      assert.match(e.wallTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      assert.ok(Number.isSafeInteger(e.scenarioTime));
      assert.equal(typeof e.actor.person, 'string');
    }
    assert.deepEqual(
      read.map((e) => e.seq),
      read.map((_, i) => i + 1),
    );
    assert.ok(
      visibleInjects(s.state, 'nis').some((v) => v.id === 'I-08'),
      'shared contingency inject',
    );
  });

  it('refuses to read an event version it does not know', () => {
    const future = { ...playthrough().events[0], v: 2 } as unknown as ExerciseEvent;
    assert.throws(() => upcast(future), /unknown version 2/);
  });
});

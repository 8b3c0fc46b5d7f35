import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeScores, lateScore, type TaskScore } from '../../../src-main/core/scoring/index.ts';
import { HOUR_MS } from '../../../src-main/core/time.ts';
import { Run, hours, minutes } from './support.ts';

function task(run: Run, id: string): TaskScore {
  const found = computeScores(run.state).tasks.find((t) => t.task === id);
  assert.ok(found, id);
  return found;
}

const startSeq = (run: Run) => run.events.find((e) => e.type === 'exercise-started')!.seq;

describe('task timeliness', () => {
  it('gives 100 to a task done inside its window and cites the anchor and the completion', () => {
    const run = new Run().until(hours(1));
    const seq = run.action('msit', ['task-room']);
    const score = task(run, 'task-room');
    assert.equal(score.score.value, 100);
    assert.equal(score.opensAt, 0);
    assert.equal(score.dueAt, hours(2));
    assert.equal(score.doneAt, hours(1));
    assert.equal(score.doneBy, 'msit');
    assert.equal(score.score.explanation.key, 'scoring.task.on-time');
    assert.deepEqual(score.score.explanation.events, [startSeq(run), seq]);
    assert.equal(score.target, 'tgt-1');
    assert.equal(score.objective, 'obj-1');
    assert.equal(score.capability, 'opcoord');
  });

  it('decays linearly after the due time and reaches 0 two windows past due', () => {
    // Window 2h, due T+2h: one hour late is a quarter of the way to zero (4h late).
    const late1h = new Run().until(hours(3));
    late1h.action('msit', ['task-room']);
    assert.equal(task(late1h, 'task-room').score.value, 75);
    assert.equal(task(late1h, 'task-room').score.explanation.key, 'scoring.task.late');
    assert.equal(task(late1h, 'task-room').score.explanation.params['late'], '1h');

    const late4h = new Run().until(hours(6));
    late4h.action('msit', ['task-room']);
    assert.equal(task(late4h, 'task-room').score.value, 0);

    assert.equal(lateScore(0, HOUR_MS), 100);
    assert.equal(lateScore(-5, HOUR_MS), 100);
    assert.equal(lateScore(HOUR_MS, HOUR_MS), 50);
    assert.equal(lateScore(3 * HOUR_MS, HOUR_MS), 0);
  });

  it('scores a task never done by EndEx 0', () => {
    const run = new Run().until(hours(12)).end();
    const score = task(run, 'task-room');
    assert.equal(score.score.value, 0);
    assert.equal(score.doneAt, null);
    assert.equal(score.score.explanation.key, 'scoring.task.missed');
  });

  it('does not score a task whose window was still open at EndEx', () => {
    const run = new Run().until(hours(3)).end();
    assert.equal(task(run, 'task-advisory').score.value, null, 'due T+6h, EndEx at T+3h');
    assert.equal(task(run, 'task-advisory').score.explanation.key, 'scoring.task.cut-short');
    assert.equal(task(run, 'task-room').score.value, 0, 'due T+2h: missed');
  });

  it('does not score an open task inside its window, and scores an overdue one as if done now', () => {
    const run = new Run().until(hours(1));
    assert.equal(task(run, 'task-room').score.value, null);
    assert.equal(task(run, 'task-room').score.explanation.key, 'scoring.task.pending');
    run.until(hours(3));
    assert.equal(task(run, 'task-room').score.value, 75);
    assert.equal(task(run, 'task-room').score.explanation.key, 'scoring.task.overdue');
  });

  it('does not score a task whose anchor never happened, done or not', () => {
    const run = new Run().until(hours(1));
    const advisory = task(run, 'task-advisory');
    assert.equal(advisory.score.value, null);
    assert.equal(advisory.opensAt, null);
    assert.equal(advisory.score.explanation.key, 'scoring.task.not-due');
    assert.equal(advisory.score.explanation.params['anchor'], 'inj-smish');

    run.action('kisa', ['task-advisory']);
    assert.equal(task(run, 'task-advisory').score.value, null);
    assert.equal(task(run, 'task-advisory').score.explanation.key, 'scoring.task.not-due-done');
    // Once the anchor happens, the early completion is on time.
    run.until(hours(2));
    assert.equal(task(run, 'task-advisory').score.value, 100);
  });

  it('opens a task window at the release of its anchor inject and credits a completing decision', () => {
    const run = new Run().until(hours(2) + minutes(30));
    const seq = run.decideAdvisory('now');
    const score = task(run, 'task-advisory');
    assert.equal(score.opensAt, hours(2));
    assert.equal(score.dueAt, hours(6));
    assert.equal(score.doneBy, 'kisa');
    assert.equal(score.score.value, 100);
    assert.ok(score.score.explanation.events.includes(seq));
  });

  it('honours corrections: a retracted action completes nothing, and the explanation cites it', () => {
    const run = new Run().until(hours(1));
    const action = run.action('msit', ['task-room']);
    run.until(hours(1) + minutes(5));
    const retraction = run.retract(action);
    run.until(hours(12)).end();
    const score = task(run, 'task-room');
    assert.equal(score.doneAt, null);
    assert.equal(score.score.value, 0);
    assert.ok(score.score.explanation.events.includes(action), 'cites the retracted claim');
    assert.ok(score.score.explanation.events.includes(retraction), 'cites the retraction');
    assert.equal(score.score.explanation.params['corrections'], 1);
  });

  it('honours an amendment that moves the completion to another task', () => {
    const run = new Run().until(hours(1));
    const action = run.action('msit', ['task-room']);
    run.do({ type: 'amend-event', target: action, reason: 'wrong task', payload: { type: 'action-logged', cell: 'msit', text: 'x', tasks: [] } });
    run.until(hours(12)).end();
    assert.equal(task(run, 'task-room').score.value, 0);
  });
});

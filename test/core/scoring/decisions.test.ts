import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeScores, type DecisionScore } from '../../../src-main/core/scoring/index.ts';
import { Run, hours, minutes } from './support.ts';

function advisory(run: Run): DecisionScore {
  const found = computeScores(run.state).decisions.find((d) => d.point === 'dp-advisory');
  assert.ok(found);
  return found;
}

const releaseSeq = (run: Run, inject: string) => run.events.find((e) => e.type === 'inject-released' && e.inject === inject)!.seq;

describe('decision quality', () => {
  it('is not scored before the point is reached, nor while it is open', () => {
    const run = new Run().until(hours(1));
    assert.equal(advisory(run).outcome, 'not-reached');
    assert.equal(advisory(run).score.value, null);
    assert.equal(advisory(run).score.explanation.key, 'scoring.decision.not-reached');
    run.until(hours(2) + minutes(10));
    const open = advisory(run);
    assert.equal(open.outcome, 'open');
    assert.equal(open.score.value, null);
    assert.equal(open.openedAt, hours(2));
    assert.equal(open.dueAt, hours(3));
  });

  it('is not scored when the exercise ends before the point is due', () => {
    const run = new Run().until(hours(2) + minutes(30)).end();
    assert.equal(advisory(run).outcome, 'open');
    assert.equal(advisory(run).score.value, null);
    assert.equal(advisory(run).score.explanation.key, 'scoring.decision.cut-short');
  });

  it('scores the chosen option by its doctrine score', () => {
    const run = new Run().until(hours(2) + minutes(20));
    const seq = run.decideAdvisory('now');
    const d = advisory(run);
    assert.equal(d.outcome, 'decided');
    assert.equal(d.option, 'now');
    assert.equal(d.decidedBy, 'kisa');
    assert.equal(d.at, hours(2) + minutes(20));
    assert.equal(d.score.value, 90);
    assert.equal(d.score.explanation.key, 'scoring.decision.decided');
    assert.deepEqual(d.score.explanation.events, [releaseSeq(run, 'inj-smish'), seq]);
    assert.equal(d.score.explanation.params['best'], 90);
  });

  it('scores an expired point by its default option and says the cells did not decide', () => {
    const run = new Run().until(hours(4));
    const d = advisory(run);
    assert.equal(d.outcome, 'expired');
    assert.equal(d.option, 'wait');
    assert.equal(d.decidedBy, null);
    assert.equal(d.at, hours(3));
    assert.equal(d.score.value, 30);
    assert.equal(d.score.explanation.key, 'scoring.decision.expired');
    const expiry = run.events.find((e) => e.type === 'decision-expired')!.seq;
    assert.ok(d.score.explanation.events.includes(expiry));
  });

  it('scores an amended decision by the amended option', () => {
    const run = new Run().until(hours(2) + minutes(20));
    const seq = run.decideAdvisory('wait');
    assert.equal(advisory(run).score.value, 30);
    run.do({
      type: 'amend-event',
      target: seq,
      reason: 'clicked the wrong option',
      payload: { type: 'decision-recorded', cell: 'kisa', choice: { point: 'dp-advisory', option: 'now' }, text: '', rationale: '' },
    });
    assert.equal(advisory(run).option, 'now');
    assert.equal(advisory(run).score.value, 90);
  });

  it('does not score a retracted decision: the point reopens', () => {
    const run = new Run().until(hours(2) + minutes(20));
    const seq = run.decideAdvisory('now');
    run.until(hours(3) + minutes(30));
    run.retract(seq);
    const d = advisory(run);
    assert.equal(d.outcome, 'open');
    assert.equal(d.score.value, null);
    assert.equal(d.score.explanation.key, 'scoring.decision.reopened');
  });
});

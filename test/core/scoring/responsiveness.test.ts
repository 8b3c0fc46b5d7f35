import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeScores, median, percentile, RESPONSE_FULL_MS, RESPONSE_ZERO_MS, type CellResponsiveness } from '../../../src-main/core/scoring/index.ts';
import { speed } from '../../../src-main/core/scoring/responsiveness.ts';
import { Run, hours, minutes } from './support.ts';

function cell(run: Run, id: string): CellResponsiveness {
  const found = computeScores(run.state).responsiveness.find((r) => r.cell === id);
  assert.ok(found, id);
  return found;
}

describe('percentiles', () => {
  it('interpolate between closest ranks (type 7)', () => {
    assert.equal(median([10, 20, 30, 40]), 25);
    assert.equal(percentile([10, 20, 30, 40], 90), 37);
    assert.equal(median([5]), 5);
    assert.equal(percentile([3, 1, 2], 100), 3);
    assert.equal(median([]), null);
  });
});

describe('responsiveness', () => {
  it('maps a latency to speed: full up to 15 minutes, zero from 4 hours, linear between', () => {
    assert.equal(speed(0), 100);
    assert.equal(speed(RESPONSE_FULL_MS), 100);
    assert.equal(speed(RESPONSE_ZERO_MS), 0);
    assert.equal(speed((RESPONSE_FULL_MS + RESPONSE_ZERO_MS) / 2), 50);
  });

  it('times the first response from release and counts only injects addressed to the cell', () => {
    const run = new Run().until(hours(2) + minutes(40));
    run.acknowledge('inj-smish', 'kisa');
    run.until(hours(2) + minutes(50));
    run.decideAdvisory('now');
    const kisa = cell(run, 'kisa');
    // inj-fire (to all) and inj-smish (to kisa); public news injects are not addressed to kisa.
    assert.equal(kisa.received, 2);
    assert.equal(kisa.responded, 1);
    assert.equal(kisa.medianMs, minutes(40));
    assert.equal(kisa.p90Ms, minutes(40));
    assert.equal(kisa.calls, 1, 'inj-smish puts dp-advisory to kisa; inj-fire expects nothing of kisa');
    assert.equal(kisa.answered, 1);
    // speed(40 min) = 100 × (240 − 40) / (240 − 15)
    assert.equal(kisa.score.value, Math.round((1000 * 200) / 225) / 10);
    assert.equal(kisa.score.explanation.key, 'scoring.responsiveness.score');
  });

  it('counts an expected task done before the release as an immediate response', () => {
    const run = new Run().until(minutes(1));
    run.action('kisa', ['task-advisory']);
    run.until(hours(3));
    const kisa = cell(run, 'kisa');
    assert.equal(kisa.responded, 1);
    assert.equal(kisa.medianMs, 0);
  });

  it('scores 0 when a cell leaves every call unanswered, once the calls are old enough', () => {
    const run = new Run().until(hours(1));
    assert.equal(cell(run, 'msit').score.value, null, 'inj-fire is still waiting');
    assert.equal(cell(run, 'msit').score.explanation.key, 'scoring.responsiveness.none');
    run.until(hours(5));
    const msit = cell(run, 'msit');
    assert.equal(msit.calls, 1);
    assert.equal(msit.answered, 0);
    assert.equal(msit.score.value, 0);
    assert.equal(msit.score.explanation.key, 'scoring.responsiveness.silent');
  });

  it('does not count a retracted acknowledgement', () => {
    const run = new Run().until(minutes(5));
    const ack = run.acknowledge('inj-fire', 'msit');
    assert.equal(cell(run, 'msit').responded, 1);
    run.retract(ack);
    assert.equal(cell(run, 'msit').responded, 0);
  });

  it('multiplies speed by the share of calls answered', () => {
    const run = new Run().until(minutes(5));
    run.acknowledge('inj-fire', 'msit');
    run.until(hours(8) + minutes(5));
    run.acknowledge('inj-restore', 'msit');
    run.until(hours(12));
    const msit = cell(run, 'msit');
    // Two quick acknowledgements; inj-fire calls on msit (task-room) and counts as answered.
    assert.equal(msit.responded, 2);
    assert.equal(msit.calls, 1);
    assert.equal(msit.score.value, 100);
  });
});

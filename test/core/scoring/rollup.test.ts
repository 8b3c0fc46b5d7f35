import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeScores, DEFAULT_WEIGHTS, type RollUp } from '../../../src-main/core/scoring/index.ts';
import { weightedMean } from '../../../src-main/core/scoring/rollup.ts';
import { Run, explanations, assertRenders, hours, minutes } from './support.ts';

/** A tidy run of the minimal scenario, every number worked out by hand in the tests below. */
function tidyRun(): Run {
  const run = new Run().until(minutes(5));
  run.acknowledge('inj-fire', 'msit');
  run.until(hours(1));
  run.action('msit', ['task-room']);
  run.until(hours(2) + minutes(5));
  run.acknowledge('inj-smish', 'kisa');
  run.until(hours(2) + minutes(10));
  run.decideAdvisory('now');
  run.rate('ev-1', 'tgt-1', 'P');
  run.rate('ev-1', 'tgt-2', 'S');
  return run.until(hours(12)).end();
}

const component = (r: RollUp | undefined, name: string) => r?.components.find((c) => c.component === name)?.value;

describe('roll-ups', () => {
  it('weights the components that have a value and leaves the others out', () => {
    assert.equal(weightedMean([{ value: 80, weight: 1 }, { value: null, weight: 5 }, { value: 40, weight: 3 }]), 50);
    assert.equal(weightedMean([{ value: null, weight: 1 }]), null);
    assert.equal(weightedMean([{ value: 70, weight: 0 }]), null);
  });

  it('rolls tasks, decisions and ratings up to objectives', () => {
    const scores = computeScores(tidyRun().state);
    const [obj1, obj2] = scores.objectives;
    assert.equal(obj1?.id, 'obj-1');
    assert.equal(component(obj1, 'timeliness'), 100);
    assert.equal(component(obj1, 'decisions'), null, 'no decision point is linked to obj-1');
    assert.equal(component(obj1, 'ratings'), 100);
    assert.equal(obj1?.score.value, 100);
    assert.equal(component(obj2, 'timeliness'), 100);
    assert.equal(component(obj2, 'decisions'), 90);
    assert.equal(component(obj2, 'ratings'), 67);
    // (0.25 × 100 + 0.25 × 90 + 0.15 × 67) ÷ 0.65
    assert.equal(obj2?.score.value, 88.5);
    assert.equal(obj2?.score.explanation.key, 'scoring.rollup.objective');
  });

  it('rolls each player cell’s tasks, decisions and responsiveness up', () => {
    const scores = computeScores(tidyRun().state);
    const msit = scores.cells.find((c) => c.id === 'msit');
    const kisa = scores.cells.find((c) => c.id === 'kisa');
    assert.deepEqual(scores.cells.map((c) => c.id), ['msit', 'kisa'], 'player cells only');
    assert.equal(component(msit, 'responsiveness'), 100);
    assert.equal(msit?.score.value, 100);
    // (0.25 × 100 + 0.25 × 90 + 0.15 × 100) ÷ 0.65
    assert.equal(kisa?.score.value, 96.2);
  });

  it('rolls the exercise up from the objectives by their weights, responsiveness and the outcome', () => {
    const scores = computeScores(tidyRun().state);
    const e = scores.exercise;
    assert.deepEqual(scores.weights, DEFAULT_WEIGHTS);
    assert.equal(component(e, 'timeliness'), 100);
    assert.equal(component(e, 'decisions'), 90);
    assert.equal(component(e, 'ratings'), 83.5);
    assert.equal(component(e, 'responsiveness'), 100);
    assert.equal(component(e, 'outcome'), 56.8);
    // 0.25 × 100 + 0.25 × 90 + 0.15 × 100 + 0.2 × 56.8 + 0.15 × 83.5
    assert.equal(e.score.value, 86.4);
    for (const { where, explanation } of explanations(scores)) assertRenders(where, explanation);
  });

  it('takes stated weights and refuses weights that are not finite and non-negative', () => {
    const state = tidyRun().state;
    const onlyTimeliness = computeScores(state, { weights: { timeliness: 1, decisions: 0, responsiveness: 0, outcome: 0, ratings: 0 } });
    assert.equal(onlyTimeliness.exercise.score.value, 100);
    assert.equal(computeScores(state, { weights: { outcome: 1 } }).weights.outcome, 1);
    assert.throws(() => computeScores(state, { weights: { outcome: -1 } }), RangeError);
    assert.throws(() => computeScores(state, { weights: { ratings: Number.NaN } }), RangeError);
    const nothing = computeScores(state, { weights: { timeliness: 0, decisions: 0, responsiveness: 0, outcome: 0, ratings: 0 } });
    assert.equal(nothing.exercise.score.value, null);
    assert.equal(nothing.exercise.score.explanation.key, 'scoring.rollup.empty');
  });
});

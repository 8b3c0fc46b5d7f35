import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeScores, type TargetRating } from '../../../src-main/core/scoring/index.ts';
import { consensus } from '../../../src-main/core/scoring/ratings.ts';
import { ratingFor, suggestRating } from '../../../src-main/core/scoring/suggest.ts';
import type { TaskScore } from '../../../src-main/core/scoring/index.ts';
import { Run, hours, minutes } from './support.ts';

function target(run: Run, id: string): TargetRating {
  const found = computeScores(run.state).targets.find((t) => t.target === id);
  assert.ok(found, id);
  return found;
}

describe('evaluator ratings', () => {
  it('takes each evaluator’s latest rating, ignores retracted ones, and reads amendments', () => {
    const run = new Run().until(hours(1));
    run.rate('ev-1', 'tgt-1', 'U');
    const latest = run.rate('ev-1', 'tgt-1', 'S');
    const wrong = run.rate('ev-2', 'tgt-1', 'U');
    run.retract(wrong);
    const amended = run.rate('ev-3', 'tgt-1', 'M');
    run.do({ type: 'amend-event', target: amended, reason: 'typo', payload: { type: 'target-rated', evaluator: 'ev-3', target: 'tgt-1', rating: 'S', notes: '' } });
    const t = target(run, 'tgt-1');
    assert.deepEqual(
      t.ratings.map((r) => [r.evaluator, r.rating, r.seq]),
      [
        ['ev-1', 'S', latest],
        ['ev-3', 'S', amended],
      ],
    );
    assert.equal(t.rating, 'S');
    assert.equal(t.agreement?.percent, 100);
    assert.equal(t.agreement?.kappa, null, 'kappa needs more than one target');
  });

  it('takes the most common rating, ties to the worse, and N/A only when nothing else was given', () => {
    assert.equal(consensus([]), null);
    assert.equal(consensus(['P']), 'P');
    assert.equal(consensus(['P', 'P', 'S']), 'P');
    assert.equal(consensus(['P', 'U']), 'U');
    assert.equal(consensus(['S', 'M', 'N/A', 'N/A']), 'M');
    assert.equal(consensus(['N/A']), 'N/A');
  });

  it("measures agreement with Cohen's kappa for the same two evaluators", () => {
    const run = new Run().until(hours(1));
    run.rate('ev-1', 'tgt-1', 'P');
    run.rate('ev-2', 'tgt-1', 'P');
    run.rate('ev-1', 'tgt-2', 'S');
    run.rate('ev-2', 'tgt-2', 'M');
    const scores = computeScores(run.state);
    assert.equal(scores.targets[0]?.agreement?.percent, 100);
    assert.equal(scores.targets[1]?.agreement?.percent, 0);
    assert.equal(scores.targets[1]?.rating, 'M', 'tie goes to the worse');
    const overall = scores.agreement;
    assert.equal(overall?.method, 'cohen');
    assert.equal(overall?.raters, 2);
    assert.equal(overall?.percent, 50);
    // pₒ = 1/2; pₑ = P: ½·½ = ¼ → κ = (½ − ¼) / (1 − ¼) = ⅓
    assert.equal(overall?.kappa, 0.333);
    assert.equal(overall?.explanation.key, 'scoring.agreement.cohen');
  });

  it("switches to Fleiss' kappa for three evaluators", () => {
    const run = new Run().until(hours(1));
    for (const ev of ['ev-1', 'ev-2', 'ev-3']) run.rate(ev, 'tgt-1', 'P');
    run.rate('ev-1', 'tgt-2', 'U');
    run.rate('ev-2', 'tgt-2', 'U');
    run.rate('ev-3', 'tgt-2', 'M');
    const overall = computeScores(run.state).agreement;
    assert.equal(overall?.method, 'fleiss');
    assert.equal(overall?.raters, 3);
    assert.equal(overall?.percent, 66.7, '3 + 1 of 6 pairs');
    // P̄ = (1 + ⅓)/2 = ⅔; p = (3/6, 2/6, 1/6) → P̄ₑ = 14/36; κ = (⅔ − 14/36)/(1 − 14/36) = 10/22
    assert.equal(overall?.kappa, 0.455);
  });

  it('has no overall agreement when no target was rated twice', () => {
    const run = new Run().until(hours(1));
    run.rate('ev-1', 'tgt-1', 'P');
    assert.equal(computeScores(run.state).agreement, null);
    assert.equal(target(run, 'tgt-1').agreement, null);
  });
});

describe('suggested rating', () => {
  it('maps the mean of the target’s numbers to P/S/M/U at 85, 65 and 40', () => {
    assert.equal(ratingFor(100), 'P');
    assert.equal(ratingFor(85), 'P');
    assert.equal(ratingFor(84.9), 'S');
    assert.equal(ratingFor(65), 'S');
    assert.equal(ratingFor(40), 'M');
    assert.equal(ratingFor(39.9), 'U');
  });

  it('comes from the target’s tasks and the decisions completing them, beside the evaluators’ rating', () => {
    const run = new Run().until(hours(2) + minutes(10));
    const decision = run.decideAdvisory('now');
    run.rate('ev-1', 'tgt-2', 'U');
    const t = target(run, 'tgt-2');
    // task-advisory done on time (100) through dp-advisory "now" (90): mean 95 → P
    assert.equal(t.suggested.rating, 'P');
    assert.equal(t.suggested.explanation.params['mean'], 95);
    assert.ok(t.suggested.explanation.events.includes(decision));
    assert.equal(t.rating, 'U', 'the evaluators’ rating stands as given');
  });

  it('is N/A with nothing scored, and follows the numbers down', () => {
    const notYet = new Run().until(hours(1));
    assert.equal(target(notYet, 'tgt-2').suggested.rating, 'N/A');
    const run = new Run().until(hours(2) + minutes(10));
    run.decideAdvisory('wait');
    run.until(hours(12)).end();
    const t = target(run, 'tgt-2');
    // task-advisory never done (0), dp-advisory "wait" (30): mean 15 → U (the cap does not raise it)
    assert.equal(t.suggested.rating, 'U');
    const capped = new Run().until(hours(1));
    capped.action('kisa', ['task-advisory']);
    capped.until(hours(12)).end();
    // task-advisory done before its window opened (100), dp-advisory expired "wait" (30): mean 65 → S
    assert.equal(target(capped, 'tgt-2').suggested.rating, 'S');
    const missed = new Run().until(hours(12)).end();
    // task-room missed (0) → U anyway; tgt-1 has nothing else.
    assert.equal(target(missed, 'tgt-1').suggested.rating, 'U');
  });

  it('caps the suggestion at M when a critical task was never done', () => {
    const task = (id: string, value: number, doneAt: number | null): TaskScore => ({
      task: id,
      target: 'tgt',
      objective: 'obj',
      capability: 'cap',
      cells: ['msit'],
      opensAt: 0,
      dueAt: hours(1),
      doneAt,
      doneBy: doneAt === null ? null : 'msit',
      score: { value, explanation: { key: 'scoring.task.on-time', params: {}, events: [7] } },
    });
    const five = ['a', 'b', 'c', 'd'].map((id) => task(id, 100, minutes(5)));
    const all = suggestRating('tgt', five, []);
    assert.equal(all.rating, 'P');
    const oneMissed = suggestRating('tgt', [...five, task('e', 0, null)], []);
    // mean 80 would be S by the numbers alone; a missed task caps it at M
    assert.equal(oneMissed.rating, 'M');
    assert.equal(oneMissed.explanation.key, 'scoring.suggest.capped');
    assert.equal(oneMissed.explanation.params['missed'], 1);
    assert.deepEqual(oneMissed.explanation.events, [7]);
  });
});

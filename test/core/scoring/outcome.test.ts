import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeScores, noResponseRun } from '../../../src-main/core/scoring/index.ts';
import { metricScore, servicesScore } from '../../../src-main/core/scoring/outcome.ts';
import type { Metric } from '../../../src-main/core/scenario/schema.ts';
import { userHoursLost } from '../../../src-main/core/engine/index.ts';
import { MINIMAL, Run, hours, minutes } from './support.ts';

const trust: Metric = { id: 'trust', name: 'Trust', min: 0, max: 100, initial: 70, better: 'higher' };
const victims: Metric = { id: 'victims', name: 'Victims', min: 0, max: 1000, initial: 0, better: 'lower' };

describe('the no-response baseline', () => {
  it('is the scenario run by the engine with nobody responding: defaults taken, no task done', () => {
    const base = noResponseRun(MINIMAL, hours(12));
    assert.equal(base.scenarioTime, hours(12));
    assert.equal(base.decisions['dp-advisory']?.kind, 'expired');
    assert.ok(Object.values(base.tasks).every((t) => t.kind === 'open'));
    assert.equal(base.timers['notice-2h']?.kind, 'missed');
    assert.equal(base.injects['inj-victims']?.status.kind, 'released', 'the default "wait" unlocked the victims inject');
    // Power down T+0 to T+8: login (40M users) and chat (47M) down 8 hours each.
    assert.equal(userHoursLost(base, 'login', hours(12)), 320_000_000);
    assert.equal(userHoursLost(base, 'chat', hours(12)), 376_000_000);
    assert.equal(base.metrics['trust']?.value, 45, '70 − 10 (fire) − 15 (victims)');
    assert.deepEqual(
      base.log.filter((e) => e.actor.person !== '@engine').map((e) => e.type),
      ['exercise-created', 'exercise-started', 'clock-stepped'],
      'no player command in the baseline',
    );
  });
});

describe('outcome', () => {
  it('compares services and metrics with the baseline to the same scenario time', () => {
    const run = new Run().until(hours(2) + minutes(10));
    run.decideAdvisory('now');
    run.until(hours(12)).end();
    const { outcome } = computeScores(run.state);
    assert.equal(outcome.totalUserHoursLost, 696_000_000);
    assert.equal(outcome.baselineUserHoursLost, 696_000_000);
    const chat = outcome.services.find((s) => s.service === 'chat');
    assert.equal(chat?.firstDownAt, 0);
    assert.equal(chat?.restoredAt, hours(8));
    assert.equal(chat?.timeToRestoreMs, hours(8));
    const power = outcome.services.find((s) => s.service === 'power');
    const fire = run.events.find((e) => e.type === 'inject-released' && e.inject === 'inj-fire')!.seq;
    assert.ok(chat?.explanation.events.includes(fire), 'the fire that cut its power is cited');
    assert.ok(power?.explanation.events.includes(fire));
    const trustOutcome = outcome.metrics.find((m) => m.metric === 'trust');
    assert.equal(trustOutcome?.value, 60);
    assert.equal(trustOutcome?.baseline, 45);
    assert.equal(trustOutcome?.score.value, 63.6, '50 + 50 × 15 / 55');
    assert.equal(outcome.score.value, 56.8, 'mean of services 50 and metrics 63.6');
    assert.equal(outcome.score.explanation.key, 'scoring.outcome.score');
  });

  it('runs the baseline only as far as the exercise ran', () => {
    const run = new Run().until(hours(6)).end();
    const { outcome } = computeScores(run.state);
    assert.equal(outcome.baselineUserHoursLost, 6 * 40_000_000 + 6 * 47_000_000);
    assert.equal(outcome.totalUserHoursLost, outcome.baselineUserHoursLost);
  });

  it('scores below 50 when the response made things worse than no response', () => {
    const run = new Run().until(hours(8));
    run.do({
      type: 'release-adhoc-inject',
      inject: {
        id: 'adhoc-cut',
        title: 'Messaging cut again',
        body: 'A botched restart takes messaging down.',
        channel: 'sitrep',
        from: 'op',
        to: ['msit'],
        visibility: 'addressed',
        marking: null,
        effects: { services: [{ id: 'chat', state: 'down' }], metrics: [] },
      },
    });
    run.until(hours(12)).end();
    const { outcome } = computeScores(run.state);
    assert.equal(outcome.totalUserHoursLost, 696_000_000 + 4 * 47_000_000);
    const ratio = outcome.totalUserHoursLost / outcome.baselineUserHoursLost;
    assert.equal(outcome.score.explanation.params['services'], Math.round(10 * 50 * (2 - ratio)) / 10);
    assert.ok(outcome.score.value !== null && outcome.score.value < 50);
  });

  it('has no score before StartEx', () => {
    const run = new Run(MINIMAL, false);
    const { outcome } = computeScores(run.state);
    assert.equal(outcome.score.value, null);
    assert.equal(outcome.score.explanation.key, 'scoring.outcome.not-started');
  });

  it('maps user-hours against the baseline: 50 × (2 − lost / baseline), clamped', () => {
    assert.equal(servicesScore(100, 100), 50);
    assert.equal(servicesScore(0, 100), 100);
    assert.equal(servicesScore(150, 100), 25);
    assert.equal(servicesScore(300, 100), 0);
    assert.equal(servicesScore(0, 0), null, 'nothing at stake');
    assert.equal(servicesScore(5, 0), 0);
  });

  it('maps a metric: 50 at the baseline, 100 at its best bound, 0 at its worst', () => {
    assert.equal(metricScore(trust, 45, 45), 50);
    assert.equal(metricScore(trust, 100, 45), 100);
    assert.equal(metricScore(trust, 0, 45), 0);
    assert.equal(metricScore(trust, 22.5, 45), 25);
    assert.equal(metricScore(victims, 0, 400), 100);
    assert.equal(metricScore(victims, 200, 400), 75);
    assert.equal(metricScore(victims, 700, 400), 25);
    assert.equal(metricScore(victims, 0, 0), 50, 'already at its best without a response');
  });
});

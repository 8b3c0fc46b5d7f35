import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEGRADED_WEIGHT, totalUserHoursLost, userHoursLost } from '../../../src-main/core/engine/index.ts';
import { propagate } from '../../../src-main/core/engine/cascade.ts';
import { Scenario } from '../../../src-main/core/scenario/schema.ts';
import { at, created, given, minutes, started, tick } from './harness.ts';
import { fixture, fixtureInput } from './fixture.ts';

function effective(state: { services: Readonly<Record<string, { effective: string }>> }): Record<string, string> {
  return Object.fromEntries(Object.entries(state.services).map(([id, s]) => [id, s.effective]));
}

describe('the service cascade', () => {
  it('propagates a hard dependency down as down and a soft one as degraded', () => {
    const state = given(created, started).when(at(10, tick)).then({ type: 'inject-released', inject: 'I-01' });
    assert.deepEqual(effective(state), { 'dc-power': 'down', login: 'down', messaging: 'down', pay: 'degraded' });
    assert.equal(state.services['login']?.set, 'up', 'only the power was set down; the rest is propagated');
  });

  it('passes degraded on through hard dependencies and un-propagates on restoration', () => {
    const { session } = given(created, started, at(90, tick));
    assert.deepEqual(effective(session.state), {
      'dc-power': 'degraded',
      login: 'degraded',
      messaging: 'degraded',
      pay: 'degraded',
    });
    session.run(at(180, tick));
    assert.deepEqual(effective(session.state), { 'dc-power': 'up', login: 'up', messaging: 'up', pay: 'up' });
    assert.deepEqual(session.state.services['messaging']?.history, [
      { at: 0, state: 'up' },
      { at: minutes(10), state: 'down' },
      { at: minutes(90), state: 'degraded' },
      { at: minutes(180), state: 'up' },
    ]);
  });

  it('keeps a service down by its own set state when its dependency recovers (worst of own and propagated)', () => {
    const set = { 'dc-power': 'up', login: 'down', messaging: 'up', pay: 'up' } as const;
    assert.deepEqual(propagate(fixture.services, set), {
      'dc-power': 'up',
      login: 'down',
      messaging: 'down',
      pay: 'degraded',
    });
  });

  it('terminates on a dependency cycle', () => {
    const cyclic = Scenario.parse({
      ...fixtureInput,
      services: [
        { id: 'a', name: 'A', users: 1, dependsOn: [{ service: 'b', kind: 'hard' }] },
        { id: 'b', name: 'B', users: 1, dependsOn: [{ service: 'a', kind: 'soft' }], initial: 'down' },
      ],
    }).services;
    assert.deepEqual(propagate(cyclic, { a: 'up', b: 'down' }), { a: 'down', b: 'down' });
  });
});

describe('user-hours lost', () => {
  it('integrates users × hours down plus half the hours degraded over scenario time', () => {
    const { session } = given(created, started, at(240, tick));
    const state = session.state;
    // login: down T+00:10–01:30 (80 min), degraded 01:30–03:00 (90 min), 1000 users.
    assert.equal(state.services['login']?.downMs, minutes(80));
    assert.equal(state.services['login']?.degradedMs, minutes(90));
    assert.equal(DEGRADED_WEIGHT, 0.5);
    assert.equal(userHoursLost(state, 'login'), (1000 * (80 + 0.5 * 90)) / 60);
    // pay is soft-dependent: degraded the whole 170 minutes, 2000 users.
    assert.equal(userHoursLost(state, 'pay'), (2000 * 0.5 * 170) / 60);
    assert.equal(userHoursLost(state, 'dc-power'), 0, 'no users, no user-hours');
    const expected = (1000 * (80 + 45)) / 60 + (4000 * (80 + 45)) / 60 + (2000 * 85) / 60;
    assert.ok(Math.abs(totalUserHoursLost(state) - expected) < 1e-9);
  });

  it('counts the open stretch since the latest event up to a queried time, and nothing while paused', () => {
    const { session } = given(created, started, at(10, tick), at(40, { type: 'pause-clock' }));
    assert.equal(userHoursLost(session.state, 'login'), (1000 * 30) / 60);
    session.run(at(100, { type: 'resume-clock' }));
    assert.equal(userHoursLost(session.state, 'login', minutes(46)), (1000 * 36) / 60);
  });
});

describe('metrics', () => {
  it('move by effects and stay within their range', () => {
    const { session } = given(created, started, at(240, tick));
    // 60 − 10 (hold) − 15 (silent) − 20 (outrage) = 15.
    assert.equal(session.state.metrics['trust']?.value, 15);
    const adhoc = (id: string, delta: number) =>
      ({
        type: 'release-adhoc-inject',
        inject: {
          id,
          title: 't',
          body: 'b',
          channel: 'news',
          from: 'press',
          to: ['all'],
          visibility: 'public',
          marking: null,
          effects: { services: [], metrics: [{ id: 'trust', delta }] },
        },
      }) as const;
    session.run(at(241, adhoc('X-low', -500)));
    assert.equal(session.state.metrics['trust']?.value, 0);
    session.run(at(242, adhoc('X-high', 500)));
    assert.equal(session.state.metrics['trust']?.value, 100);
  });
});

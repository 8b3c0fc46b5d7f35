/**
 * Who may grow a list in place (`records.ts`): a transient fold only what it made itself; a
 * borrowing fold anything, cut back when it ends (even by an exception); an owning fold anything,
 * for good. And the folds built on them give the states plain `evolve` gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evolve, replay, type ExerciseEvent, type ExerciseState } from '../../../src-main/core/engine/index.ts';
import { append, appendAll, borrowing, owning, transient } from '../../../src-main/core/engine/records.ts';
import { MSIT, Session, at, created, started, tick } from './harness.ts';

function playedSession(): Session {
  const session = new Session();
  session.run(created);
  session.run(started);
  session.run(at(12, tick));
  session.run(at(14, { type: 'log-action', cell: 'msit', text: 'Called the operator', tasks: [] }, MSIT));
  session.run(at(15, { type: 'add-control-log', text: 'Note' }));
  return session;
}

/** More events on top of a session's state, decided but not applied. */
function moreEvents(session: Session): readonly ExerciseEvent[] {
  const extra = new Session();
  extra.apply(session.events);
  extra.run(at(20, { type: 'log-action', cell: 'msit', text: 'Second call', tasks: [] }, MSIT));
  extra.run(at(41, tick));
  extra.run(at(42, { type: 'add-control-log', text: 'Later' }));
  return extra.events.slice(session.events.length);
}

describe('list ownership in folds', () => {
  it('outside any fold, append copies', () => {
    const list: readonly number[] = [1, 2];
    const next = append(list, 3);
    assert.deepEqual(list, [1, 2]);
    assert.deepEqual(next, [1, 2, 3]);
  });

  it('a transient fold copies a list it did not make once, then grows its copy in place', () => {
    const outside: readonly number[] = [1];
    let kept: readonly number[] = [];
    transient(() => {
      const first = append(outside, 2);
      assert.notEqual(first, outside);
      const second = appendAll(first, [3, 4]);
      assert.equal(second, first, 'grown in place');
      kept = second;
    });
    assert.deepEqual(outside, [1]);
    // Once the fold has returned, its lists are as immutable as any.
    const after = append(kept, 5);
    assert.notEqual(after, kept);
    assert.deepEqual(kept, [1, 2, 3, 4]);
  });

  it('a borrowing fold gives every list back at its old length, also when it throws', () => {
    const list: readonly string[] = ['a'];
    const seen = borrowing(() => append(append(list, 'b'), 'c').length);
    assert.equal(seen, 3);
    assert.deepEqual(list, ['a']);
    assert.throws(() =>
      borrowing(() => {
        append(list, 'x');
        throw new Error('refused');
      }),
    );
    assert.deepEqual(list, ['a']);
  });

  it('a borrowing fold copies a frozen list instead of failing on it', () => {
    const frozen = Object.freeze(['a']);
    const grown = borrowing(() => append(frozen, 'b'));
    assert.deepEqual(grown, ['a', 'b']);
    assert.deepEqual(frozen, ['a']);
  });

  it('evolving inside a borrowing fold sees the same states and leaves the caller’s state as it was', () => {
    const session = playedSession();
    const held = session.state;
    const snapshot = structuredClone(held);
    const events = moreEvents(session);
    const expected = events.reduce(evolve, held);
    const inside = borrowing(() => structuredClone(events.reduce(evolve, held)));
    assert.deepStrictEqual(inside, structuredClone(expected));
    assert.deepStrictEqual(held, snapshot);
  });

  it('an owning fold ends in the state plain evolve gives', () => {
    const session = playedSession();
    const events = moreEvents(session);
    const expected = structuredClone(events.reduce(evolve, session.state));
    let state: ExerciseState = replay(session.state.scenario, session.events);
    for (const event of events) state = owning(() => evolve(state, event));
    assert.deepStrictEqual(state, expected);
    assert.deepStrictEqual(replay(state.scenario, state.log), state);
  });
});

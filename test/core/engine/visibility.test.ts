import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visibleInjects } from '../../../src-main/core/engine/index.ts';
import { MSIT, at, created, given, started, tick } from './harness.ts';

const ids = (views: readonly { id: string }[]) => views.map((v) => v.id);

describe('need-to-know', () => {
  // By T+00:41: I-01 (to msit, nis), I-02 (to msit, public), I-04 (to msit, nis), I-03 (to msit).
  const { session } = given(created, started, at(41, tick));

  it('shows a cell what is addressed to it or public, in release order', () => {
    assert.deepEqual(ids(visibleInjects(session.state, 'msit')), ['I-01', 'I-02', 'I-04', 'I-03']);
    assert.deepEqual(ids(visibleInjects(session.state, 'nis')), ['I-01', 'I-02', 'I-04']);
    assert.deepEqual(ids(visibleInjects(session.state, 'mnd')), ['I-02']);
  });

  it('shows the control cell every released inject and nothing unreleased', () => {
    assert.deepEqual(ids(visibleInjects(session.state, 'ctrl')), ['I-01', 'I-02', 'I-04', 'I-03']);
  });

  it('never includes facilitator notes, expected actions, effects or option scores', () => {
    const json = JSON.stringify([...visibleInjects(session.state, 'msit'), ...visibleInjects(session.state, 'ctrl')]);
    assert.doesNotMatch(json, /FACILITATOR ONLY/);
    for (const key of ['"notes"', '"expects"', '"effects"', '"score"', '"rationale"'])
      assert.ok(!json.includes(key), key);
    const view = visibleInjects(session.state, 'msit').find((v) => v.id === 'I-03');
    assert.deepEqual(
      view?.decision?.options.map((o) => o.id),
      ['raise', 'hold'],
    );
    assert.equal(view?.decision?.status, 'open');
  });

  it('shows an inject to a cell it was shared with, and records who shared it', () => {
    const { session: s } = given(created, started, at(41, tick));
    s.run(at(42, { type: 'share-inject', inject: 'I-03', fromCell: 'msit', toCells: ['mnd'] }, MSIT));
    const mnd = visibleInjects(s.state, 'mnd');
    assert.deepEqual(ids(mnd), ['I-02', 'I-03']);
    assert.deepEqual(mnd[1]?.sharedBy, ['msit']);
    assert.deepEqual(ids(visibleInjects(s.state, 'nis')), ['I-01', 'I-02', 'I-04'], 'only the named cells');
  });

  it('refuses to share or acknowledge an inject the cell never received', () => {
    given(created, started, at(41, tick))
      .when(at(42, { type: 'share-inject', inject: 'I-03', fromCell: 'mnd', toCells: ['nis'] }))
      .thenRefused('not-visible');
    given(created, started, at(41, tick))
      .when(at(42, { type: 'acknowledge-inject', inject: 'I-03', cell: 'nis' }))
      .thenRefused('not-visible');
    given(created, started)
      .when(at(1, { type: 'acknowledge-inject', inject: 'I-01', cell: 'msit' }))
      .thenRefused('inject-not-released');
  });

  it('records one acknowledgement per cell', () => {
    const { session: s } = given(
      created,
      started,
      at(11, tick),
      at(12, { type: 'acknowledge-inject', inject: 'I-01', cell: 'msit' }, MSIT),
    );
    assert.equal(visibleInjects(s.state, 'msit')[0]?.acknowledged, true);
    assert.equal(visibleInjects(s.state, 'nis')[0]?.acknowledged, false);
    s.refuse(at(13, { type: 'acknowledge-inject', inject: 'I-01', cell: 'msit' }, MSIT), 'already-acknowledged');
  });
});

/**
 * The facilitator's AAR/IP draft as journal events: save (create or replace), remove, finalise,
 * reopen — the decide rules and refusals, the fold, and replay equality.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decide, project, type Command } from '../../../src-main/core/engine/index.ts';
import { applyReport } from '../../../src-main/core/engine/apply-report.ts';
import { AAR_LIMITS, isPlanDate } from '../../../src-main/core/engine/decide-report.ts';
import { EMPTY_DRAFT, type AarItem } from '../../../src-main/core/report/draft.ts';
import { fixture } from './fixture.ts';
import { FACILITATOR, MSIT, Session, at, created, given, started, wall } from './harness.ts';

const strength: AarItem = { kind: 'strength', capability: 'opcoord', cell: 'msit', text: 'MSIT opened its situation room in 20 minutes' };
const improvement: AarItem = {
  kind: 'improvement',
  capability: 'pubinfo',
  cell: null,
  text: 'Users were told nothing for three hours',
  reference: 'Telecommunications Business Act art. 32',
  analysis: 'No pre-approved notice template',
};
function planRow(link: string | null, changes: Partial<Extract<AarItem, { kind: 'plan' }>> = {}): AarItem {
  return {
    kind: 'plan',
    capability: 'pubinfo',
    improvement: link,
    issue: 'No notice template',
    correctiveAction: 'Pre-approve a bilingual outage notice',
    element: 'planning',
    organisation: 'MSIT',
    contact: 'Kim, network policy',
    start: '2026-06-01',
    completion: '2026-09-30',
    priority: 'high',
    status: 'not-started',
    ...changes,
  };
}
const save = (id: string, item: AarItem): Command => ({ type: 'save-aar-item', id, item });
const remove = (id: string): Command => ({ type: 'remove-aar-item', id });
const finalise: Command = { type: 'finalise-aar' };
const reopen: Command = { type: 'reopen-aar' };
const ended = at(30, { type: 'end-exercise' });

describe('AAR draft: saving items', () => {
  it('records a saved strength during conduct and folds it into the draft with its seq', () => {
    const state = given(created, started)
      .when(at(5, save('s1', strength)))
      .then({ type: 'aar-item-saved', id: 's1', item: strength });
    assert.deepEqual(state.aar.items, [{ id: 's1', item: strength, seq: state.lastSeq }]);
    assert.equal(state.aar.finalised, null);
  });

  it('replaces an item in place (first-saved order kept) and refuses a save that changes nothing', () => {
    const { session } = given(created, started, at(5, save('s1', strength)), at(6, save('i1', improvement)));
    const edited = { ...strength, text: 'MSIT opened its situation room in 15 minutes' };
    session.run(at(7, save('s1', edited)));
    assert.deepEqual(
      session.state.aar.items.map((i) => [i.id, i.item.kind === 'strength' ? i.item.text : i.item.kind]),
      [
        ['s1', edited.text],
        ['i1', 'improvement'],
      ],
    );
    assert.equal(session.state.aar.items[0]?.seq, session.state.lastSeq, 'the seq of the last save');
    const message = session.refuse(at(8, save('s1', edited)), 'no-change');
    assert.match(message, /already saved/);
  });

  it('is allowed after EndEx, and refused before StartEx or from a player cell', () => {
    given(created, started, ended).when(at(40, save('s1', strength))).then({ type: 'aar-item-saved' });
    const early = given(created).when(at(-5, save('s1', strength))).thenRefused('not-started');
    assert.match(early, /StartEx/);
    const player = given(created, started).when(at(5, save('s1', strength), MSIT)).thenRefused('not-control');
    assert.match(player, /after-action report/);
  });

  it('checks capability, cell, texts, dates, ids and enums with messages that say what to do', () => {
    const { session } = given(created, started, at(5, save('i1', improvement)));
    const refuse = (item: unknown, code: Parameters<Session['refuse']>[1], id = 'x1') =>
      session.refuse(at(6, save(id, item as AarItem)), code);
    assert.match(refuse({ ...strength, capability: 'nope' }, 'unknown-capability'), /no core capability "nope"/);
    assert.match(refuse({ ...strength, cell: 'atlantis' }, 'unknown-cell'), /no cell "atlantis"/);
    assert.match(refuse({ ...strength, text: '   ' }, 'invalid-command'), /Write the strength/);
    assert.match(refuse({ ...strength, text: 'x'.repeat(AAR_LIMITS.longText + 1) }, 'invalid-command'), /too long/);
    assert.match(refuse({ ...improvement, text: '' }, 'invalid-command'), /area for improvement/);
    assert.match(refuse({ ...improvement, reference: 'r'.repeat(AAR_LIMITS.reference + 1) }, 'invalid-command'), /reference is too long/);
    assert.match(refuse(planRow('i1', { start: '2026-02-30' }), 'invalid-command'), /start date is a calendar date written YYYY-MM-DD/);
    assert.match(refuse(planRow('i1', { completion: '30/09/2026' }), 'invalid-command'), /completion date/);
    assert.match(refuse(planRow('i1', { start: '2026-10-01' }), 'invalid-command'), /before the start date/);
    assert.match(refuse(planRow('i1', { issue: '' }), 'invalid-command'), /Write the issue/);
    assert.match(refuse(planRow('i1', { correctiveAction: ' ' }), 'invalid-command'), /corrective action/);
    assert.match(refuse({ ...planRow('i1'), element: 'people' }, 'invalid-command'), /POETE.*planning, organisation/);
    assert.match(refuse({ ...planRow('i1'), priority: 'urgent' }, 'invalid-command'), /priority/);
    assert.match(refuse({ ...planRow('i1'), status: 'done' }, 'invalid-command'), /status/);
    assert.match(refuse({ ...strength, kind: 'lesson' }, 'invalid-command'), /strength, an area for improvement or an improvement-plan row/);
    assert.match(refuse(strength, 'invalid-command', 'has space'), /item id/);
    assert.match(refuse(strength, 'invalid-command', 'x'.repeat(AAR_LIMITS.id + 1)), /item id/);
    assert.match(refuse(strength, 'invalid-command', 'i1'), /is an area for improvement; an item keeps its kind/);
    // Empty dates and an empty organisation are a draft's normal state.
    session.run(at(7, save('p1', planRow('i1', { start: '', completion: '', organisation: '', contact: '' }))));
  });

  it('links a plan row only to an area for improvement in the draft', () => {
    const { session } = given(created, started, at(5, save('s1', strength)), at(6, save('i1', improvement)));
    assert.match(session.refuse(at(7, save('p1', planRow('i9'))), 'invalid-command'), /no area for improvement "i9"/);
    assert.match(session.refuse(at(7, save('p1', planRow('s1'))), 'invalid-command'), /is a strength; a plan row answers/);
    session.run(at(7, save('p1', planRow('i1'))));
    session.run(at(8, save('p2', planRow(null, { issue: 'Backup site untested' }))));
    assert.deepEqual(
      session.state.aar.items.map((i) => i.id),
      ['s1', 'i1', 'p1', 'p2'],
    );
  });

  it('records only the item fields, whatever else an unchecked command carries', () => {
    const sneaky = { ...strength, extra: '<script>' } as unknown as AarItem;
    const state = given(created, started).when(at(5, save('s1', sneaky))).then({ type: 'aar-item-saved', item: strength });
    assert.deepEqual(state.aar.items[0]?.item, strength);
  });
});

describe('AAR draft: removing items', () => {
  it('removes an item; an unknown id is refused', () => {
    const { session } = given(created, started, at(5, save('s1', strength)), at(6, save('s2', { ...strength, text: 'Second' })));
    session.run(at(7, remove('s1')));
    assert.deepEqual(session.state.aar.items.map((i) => i.id), ['s2']);
    assert.match(session.refuse(at(8, remove('s1')), 'unknown-aar-item'), /no item "s1"/);
  });

  it('refuses to remove an area for improvement that plan rows answer, naming them', () => {
    const { session } = given(created, started, at(5, save('i1', improvement)), at(6, save('p1', planRow('i1'))));
    const message = session.refuse(at(7, remove('i1')), 'aar-item-in-use');
    assert.match(message, /An improvement-plan row answers this area for improvement \("No notice template"\)/);
    assert.match(message, /Link it to another area for improvement or remove it first/);
    session.run(at(8, save('p1', planRow(null))));
    session.run(at(9, remove('i1')));
    assert.deepEqual(session.state.aar.items.map((i) => i.id), ['p1']);
  });
});

describe('AAR draft: finalising and reopening', () => {
  it('finalises only after EndEx, freezes the draft until reopened, and refuses repeats', () => {
    const { session } = given(created, started, at(5, save('s1', strength)));
    assert.match(session.refuse(at(6, finalise), 'aar-not-ended'), /End the exercise \(EndEx\) before finalising/);
    assert.match(session.refuse(at(6, reopen), 'no-change'), /still a draft/);
    session.run(ended);
    const [event] = session.run(at(40, finalise));
    assert.equal(event?.type, 'aar-finalised');
    assert.deepEqual(session.state.aar.finalised, { seq: event.seq, wallTime: new Date(wall(40)).toISOString() });
    assert.match(session.refuse(at(41, save('s2', strength)), 'aar-final'), /final\. Reopen it before changing it/);
    assert.match(session.refuse(at(41, remove('s1')), 'aar-final'), /Reopen it/);
    assert.match(session.refuse(at(41, finalise), 'no-change'), /already final \(since event #\d+\)/);
    session.refuse(at(41, finalise, MSIT), 'not-control');
    session.run(at(42, reopen));
    assert.equal(session.state.aar.finalised, null);
    session.run(at(43, save('s1', { ...strength, text: 'Edited after reopening' })));
    session.run(at(44, finalise));
    assert.notEqual(session.state.aar.finalised, null);
  });

  it('is not correctable: a draft is changed by editing it again', () => {
    const { session } = given(created, started, at(5, save('s1', strength)));
    const seq = session.state.lastSeq;
    session.refuse(at(6, { type: 'retract-event', target: seq, reason: 'oops' }), 'not-correctable');
  });
});

describe('AAR draft: the fold', () => {
  it('a replay of the journal gives the live draft', () => {
    const session = new Session();
    for (const step of [
      created,
      started,
      at(5, save('s1', strength)),
      at(6, save('i1', improvement)),
      at(7, save('p1', planRow('i1'))),
      at(8, save('s1', { ...strength, cell: null })),
      at(9, remove('s1')),
      ended,
      at(40, finalise),
      at(41, reopen),
      at(42, save('i1', { ...improvement, analysis: 'Notice approval needs the minister' })),
      at(43, finalise),
    ])
      session.run(step);
    const replayed = project(fixture, session.events);
    assert.deepEqual(replayed, session.state);
    assert.deepEqual(replayed.aar.items.map((i) => i.id), ['i1', 'p1']);
    assert.notEqual(replayed.aar.finalised, null);
  });

  it('is lenient with facts that no longer fit (unknown removal, repeated finalise)', () => {
    const meta = { v: 1, seq: 3, wallTime: '2026-05-12T00:00:00.000Z', scenarioTime: 0, actor: FACILITATOR } as const;
    assert.equal(applyReport(EMPTY_DRAFT, meta, { type: 'aar-item-removed', id: 'ghost' }), EMPTY_DRAFT);
    assert.equal(applyReport(EMPTY_DRAFT, meta, { type: 'aar-reopened' }), EMPTY_DRAFT);
    const final = applyReport(EMPTY_DRAFT, meta, { type: 'aar-finalised' });
    assert.equal(applyReport(final, { ...meta, seq: 9 }, { type: 'aar-finalised' }), final, 'the first finalisation stands');
  });

  it('keeps calendar dates honest', () => {
    for (const good of ['', '2026-01-31', '2028-02-29', '2000-02-29']) assert.ok(isPlanDate(good), good);
    for (const bad of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-1', '2026-00-10', ' 2026-01-01'])
      assert.ok(!isPlanDate(bad), bad);
  });
});

describe('AAR draft: any sequence of edits', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const edit: fc.Arbitrary<Command> = fc.oneof(
    fc.constantFrom(...ids).map((id) => save(id, strength)),
    fc.tuple(fc.constantFrom(...ids), fc.string({ maxLength: 8 })).map(([id, text]) => save(id, { ...improvement, text: `Finding ${text}` })),
    fc.tuple(fc.constantFrom(...ids), fc.constantFrom(null, ...ids)).map(([id, link]) => save(id, planRow(link))),
    fc.constantFrom(...ids).map(remove),
    fc.constantFrom(finalise, reopen),
  );

  it('never leaves a plan row linked to a missing item or a non-improvement, and replays to the live state', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), fc.integer({ min: 0, max: 30 }), (commands, endAt) => {
        const session = new Session();
        session.run(created);
        session.run(started);
        commands.forEach((command, n) => {
          if (n === endAt) session.run(at(n + 1, { type: 'end-exercise' }));
          const result = decide(command, session.state, { now: wall(n + 1), actor: FACILITATOR });
          if (result.ok) session.apply(result.value);
        });
        const draft = session.state.aar;
        for (const { item } of draft.items) {
          if (item.kind !== 'plan' || item.improvement === null) continue;
          assert.equal(draft.items.find((i) => i.id === item.improvement)?.item.kind, 'improvement');
        }
        assert.equal(new Set(draft.items.map((i) => i.id)).size, draft.items.length, 'ids unique');
        assert.deepEqual(project(fixture, session.events), session.state);
      }),
      { numRuns: 150 },
    );
  });
});

// Need-to-know for seats, on the shipped Pangyo scenario played far in: a seat acts only as its
// own cell or evaluator, sees only what is addressed to its cell, shared with it, or public; the
// display and observers see public material only; no facilitator note reaches any seat.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Command, ExerciseState } from '../../../src-main/core/engine/index.ts';
import { visibleTo } from '../../../src-main/core/engine/guards.ts';
import { authorizeCommand } from '../../../src-main/services/room/authorize.ts';
import type { SeatIdentity } from '../../../src-main/services/room/seat.ts';
import { publicInjects, seatView } from '../../../src-main/services/room/seat-view.ts';
import { ExerciseService } from '../../../src-main/services/exercise-service.ts';
import { resolveScenario } from '../../../src-main/services/scenario-library.ts';
import { SCENARIOS } from '../../helpers/paths.ts';
import { tempDataDir, virtualClock } from '../support.ts';

const CONTROL = { person: 'facilitator', cell: 'control' };
const seatOf = (role: SeatIdentity['role'], cell: string | null, evaluator: string | null = null): SeatIdentity => ({ id: `seat-${role}`, exerciseId: 'x', role, cell, evaluator, label: role });

let state: ExerciseState;
const HEAD = { seq: 1, hash: 'h' };
let notes: string[] = [];

before(async () => {
  const loaded = await resolveScenario(join(SCENARIOS, 'pangyo-datacenter-fire.yaml'));
  const service = new ExerciseService(await tempDataDir(), { now: virtualClock().now });
  const { session, created } = await service.create(
    loaded,
    {
      title: 'Seat access',
      date: '2026-11-30',
      venue: 'Room',
      marking: 'EXERCISE',
      language: 'en',
      participants: [
        { id: 'p-msit', name: 'Kim', cell: 'msit' },
        { id: 'p-kisa', name: 'Lee', cell: 'kisa' },
        { id: 'p-nis', name: 'Han', cell: 'nis' },
      ],
      evaluators: [{ id: 'ev-1', name: 'Park' }],
      clock: { mode: 'stepped' },
    },
    CONTROL,
  );
  assert.ok(created.ok);
  const run = async (command: Command, actor = CONTROL) => assert.ok((await session.dispatch(command, actor)).ok, command.type);
  await run({ type: 'start-exercise' });
  for (let i = 0; i < 12; i++) await run({ type: 'step-clock', by: 30 * 60_000 });
  await run({ type: 'record-observation', evaluator: 'ev-1', text: 'EVALUATOR-ONLY OBSERVATION', cell: 'msit', tasks: [] });
  const target = loaded.scenario.targets[0]!.id;
  await run({ type: 'rate-target', evaluator: 'ev-1', target, rating: 'S', notes: 'EVALUATOR-RATING-NOTES' });
  await run({ type: 'add-control-log', text: 'CONTROL-LOG-TEXT' });
  state = session.state;
  const collect = (value: unknown): void => {
    if (typeof value === 'string') notes.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const inject of loaded.scenario.injects) collect((inject as { notes?: unknown }).notes);
  notes = notes.filter((n) => n.trim().length > 12);
  await service.closeAll();
});

describe('what a seat sees', () => {
  test('the scenario has facilitator notes and many released injects (the test is not vacuous)', () => {
    assert.ok(notes.length > 20, `${notes.length} notes`);
    assert.ok(Object.values(state.injects).filter((i) => i.status.kind === 'released').length > 10);
  });

  test('a player seat sees exactly the injects its cell may see, and nothing addressed only to others', () => {
    for (const cell of ['msit', 'kisa', 'nis']) {
      const view = seatView(state, seatOf('player', cell), HEAD);
      const expected = Object.keys(state.injects).filter((id) => visibleTo(state, id, cell)).sort();
      assert.deepEqual(view.injects.map((i) => i.id).sort(), expected, cell);
      assert.ok(view.injects.length > 0);
    }
    const released = Object.keys(state.injects).filter((id) => state.injects[id]!.status.kind === 'released');
    const nis = new Set(seatView(state, seatOf('player', 'nis'), HEAD).injects.map((i) => i.id));
    assert.ok(released.some((id) => !nis.has(id)), 'some released injects are withheld from nis');
  });

  test('the display and observers see public injects only, without any cell’s dealings', () => {
    const pub = publicInjects(state);
    assert.ok(pub.length > 0);
    for (const role of ['display', 'observer'] as const) {
      const view = seatView(state, seatOf(role, null), HEAD);
      assert.deepEqual(view.injects.map((i) => i.id), pub.map((i) => i.id));
      for (const inject of view.injects) {
        const definition = state.scenario.injects.find((i) => i.id === inject.id) ?? state.adhoc[inject.id];
        assert.equal(definition?.visibility, 'public', inject.id);
        assert.equal(inject.decision, null);
      }
      assert.deepEqual(view.tasks, []);
      assert.deepEqual(view.decisions, []);
    }
  });

  test('no facilitator note, evaluator text or control log reaches any seat', () => {
    const roles: SeatIdentity[] = [seatOf('player', 'msit'), seatOf('player', 'kisa'), seatOf('player', 'nis'), seatOf('display', null), seatOf('observer', null), seatOf('evaluator', null, 'ev-1')];
    for (const seat of roles) {
      const json = JSON.stringify(seatView(state, seat, HEAD));
      assert.ok(!/"notes"|"expects"|"score"/.test(json), `${seat.role}: no notes/expects/score fields`);
      for (const note of notes) assert.ok(!json.includes(note), `${seat.role} ${seat.cell ?? ''} leaks a note: ${note.slice(0, 40)}`);
      for (const secret of ['EVALUATOR-ONLY OBSERVATION', 'EVALUATOR-RATING-NOTES', 'CONTROL-LOG-TEXT']) assert.ok(!json.includes(secret), `${seat.role}: ${secret}`);
    }
  });
});

describe('what a seat may do', () => {
  const msit = seatOf('player', 'nis');
  const visibleToMsit = () => Object.keys(state.injects).find((id) => visibleTo(state, id, 'nis'))!;
  const hiddenFromMsit = () => {
    const id = Object.keys(state.injects).find((i) => state.injects[i]!.status.kind === 'released' && !visibleTo(state, i, 'nis'));
    assert.ok(id, 'a released inject hidden from nis exists');
    return id;
  };

  test('a player seat acts as its own cell, with an actor the server chooses', () => {
    const allowed = authorizeCommand(msit, { type: 'log-action', cell: 'nis', text: 'ok', tasks: [] }, state);
    assert.deepEqual(allowed, { ok: true, actor: { person: 'p-nis', cell: 'nis' } });
    assert.ok(authorizeCommand(msit, { type: 'acknowledge-inject', inject: visibleToMsit(), cell: 'nis' }, state).ok);
    assert.ok(authorizeCommand(msit, { type: 'share-inject', inject: visibleToMsit(), fromCell: 'nis', toCells: ['kisa'] }, state).ok);
  });

  test('a player seat cannot act for another cell, nor touch what it cannot see, nor run the exercise', () => {
    const refused: Command[] = [
      { type: 'log-action', cell: 'kisa', text: 'as kisa', tasks: [] },
      { type: 'record-decision', cell: 'msit', choice: null, text: 'as msit', rationale: '' },
      { type: 'share-inject', inject: visibleToMsit(), fromCell: 'kisa', toCells: ['nis'] },
      { type: 'acknowledge-inject', inject: hiddenFromMsit(), cell: 'nis' },
      { type: 'share-inject', inject: hiddenFromMsit(), fromCell: 'nis', toCells: ['kisa'] },
      { type: 'add-hotwash-note', cell: 'kisa', kind: 'strength', capability: null, text: 'x' },
      { type: 'record-feedback', participant: 'p-kisa', ratings: [], strengths: [], improvements: [], comment: '' },
      { type: 'release-inject', inject: 'inj-cctv' },
      { type: 'end-exercise' },
      { type: 'record-observation', evaluator: 'ev-1', text: 'x', cell: null, tasks: [] },
      { type: 'retract-event', target: 3, reason: 'x' },
    ];
    for (const command of refused) assert.equal(authorizeCommand(msit, command, state).ok, false, JSON.stringify(command));
  });

  test('an evaluator seat evaluates only as itself; display and observer seats record nothing', () => {
    const evaluator = seatOf('evaluator', null, 'ev-1');
    assert.ok(authorizeCommand(evaluator, { type: 'record-observation', evaluator: 'ev-1', text: 'x', cell: null, tasks: [] }, state).ok);
    assert.equal(authorizeCommand(evaluator, { type: 'record-observation', evaluator: 'ev-2', text: 'x', cell: null, tasks: [] }, state).ok, false);
    assert.equal(authorizeCommand(evaluator, { type: 'log-action', cell: 'msit', text: 'x', tasks: [] }, state).ok, false);
    for (const role of ['display', 'observer'] as const) {
      assert.equal(authorizeCommand(seatOf(role, null), { type: 'log-action', cell: 'msit', text: 'x', tasks: [] }, state).ok, false);
    }
  });
});

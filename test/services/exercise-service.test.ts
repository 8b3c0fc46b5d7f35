import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { replay } from '../../src-main/core/engine/index.ts';
import { ExerciseService } from '../../src-main/services/exercise-service.ts';
import { eventsFromEntries } from '../../src-main/services/exercise-session.ts';
import { nodeFileSystem } from '../../src-main/store/file-system.ts';
import type { FileSystem } from '../../src-main/store/file-system.ts';
import { FACILITATOR, KISA, MSIT, SETUP, minimalScenario, tempDataDir, virtualClock } from './support.ts';

const MINUTE = 60_000;

describe('the exercise service', () => {
  test('given a new exercise, when commands are dispatched, then each is journaled and acknowledged with its seq and head', async () => {
    const dataDir = await tempDataDir();
    const clock = virtualClock();
    const service = new ExerciseService(dataDir, { now: clock.now });
    const { session, created } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    assert.ok(created.ok);
    const started = await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
    assert.ok(started.ok);
    assert.deepEqual(started.events.map((e) => e.type), ['exercise-started', 'inject-released'], 'StartEx releases the T+00:00 inject');
    assert.equal(started.head.seq, 3);
    const lines = (await readFile(session.journalPath, 'utf8')).trim().split('\n');
    assert.equal(lines.length, 3, 'acknowledged means on disk');
    assert.equal((JSON.parse(lines[2]!) as { hash: string }).hash, started.head.hash);
    await service.closeAll();
  });

  test('given a played exercise, when it is reopened, then the replayed state equals the live state', async () => {
    const dataDir = await tempDataDir();
    const clock = virtualClock();
    const service = new ExerciseService(dataDir, { now: clock.now });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
    clock.advance(3 * MINUTE); // ×60: three hours of scenario time
    await session.dispatch({ type: 'record-decision', cell: 'kisa', choice: { point: 'dp-advisory', option: 'now' }, text: 'Advise now', rationale: 'Early' }, KISA);
    await session.dispatch({ type: 'log-action', cell: 'msit', text: 'Room open', tasks: ['task-room'] }, MSIT);
    await session.dispatch({ type: 'retract-event', target: 6, reason: 'Recorded for the wrong cell' }, FACILITATOR);
    const live = session.state;
    await service.closeAll();

    const reopened = await new ExerciseService(dataDir, { now: clock.now }).open(session.id);
    assert.deepEqual(reopened.state, live);
    assert.equal(reopened.head.hash, session.head.hash);
    await reopened.close();
  });

  test('given a command the engine refuses, then nothing is written and the reason is given', async () => {
    const dataDir = await tempDataDir();
    const service = new ExerciseService(dataDir, { now: virtualClock().now });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    const before = session.head;
    const result = await session.dispatch({ type: 'pause-clock' }, FACILITATOR);
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.error.code, 'refused');
    assert.deepEqual(session.head, before);
    await service.closeAll();
  });

  test('given the disk fails during an append, then the command is NOT recorded, the exercise turns read-only, and a reopen holds only what was acknowledged', async () => {
    const dataDir = await tempDataDir();
    let failSync = false;
    const faulty: FileSystem = {
      ...nodeFileSystem,
      fdatasync: (file) => (failSync ? Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })) : nodeFileSystem.fdatasync(file)),
    };
    const clock = virtualClock();
    const service = new ExerciseService(dataDir, { now: clock.now, fs: faulty });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    const started = await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
    assert.ok(started.ok);
    failSync = true;
    const lost = await session.dispatch({ type: 'set-alert-level', level: 'caution', reason: 'outage' }, MSIT);
    assert.equal(lost.ok, false);
    assert.equal(lost.ok ? '' : lost.error.code, 'not-recorded');
    assert.match(lost.ok ? '' : lost.error.message, /NOT RECORDED/);
    const after = await session.dispatch({ type: 'set-alert-level', level: 'caution', reason: 'again' }, MSIT);
    assert.equal(after.ok ? '' : after.error.code, 'read-only');
    await service.closeAll();

    const reopened = await new ExerciseService(dataDir, { now: clock.now }).open(session.id);
    assert.equal(reopened.head.seq, started.head.seq);
    assert.equal(reopened.state.alert.level, 'none');
    await reopened.close();
  });

  test('given a torn tail from a crash, when reopened, then it is cut off, recorded as an event, and play continues with the next seq', async () => {
    const dataDir = await tempDataDir();
    const clock = virtualClock();
    const service = new ExerciseService(dataDir, { now: clock.now });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
    const path = session.journalPath;
    await service.closeAll();
    await appendFile(path, '{"v":1,"seq":4,"ts":"2026-11-30T00:0');

    const reopened = await new ExerciseService(dataDir, { now: clock.now }).open(session.id);
    assert.ok(reopened.recovery && reopened.recovery.discardedBytes > 0);
    assert.equal(reopened.state.log.at(-1)?.type, 'journal-recovered');
    const next = await reopened.dispatch({ type: 'set-alert-level', level: 'caution', reason: 'outage' }, MSIT);
    assert.ok(next.ok, JSON.stringify(next));
    assert.equal(next.events[0]?.seq, 5);
    await reopened.close();
  });

  test('given a journal changed in the middle, when opened, then it is read-only and refuses commands', async () => {
    const dataDir = await tempDataDir();
    const service = new ExerciseService(dataDir, { now: virtualClock().now });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
    const path = session.journalPath;
    await service.closeAll();
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"Service test"', '"Forged title"'));

    const reopened = await new ExerciseService(dataDir).open(session.id);
    assert.equal(reopened.readOnly, true);
    assert.equal(reopened.status.state === 'read-only' && reopened.status.cause, 'integrity-alarm');
    const refused = await reopened.dispatch({ type: 'pause-clock' }, FACILITATOR);
    assert.equal(refused.ok ? '' : refused.error.code, 'read-only');
    await reopened.close();
  });

  test('list shows each exercise with its verified head', async () => {
    const dataDir = await tempDataDir();
    const service = new ExerciseService(dataDir, { now: virtualClock().now });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    await service.closeAll();
    const [summary] = await service.list();
    assert.equal(summary?.id, session.id);
    assert.equal(summary?.verified, 'ok');
    assert.equal(summary?.events, 1);
  });

  test('eventsFromEntries refuses an entry whose body claims another seq', () => {
    assert.throws(() => eventsFromEntries([{ v: 1, seq: 1, ts: '2026-01-01T00:00:00Z', prev: '0'.repeat(64), hash: 'x', body: { seq: 2, type: 'exercise-started' } }]), /does not hold an exercise event with that seq/);
    assert.equal(replay.length, 2);
  });
});

// A retried command is applied once: the session remembers recent idempotency keys (bounded) and
// answers a retry with the first attempt's result, without deciding or appending again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ExerciseService } from '../../../src-main/services/exercise-service.ts';
import { REMEMBERED_KEYS } from '../../../src-main/services/exercise-session.ts';
import { FACILITATOR, MSIT, SETUP, minimalScenario, tempDataDir, virtualClock } from '../support.ts';

const lines = async (path: string) => (await readFile(path, 'utf8')).trim().split('\n').length;

describe('idempotent dispatch', () => {
  test('a retry with the same key returns the same acknowledgement and records nothing more', async () => {
    const service = new ExerciseService(await tempDataDir(), { now: virtualClock().now });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
    const command = { type: 'log-action', cell: 'msit', text: 'Opened the situation room', tasks: [] } as const;
    const key = 'key-aaaaaaaaaaaaaaaa';
    // The retry arrives while the first attempt is still being written, and once more after.
    const [first, concurrent] = await Promise.all([session.dispatch(command, MSIT, key), session.dispatch(command, MSIT, key)]);
    const later = await session.dispatch(command, MSIT, key);
    assert.ok(first.ok);
    assert.deepEqual(concurrent, first);
    assert.deepEqual(later, first);
    assert.equal(session.state.actions.length, 1);
    assert.equal(await lines(session.journalPath), session.head.seq);
    // Without a key, or with another key, the same command is a new command.
    assert.ok((await session.dispatch(command, MSIT, 'key-bbbbbbbbbbbbbbbb')).ok);
    assert.ok((await session.dispatch(command, MSIT)).ok);
    assert.equal(session.state.actions.length, 3);
    await service.closeAll();
  });

  test('a key reused for a different command is refused and changes nothing', async () => {
    const service = new ExerciseService(await tempDataDir(), { now: virtualClock().now });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
    const key = 'key-cccccccccccccccc';
    assert.ok((await session.dispatch({ type: 'log-action', cell: 'msit', text: 'one', tasks: [] }, MSIT, key)).ok);
    const head = session.head;
    const other = await session.dispatch({ type: 'log-action', cell: 'msit', text: 'two', tasks: [] }, MSIT, key);
    assert.equal(other.ok ? '' : other.error.code, 'refused');
    assert.deepEqual(session.head, head);
    await service.closeAll();
  });

  test('memory is bounded: the oldest keys are forgotten first', async () => {
    const service = new ExerciseService(await tempDataDir(), { now: virtualClock().now });
    const { session } = await service.create(await minimalScenario(), SETUP, FACILITATOR);
    await session.dispatch({ type: 'start-exercise' }, FACILITATOR);
    // Refused commands are remembered too (cheap: no disk), which fills the memory quickly.
    const refused = { type: 'pause-clock' } as const;
    await session.dispatch({ type: 'pause-clock' }, FACILITATOR);
    for (let i = 0; i <= REMEMBERED_KEYS; i++) await session.dispatch(refused, FACILITATOR, `fill-${String(i).padStart(12, '0')}`);
    // The first key is gone: the same key with a new command is decided, not refused as reused.
    const reused = await session.dispatch({ type: 'resume-clock' }, FACILITATOR, `fill-${'0'.repeat(12)}`);
    assert.ok(reused.ok);
    // The newest key is still known.
    const newest = `fill-${String(REMEMBERED_KEYS).padStart(12, '0')}`;
    const again = await session.dispatch({ type: 'resume-clock' }, FACILITATOR, newest);
    assert.equal(again.ok ? '' : again.error.message.includes('already used'), true);
    await service.closeAll();
  });
});

import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EMPTY_HEAD,
  JOURNAL_FILE_NAME,
  JournalError,
  isJournalError,
  openJournal,
  verifyJournalFile,
} from '../../src-main/store/journal/index.ts';
import { FaultyFileSystem } from './helpers/faulty-fs.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

const journalPath = (): string => join(dir, JOURNAL_FILE_NAME);
const event = (n: number): { type: string; n: number } => ({ type: 'decision-recorded', n });

describe('openJournal', () => {
  test('given a missing folder, when opened, then an empty journal file exists and the head is genesis', async () => {
    const exerciseDir = join(dir, 'exercises', 'ex-1');
    const journal = await openJournal(exerciseDir);
    assert.deepEqual(journal.head, EMPTY_HEAD);
    assert.deepEqual(journal.status, { state: 'ok' });
    assert.equal(journal.recovery, null);
    assert.equal((await stat(join(exerciseDir, JOURNAL_FILE_NAME))).size, 0);
    await journal.close();
  });

  test('given a new journal, when created, then the file and its folder are both fsynced', async () => {
    const fs = new FaultyFileSystem();
    const journal = await openJournal(dir, { fs });
    await journal.close();
    const ops = fs.log.map((op) => `${op.name} ${op.path.replace(dir, '<dir>')}`);
    const created = ops.indexOf('open <dir>/journal.jsonl');
    assert.ok(created >= 0, ops.join('\n'));
    assert.deepEqual(ops.slice(created, created + 4), [
      'open <dir>/journal.jsonl',
      'fsync <dir>/journal.jsonl',
      'open <dir>',
      'fsync <dir>',
    ]);
  });

  test('given appended entries, when reopened, then the same entries and head come back', async () => {
    const first = await openJournal(dir);
    const written = [...(await first.append([event(1), event(2)])), ...(await first.append([event(3)]))];
    const head = first.head;
    await first.close();
    const second = await openJournal(dir);
    assert.deepEqual(await second.entries(), written);
    assert.deepEqual(second.head, head);
    assert.deepEqual(second.head, { seq: 3, hash: written[2]?.hash });
    assert.deepEqual((await second.entries({ afterSeq: 2 })).map((e) => e.seq), [3]);
    await second.close();
    assert.deepEqual(await verifyJournalFile(journalPath()), { ok: true, count: 3, head });
  });

  test('given a batch, when appended, then it costs exactly one write and one fdatasync', async () => {
    const fs = new FaultyFileSystem();
    const journal = await openJournal(dir, { fs });
    const before = fs.count;
    await journal.append([event(1), event(2), event(3), event(4)]);
    assert.deepEqual(
      fs.log.slice(before).map((op) => op.name),
      ['write', 'fdatasync'],
    );
    await journal.close();
  });

  test('given many appends at once, when they resolve, then seqs follow call order and the chain holds', async () => {
    const journal = await openJournal(dir);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append([event(i)])));
    assert.deepEqual(
      results.map((entries) => entries[0]?.seq),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      results.map((entries) => (entries[0]?.body as { n: number }).n),
      Array.from({ length: 50 }, (_, i) => i),
    );
    await journal.close();
    assert.equal((await verifyJournalFile(journalPath())).ok, true);
  });

  test('given a body JSON cannot carry, when appended, then it is refused, nothing is written, and the journal stays usable', async () => {
    const journal = await openJournal(dir);
    await journal.append([event(1)]);
    const size = (await stat(journalPath())).size;
    await assert.rejects(journal.append([event(2), { value: Number.NaN }]), (error: unknown) => {
      assert.ok(isJournalError(error, 'invalid-body'));
      assert.match(error.message, /NOT recorded/);
      return true;
    });
    assert.equal((await stat(journalPath())).size, size);
    assert.deepEqual(journal.status, { state: 'ok' });
    assert.equal((await journal.append([event(3)]))[0]?.seq, 2);
    await journal.close();
  });

  test('given an explicit time, when appended, then ts records it; a non-ISO time is refused', async () => {
    const journal = await openJournal(dir);
    const [fromString] = await journal.append([event(1)], { ts: '2026-10-15T05:19:00.000+09:00' });
    const [fromDate] = await journal.append([event(2)], { ts: new Date('2026-10-15T00:00:00Z') });
    assert.equal(fromString?.ts, '2026-10-15T05:19:00.000+09:00');
    assert.equal(fromDate?.ts, '2026-10-15T00:00:00.000Z');
    await assert.rejects(journal.append([event(3)], { ts: 'yesterday' }), (e: unknown) => isJournalError(e, 'invalid-body'));
    await journal.close();
  });

  test('given a closed journal, when appended to, then it refuses with "closed"', async () => {
    const journal = await openJournal(dir);
    await journal.close();
    await journal.close();
    assert.deepEqual(journal.status, { state: 'closed' });
    await assert.rejects(journal.append([event(1)]), (e: unknown) => isJournalError(e, 'closed'));
  });

  test('given too little free space, when opened, then a typed error says so and no journal is created', async () => {
    await assert.rejects(openJournal(dir, { minFreeBytes: Number.MAX_SAFE_INTEGER }), (error: unknown) => {
      assert.ok(isJournalError(error, 'low-disk-space'));
      assert.match(error.message, /free on the disk holding/);
      return true;
    });
    await assert.rejects(stat(journalPath()), { code: 'ENOENT' });
    const journal = await openJournal(dir); // the lock was released
    await journal.close();
  });

  test('given a torn tail, when opened, then it is cut and a journal-recovered entry records it', async () => {
    const first = await openJournal(dir);
    await first.append([event(1), event(2)]);
    await first.close();
    const garbage = '{"v":1,"seq":3,"ts":"2026\n\u0000\u0000\u0000{"v":1}\n';
    await appendFile(journalPath(), garbage);
    const journal = await openJournal(dir, { now: () => new Date('2026-11-01T00:00:00Z') });
    const discardedBytes = Buffer.byteLength(garbage);
    assert.deepEqual(journal.recovery, { discardedBytes, lastGoodSeq: 2, reason: 'not valid JSON', recorded: true });
    const entries = await journal.entries();
    assert.equal(entries.length, 3);
    assert.deepEqual(entries[2]?.body, { type: 'journal-recovered', discardedBytes, lastGoodSeq: 2 });
    assert.equal(entries[2]?.ts, '2026-11-01T00:00:00.000Z');
    await journal.close();
    assert.equal((await verifyJournalFile(journalPath())).ok, true);
  });

  test('given a tampered entry in the middle, when opened, then it is read-only with an alarm and never repaired', async () => {
    const first = await openJournal(dir);
    for (let i = 1; i <= 5; i++) await first.append([event(i)]);
    await first.close();
    const original = await readFile(journalPath(), 'utf8');
    const tampered = original.replace('"n":3', '"n":4');
    await writeFile(journalPath(), tampered);
    const journal = await openJournal(dir);
    assert.deepEqual(journal.status, {
      state: 'read-only',
      cause: 'integrity-alarm',
      seq: 3,
      reason: 'hash does not match contents',
    });
    assert.equal((await journal.entries()).length, 2);
    await assert.rejects(journal.append([event(6)]), (error: unknown) => {
      assert.ok(isJournalError(error, 'read-only'));
      assert.match(error.message, /NOT recorded/);
      return true;
    });
    await journal.close();
    assert.equal(await readFile(journalPath(), 'utf8'), tampered);
  });

  test('given a folder where the journal file should be, when opened, then a typed error names it', async () => {
    await mkdir(journalPath());
    await assert.rejects(openJournal(dir), (error: unknown) => {
      assert.ok(error instanceof JournalError);
      assert.match(error.message, /not a regular file/);
      return true;
    });
  });
});

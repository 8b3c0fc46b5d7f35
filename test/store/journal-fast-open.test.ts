// Reopening a long journal fast (ADR 005, "Reopening fast") must never make verification weaker:
// the checked-prefix note may skip only the canonical-form check, and the hashing worker's answers
// must equal the verifier's own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHECKED_PREFIX_FILE_NAME } from '../../src-main/store/journal/checked-prefix.ts';
import { EMPTY_HEAD, HASH_DOMAIN_TAG, sealEntries, type JournalEntry } from '../../src-main/store/journal/entry.ts';
import { JOURNAL_FILE_NAME, openJournal, scanJournal, verifyJournalBytes } from '../../src-main/store/journal/index.ts';
import { PARALLEL_HASHING_MIN_BYTES, startLineHashing } from '../../src-main/store/journal/line-hashing.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const encoder = new TextEncoder();
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Bodies like a busy room's: Korean text, nested objects, numbers. */
function bodies(count: number, from = 0): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'action-logged',
    seq: from + i + 1,
    cell: ['msit', 'mnd', 'nis'][i % 3],
    text: `카카오 서비스 복구 조치 ${from + i} — 판교 데이터센터 전원 재투입 검토, 대체 경로 확보. `.repeat(6),
    detail: { priority: i % 5, tags: ['복구', 'power', `t${i % 7}`] },
  }));
}

function journalBytes(count: number): Uint8Array {
  const lines = sealEntries(EMPTY_HEAD, '2026-11-30T09:00:00.000Z', bodies(count)).map((s) => s.line + '\n');
  return encoder.encode(lines.join(''));
}

/** Replaces one line of a journal (0-based) with `line`, keeping every other byte. */
function replaceLine(bytes: Uint8Array, index: number, line: string): Uint8Array {
  const lines = new TextDecoder().decode(bytes).split('\n');
  lines[index] = line;
  return encoder.encode(lines.join('\n'));
}

/** A line for `entry` hashed over exactly the body text given (canonical or not). */
function lineWithBodyText(entry: JournalEntry, bodyText: string): string {
  const hashed = `{"body":${bodyText},"prev":"${entry.prev}","seq":${entry.seq},"ts":${JSON.stringify(entry.ts)},"v":1}`;
  const hash = sha256(HASH_DOMAIN_TAG + hashed);
  return `{"v":1,"seq":${entry.seq},"ts":${JSON.stringify(entry.ts)},"prev":"${entry.prev}","body":${bodyText},"hash":"${hash}"}`;
}

function entryAt(bytes: Uint8Array, index: number): JournalEntry {
  return JSON.parse(new TextDecoder().decode(bytes).split('\n')[index] as string) as JournalEntry;
}

async function writeNoteFor(dir: string, bytes: Uint8Array): Promise<void> {
  await writeFile(join(dir, CHECKED_PREFIX_FILE_NAME), JSON.stringify({ v: 1, bytes: bytes.length, sha256: sha256(bytes) }));
}

describe('the checked-prefix note', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  before(async () => {
    temp = await makeTempDir();
  });
  after(async () => temp.cleanup());

  test('is written when a journal is opened and brought up to date when it is closed', async () => {
    const dir = join(temp.dir, 'notes');
    const first = await openJournal(dir, { minFreeBytes: 0 });
    await first.append(bodies(5));
    await first.close();
    const file = await readFile(join(dir, JOURNAL_FILE_NAME));
    const note = JSON.parse(await readFile(join(dir, CHECKED_PREFIX_FILE_NAME), 'utf8')) as { bytes: number; sha256: string };
    assert.deepEqual(note, { v: 1, bytes: file.length, sha256: sha256(file) });

    const second = await openJournal(dir, { minFreeBytes: 0 });
    assert.equal(second.head.seq, 5);
    await second.append(bodies(3, 5));
    await second.close();
    const grown = await readFile(join(dir, JOURNAL_FILE_NAME));
    const updated = JSON.parse(await readFile(join(dir, CHECKED_PREFIX_FILE_NAME), 'utf8')) as { bytes: number; sha256: string };
    assert.equal(updated.bytes, grown.length);
    assert.equal(updated.sha256, sha256(grown));
  });

  test('never hides an edit: a forged note that matches the edited file still meets the hash check', async () => {
    const dir = join(temp.dir, 'forged');
    const bytes = journalBytes(12);
    const entry = entryAt(bytes, 6);
    // The editor changes a decision's text but cannot make the stored hash match.
    const original = new TextDecoder().decode(bytes).split('\n')[6] as string;
    const edited = replaceLine(bytes, 6, original.replace('복구 조치', '복구 중단'));
    assert.notDeepEqual(edited, bytes);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, JOURNAL_FILE_NAME), edited);
    await writeNoteFor(dir, edited);
    const journal = await openJournal(dir, { minFreeBytes: 0 });
    try {
      const status = journal.status;
      assert.ok(status.state === 'read-only' && status.cause === 'integrity-alarm');
      assert.equal(status.seq, entry.seq, 'the alarm names the edited entry');
      assert.equal(journal.head.seq, entry.seq - 1);
    } finally {
      await journal.close();
    }
  });

  test('skips only the canonical-form check, and only for bytes it matches; `verify` stays strict', () => {
    const bytes = journalBytes(4);
    const entry = entryAt(bytes, 3); // the last, so no later entry's prev names its hash
    // Keys out of order, hashed over that very text: only a program computing hashes writes this.
    const body = entry.body as Record<string, unknown>;
    const reordered = `{${Object.keys(body)
      .reverse()
      .map((k) => `${JSON.stringify(k)}:${JSON.stringify(body[k])}`)
      .join(',')}}`;
    const odd = replaceLine(bytes, 3, lineWithBodyText(entry, reordered));

    const strict = verifyJournalBytes(odd);
    assert.equal(strict.ok, false, 'without a note the entry is refused');
    assert.ok(!strict.ok && strict.seq === entry.seq);

    const lenient = scanJournal(odd, { canonicalCheckedBytes: odd.length });
    assert.equal(lenient.problem, null, 'under a matching note only the hash and chain are checked');
    assert.equal(lenient.entries.length, 4);

    // A note that covers fewer bytes does not cover the odd line.
    const cut = encoder.encode(new TextDecoder().decode(odd).split('\n').slice(0, 3).join('\n')).length + 1;
    assert.equal(scanJournal(odd, { canonicalCheckedBytes: cut }).problem?.seq, entry.seq);
  });

  test('a damaged, stale or oversized note is ignored and the journal opens', async () => {
    for (const [name, note] of [
      ['garbage', 'not json at all'],
      ['stale', JSON.stringify({ v: 1, bytes: 10, sha256: '0'.repeat(64) })],
      ['longer than the file', JSON.stringify({ v: 1, bytes: 10_000_000, sha256: 'a'.repeat(64) })],
      ['oversized', 'x'.repeat(10_000)],
    ] as const) {
      const dir = join(temp.dir, `damaged-${name.replaceAll(' ', '-')}`);
      const journal = await openJournal(dir, { minFreeBytes: 0 });
      await journal.append(bodies(3));
      await journal.close();
      await writeFile(join(dir, CHECKED_PREFIX_FILE_NAME), note);
      const reopened = await openJournal(dir, { minFreeBytes: 0 });
      assert.equal(reopened.status.state, 'ok', name);
      assert.equal(reopened.head.seq, 3, name);
      await reopened.close();
    }
  });
});

describe('hashing on a worker thread', () => {
  const count = 2600;
  const bytes = journalBytes(count);

  test('the test journal is large enough for the worker to be used', () => {
    assert.ok(bytes.length >= PARALLEL_HASHING_MIN_BYTES, `${bytes.length} bytes`);
  });

  test('confirms every line of an intact journal, as the verifier computes it', async () => {
    const hashing = await startLineHashing(bytes).started();
    assert.ok(hashing !== null, 'the worker starts');
    const flags = hashing.wait();
    assert.ok(flags !== null);
    assert.equal(flags.subarray(0, count).every((f) => f === 1), true);
    assert.equal(flags[count] ?? 0, 0, 'nothing beyond the last line');
  });

  test('does not confirm an edited line, a line with a foreign layout, or a non-ASCII timestamp', async () => {
    let damaged = replaceLine(bytes, 10, (new TextDecoder().decode(bytes).split('\n')[10] as string).replace('복구', '폐기'));
    const spaced = entryAt(bytes, 20);
    damaged = replaceLine(damaged, 20, JSON.stringify(spaced, null, 1).replaceAll('\n', ''));
    const weird = { ...entryAt(bytes, 30), ts: '2026-11-30T09:00:00.000Z' };
    damaged = replaceLine(damaged, 30, lineWithBodyText({ ...weird, ts: '２０２６' }, JSON.stringify(weird.body)));
    const hashing = await startLineHashing(damaged).started();
    const flags = hashing?.wait();
    assert.ok(flags);
    assert.deepEqual([flags[9], flags[10], flags[11], flags[20], flags[30]], [1, 0, 1, 0, 0]);
  });

  test('the verdict with the worker equals the verdict without it, for intact and damaged journals', async () => {
    const text = new TextDecoder().decode(bytes);
    const line = (i: number) => text.split('\n')[i] as string;
    const cases: [string, Uint8Array][] = [
      ['intact', bytes],
      ['edited body', replaceLine(bytes, 1500, line(1500).replace('검토', '취소'))],
      ['edited hash', replaceLine(bytes, 2000, line(2000).replace(/"hash":"./, '"hash":"0'))],
      ['deleted entry', replaceLine(bytes, 700, '')],
      ['swapped entries', replaceLine(replaceLine(bytes, 100, line(101)), 101, line(100))],
      ['torn tail', bytes.subarray(0, bytes.length - 40)],
    ];
    for (const [name, journal] of cases) {
      const hashing = await startLineHashing(journal).started();
      const withWorker = scanJournal(journal, { hashedLines: () => hashing?.wait() ?? null });
      const alone = scanJournal(journal);
      assert.deepEqual(
        { problem: withWorker.problem, head: withWorker.head, count: withWorker.entries.length, good: withWorker.goodBytes },
        { problem: alone.problem, head: alone.head, count: alone.entries.length, good: alone.goodBytes },
        name,
      );
    }
  });

  test('a journal opened through the real store with the worker: the same head as a full verify; an edit raises the alarm at its seq', async () => {
    const temp = await makeTempDir();
    try {
      const dir = join(temp.dir, 'big');
      const journal = await openJournal(dir, { minFreeBytes: 0 });
      for (let i = 0; i < count; i += 500) await journal.append(bodies(Math.min(500, count - i), i));
      await journal.close();
      const file = await readFile(join(dir, JOURNAL_FILE_NAME));
      const full = verifyJournalBytes(file);
      const reopened = await openJournal(dir, { minFreeBytes: 0 });
      assert.deepEqual(reopened.head, full.head);
      await reopened.close();

      const target = 1234;
      const lines = new TextDecoder().decode(file).split('\n');
      lines[target] = (lines[target] as string).replace('판교', '분당');
      await writeFile(join(dir, JOURNAL_FILE_NAME), lines.join('\n'));
      const tampered = await openJournal(dir, { minFreeBytes: 0 });
      const status = tampered.status;
      assert.ok(status.state === 'read-only' && status.cause === 'integrity-alarm' && status.seq === target + 1);
      await tampered.close();
    } finally {
      await temp.cleanup();
    }
  });
});

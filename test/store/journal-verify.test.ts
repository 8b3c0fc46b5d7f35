import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_HEAD, formatEntryLine, hashEntry, sealEntries } from '../../src-main/store/journal/entry.ts';
import {
  describeVerifyResult,
  planRecovery,
  verifyEntries,
  verifyJournalBytes,
  type VerifyResult,
} from '../../src-main/store/journal/verify.ts';

const TS = '2026-11-01T09:00:00.000Z';
const lines = sealEntries(
  EMPTY_HEAD,
  TS,
  Array.from({ length: 8 }, (_, i) => ({ type: 'decision-recorded', n: i + 1, text: `결정 ${i + 1}` })),
).map((s) => s.line);

function failure(result: VerifyResult): { kind: string; seq: number; reason: string; count: number } {
  assert.equal(result.ok, false, 'expected verification to fail');
  if (result.ok) throw new Error('unreachable');
  return { kind: result.kind, seq: result.seq, reason: result.reason, count: result.count };
}

function editEntry(line: string, edit: (entry: Record<string, unknown>) => void, rehash: boolean): string {
  const entry = JSON.parse(line) as Record<string, unknown>;
  edit(entry);
  if (rehash) entry['hash'] = hashEntry(entry as never);
  return formatEntryLine(entry as never);
}

describe('verifyEntries', () => {
  test('given an intact journal, then it verifies with its count and head', () => {
    const result = verifyEntries(lines);
    assert.deepEqual(result, { ok: true, count: 8, head: { seq: 8, hash: (JSON.parse(lines[7] as string) as { hash: string }).hash } });
    assert.match(describeVerifyResult(result), /^Journal verified: 8 entries, head #8 · [0-9a-f]{12}\.$/);
  });

  test('given an empty journal, then it verifies as empty', () => {
    assert.deepEqual(verifyEntries([]), { ok: true, count: 0, head: EMPTY_HEAD });
    assert.deepEqual(verifyJournalBytes(new Uint8Array()), { ok: true, count: 0, head: EMPTY_HEAD });
  });

  test('given text split on newlines, then the trailing empty piece is not an entry', () => {
    assert.equal(verifyEntries((lines.join('\n') + '\n').split('\n')).ok, true);
  });

  test('given an edited body in the middle, then "hash does not match contents" is tampering at that seq', () => {
    const edited = [...lines];
    edited[3] = editEntry(lines[3] as string, (e) => (e['body'] = { type: 'decision-recorded', n: 999 }), false);
    assert.deepEqual(failure(verifyEntries(edited)), { kind: 'tampered', seq: 4, reason: 'hash does not match contents', count: 3 });
  });

  test('given an edited LAST entry that still parses, then it is tampering, not a torn tail', () => {
    const edited = [...lines];
    edited[7] = editEntry(lines[7] as string, (e) => (e['body'] = { type: 'decision-recorded', n: 0 }), false);
    assert.equal(failure(verifyEntries(edited)).kind, 'tampered');
  });

  test('given an edit re-hashed by an attacker, then the next entry names the broken link', () => {
    const edited = [...lines];
    edited[3] = editEntry(lines[3] as string, (e) => (e['body'] = 'forged'), true);
    assert.deepEqual(failure(verifyEntries(edited)), {
      kind: 'tampered',
      seq: 5,
      reason: 'prev does not match hash of seq 4',
      count: 4,
    });
  });

  test('given a deleted entry, then "seq out of order (expected 5, got 6)"', () => {
    const edited = lines.filter((_, i) => i !== 4);
    assert.deepEqual(failure(verifyEntries(edited)), {
      kind: 'tampered',
      seq: 5,
      reason: 'seq out of order (expected 5, got 6)',
      count: 4,
    });
  });

  test('given a duplicated entry, then "duplicate seq"', () => {
    const edited = [...lines.slice(0, 3), lines[2] as string, ...lines.slice(3)];
    assert.deepEqual(failure(verifyEntries(edited)), {
      kind: 'tampered',
      seq: 4,
      reason: 'duplicate seq 3 (expected 4)',
      count: 3,
    });
  });

  test('given a first entry whose prev is not the genesis value, then it says so', () => {
    const edited = [editEntry(lines[0] as string, (e) => (e['prev'] = 'f'.repeat(64)), true), ...lines.slice(1)];
    assert.equal(failure(verifyEntries(edited)).reason, 'prev of the first entry is not the genesis value');
  });

  test('given a line in a non-canonical form with the same data, then the changed bytes are detected', () => {
    const edited = [...lines];
    edited[2] = JSON.stringify(JSON.parse(lines[2] as string), null, 1).replace(/\n/g, '');
    assert.deepEqual(failure(verifyEntries(edited)), {
      kind: 'tampered',
      seq: 3,
      reason: 'entry is not stored in canonical form (its bytes were changed)',
      count: 2,
    });
  });

  test('given garbage in the middle, then it is tampering because valid entries follow', () => {
    const edited = [...lines.slice(0, 4), 'not json at all', ...lines.slice(4)];
    assert.deepEqual(failure(verifyEntries(edited)), { kind: 'tampered', seq: 5, reason: 'not valid JSON', count: 4 });
  });

  test('given an extra field or a wrong version, then the entry is rejected with that reason', () => {
    const extra = [...lines];
    extra[1] = (lines[1] as string).replace('{"v":1,', '{"v":1,"x":0,');
    assert.equal(failure(verifyEntries(extra)).reason, 'not a journal entry (unexpected field "x")');
    const version = [...lines];
    version[1] = (lines[1] as string).replace('{"v":1,', '{"v":2,');
    assert.equal(failure(verifyEntries(version)).reason, 'unsupported entry version 2');
  });
});

describe('verifyJournalBytes and planRecovery', () => {
  const encoder = new TextEncoder();
  const file = (text: string): Uint8Array => encoder.encode(text);
  const intact = lines.map((l) => l + '\n').join('');

  test('given garbage with newlines and JSON-looking lines after the last entry, then it is a torn tail to cut', () => {
    const tail = '{"v":1,"seq":9,"ts":"x"\n\u0000\u0000\n{"v":1,"seq":9}\n[1,2]\n{"v":1,"seq":9,"ts":"' + TS + '","prev":"' + 'a'.repeat(64) + '","body":{},"hash":"' + 'b'.repeat(64) + '"}\n';
    const plan = planRecovery(file(intact + tail));
    assert.equal(plan.action, 'truncate');
    if (plan.action !== 'truncate') return;
    assert.equal(plan.toBytes, encoder.encode(intact).length);
    assert.equal(plan.discardedBytes, encoder.encode(tail).length);
    assert.equal(plan.lastGoodSeq, 8);
  });

  test('given a complete last entry without its newline, then it was never acknowledged and is cut', () => {
    const withoutNewline = intact.slice(0, -1);
    const result = verifyJournalBytes(file(withoutNewline));
    assert.deepEqual(failure(result), {
      kind: 'torn-tail',
      seq: 8,
      reason: 'the last entry has no line end (its write was cut off)',
      count: 7,
    });
  });

  test('given the line end between the last two entries edited away, then it is tampering, not a torn tail', () => {
    const merged = intact.slice(0, -1).replace(/\n(?=[^\n]*$)/, '\u000b') + '\n';
    assert.equal(failure(verifyJournalBytes(file(merged))).kind, 'tampered');
  });

  test('given a complete last entry followed by debris instead of its line end, then it is a cut-off write', () => {
    const debris = intact.slice(0, -1) + '\u0000\u0000{"v":1,"seq":9';
    assert.deepEqual(failure(verifyJournalBytes(file(debris))), { kind: 'torn-tail', seq: 8, reason: 'not valid JSON', count: 7 });
  });

  test('given invalid UTF-8 in the middle, then it is tampering', () => {
    const bytes = file(intact);
    const start = encoder.encode(lines.slice(0, 2).map((l) => l + '\n').join('')).length;
    bytes[start + 10] = 0xff;
    assert.deepEqual(failure(verifyJournalBytes(bytes)), { kind: 'tampered', seq: 3, reason: 'not valid UTF-8', count: 2 });
  });

  test('given a byte-order mark before the first entry, then the file does not verify', () => {
    assert.equal(verifyJournalBytes(file('\ufeff' + intact)).ok, false);
  });
});

// reliability.md §5: flip every bit of several entries, delete, reorder and duplicate entries —
// every change must be detected.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EMPTY_HEAD, sealEntries } from '../../src-main/store/journal/entry.ts';
import { JOURNAL_FILE_NAME, openJournal, verifyJournalBytes } from '../../src-main/store/journal/index.ts';
import { concatBytes } from './helpers/random.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const encoder = new TextEncoder();
const COUNT = 8;
const lines = sealEntries(
  EMPTY_HEAD,
  '2026-11-01T09:00:00.000Z',
  Array.from({ length: COUNT }, (_, i) => ({ type: 'decision-recorded', n: i + 1, cell: i % 2 ? 'MSIT' : '국정원' })),
).map((s) => encoder.encode(s.line + '\n'));
const whole = concatBytes(lines);
const starts: number[] = [];
{
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length;
  }
}

interface Tally {
  cases: number;
  tampered: number;
  torn: number;
  undetected: string[];
}

function check(tally: Tally, label: string, bytes: Uint8Array): void {
  tally.cases++;
  const result = verifyJournalBytes(bytes);
  if (result.ok) tally.undetected.push(label);
  else if (result.kind === 'tampered') tally.tampered++;
  else tally.torn++;
}

function withLines(order: readonly number[]): Uint8Array {
  return concatBytes(order.map((i) => lines[i] as Uint8Array));
}

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
before(async () => {
  ({ dir, cleanup } = await makeTempDir('sitroom-tamper-'));
});
after(() => cleanup());

describe('tamper detection', () => {
  test('given every single-bit flip in the first, a middle and the last entries, then every one is detected', () => {
    const tally: Tally = { cases: 0, tampered: 0, torn: 0, undetected: [] };
    let lastEntryTorn = 0;
    for (const index of [0, 3, 6, COUNT - 1]) {
      const start = starts[index] as number;
      const length = (lines[index] as Uint8Array).length;
      for (let offset = start; offset < start + length; offset++) {
        for (let bit = 0; bit < 8; bit++) {
          const bytes = whole.slice();
          bytes[offset] = (bytes[offset] as number) ^ (1 << bit);
          const tornBefore = tally.torn;
          check(tally, `entry ${index + 1}, byte ${offset - start}, bit ${bit}`, bytes);
          if (index === COUNT - 1 && tally.torn > tornBefore) lastEntryTorn++;
        }
      }
    }
    console.log(
      `tamper-bitflips: ${tally.cases} cases, ${tally.cases - tally.undetected.length} detected (100%: ${tally.undetected.length === 0}), ` +
        `${tally.tampered} as tampering, ${tally.torn} as a torn tail (all in the last entry: ${lastEntryTorn === tally.torn}; ` +
        'a flip that breaks the JSON of the last line looks like a cut-off write)',
    );
    assert.deepEqual(tally.undetected.slice(0, 10), []);
    assert.equal(lastEntryTorn, tally.torn, 'only the last entry may read as a torn tail');
    assert.ok(tally.cases > 6000);
  });

  test('given entries deleted, swapped, moved or duplicated, then every change is detected as tampering', () => {
    const tally: Tally = { cases: 0, tampered: 0, torn: 0, undetected: [] };
    const all = Array.from({ length: COUNT }, (_, i) => i);
    // Deleting the LAST entry is the one change a chain cannot show by itself (reliability.md §2:
    // the head is printed after each acknowledgement and on every report page for that reason).
    for (let i = 0; i < COUNT - 1; i++) check(tally, `delete ${i + 1}`, withLines(all.filter((j) => j !== i)));
    for (let i = 0; i < COUNT; i++) {
      for (let j = i + 1; j < COUNT; j++) {
        const swapped = [...all];
        swapped[i] = j;
        swapped[j] = i;
        check(tally, `swap ${i + 1} and ${j + 1}`, withLines(swapped));
      }
    }
    for (let i = 0; i < COUNT; i++) {
      for (let at = 0; at <= COUNT; at++) {
        const duplicated = [...all.slice(0, at), i, ...all.slice(at)];
        check(tally, `duplicate ${i + 1} at ${at}`, withLines(duplicated));
        const moved = all.filter((j) => j !== i);
        moved.splice(Math.min(at, moved.length), 0, i);
        if (moved.some((v, k) => v !== k)) check(tally, `move ${i + 1} to ${at}`, withLines(moved));
      }
    }
    console.log(
      `tamper-structure: ${tally.cases} cases (delete, swap, move, duplicate), ${tally.cases - tally.undetected.length} detected, ` +
        `${tally.tampered} as tampering; deleting the last entry is undetectable by the chain alone (by design, see head hash)`,
    );
    assert.deepEqual(tally.undetected, []);
    assert.equal(tally.tampered, tally.cases);
  });

  test('given a tampered journal on disk, when opened, then it is read-only, appends are refused, and the file is left byte-for-byte as found', async () => {
    const exerciseDir = join(dir, 'ex');
    await openJournal(exerciseDir).then((j) => j.close());
    const tampered = whole.slice();
    const at = (starts[2] as number) + 40;
    tampered[at] = (tampered[at] as number) ^ 0x01;
    await writeFile(join(exerciseDir, JOURNAL_FILE_NAME), tampered);
    const journal = await openJournal(exerciseDir);
    assert.equal(journal.status.state, 'read-only');
    assert.ok(journal.status.state === 'read-only' && journal.status.cause === 'integrity-alarm');
    assert.equal(journal.status.seq, 3);
    await assert.rejects(journal.append([{ type: 'x' }]), /NOT recorded: the journal is read-only/);
    await journal.close();
    assert.deepEqual(new Uint8Array(await readFile(join(exerciseDir, JOURNAL_FILE_NAME))), tampered);
  });
});

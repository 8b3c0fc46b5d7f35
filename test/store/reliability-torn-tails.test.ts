// reliability.md §5: cut the journal at every byte offset of its last entries, follow the cut with
// nothing, zeros or random bytes (newlines included), and check every recovery.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EMPTY_HEAD, sealEntries } from '../../src-main/store/journal/entry.ts';
import { JOURNAL_FILE_NAME, openJournal, planRecovery, verifyJournalFile } from '../../src-main/store/journal/index.ts';
import { concatBytes, garbage, reliabilityRuns, seededRandom, suiteSeed } from './helpers/random.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const encoder = new TextEncoder();
const ENTRY_COUNT = 6;
const CUT_ENTRIES = 3; // every byte offset of the last three entries

const lines = sealEntries(EMPTY_HEAD, '2026-11-01T09:00:00.000Z', [
  { type: 'exercise-started', by: 'facilitator' },
  { type: 'inject-released', inject: 'I-001', note: '판교 데이터센터 화재' },
  { type: 'decision-recorded', point: 'D-01', option: 2, rationale: 'Raise the alert level to 경계.' },
  { type: 'observation-added', text: 'MSIT asked the operator for an ETA; "no answer yet"\\n' },
  { type: 'alert-changed', level: '심각', hq: true },
  { type: 'decision-recorded', point: 'D-02', option: 0, rationale: '' },
]).map((s) => encoder.encode(s.line + '\n'));

const prefixEnds: number[] = [0];
for (const line of lines) prefixEnds.push((prefixEnds[prefixEnds.length - 1] as number) + line.length);
const whole = concatBytes(lines);
const cutFrom = prefixEnds[ENTRY_COUNT - CUT_ENTRIES] as number;

/** Independent oracle: the longest run of whole original lines the damaged file starts with. */
function intactCount(bytes: Uint8Array): number {
  let count = 0;
  for (let m = 1; m <= ENTRY_COUNT; m++) {
    const end = prefixEnds[m] as number;
    if (bytes.length < end) break;
    let same = true;
    for (let i = (prefixEnds[m - 1] as number); i < end && same; i++) same = bytes[i] === whole[i];
    if (!same) break;
    count = m;
  }
  return count;
}

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
before(async () => {
  ({ dir, cleanup } = await makeTempDir('sitroom-torn-'));
});
after(() => cleanup());

describe('crash safety: every torn tail', () => {
  const seed = suiteSeed();
  const RANDOM_VARIANTS = 31;
  const ZERO_LENGTHS = [1, 7, 512, 4096];

  function* cases(): Generator<{ readonly label: string; readonly bytes: Uint8Array }> {
    const random = seededRandom(seed);
    for (let cut = cutFrom; cut <= whole.length; cut++) {
      const kept = whole.subarray(0, cut);
      yield { label: `cut ${cut} + nothing`, bytes: kept };
      for (const n of ZERO_LENGTHS) yield { label: `cut ${cut} + ${n} zeros`, bytes: concatBytes([kept, new Uint8Array(n)]) };
      for (let v = 0; v < RANDOM_VARIANTS; v++) {
        yield { label: `cut ${cut} + random #${v}`, bytes: concatBytes([kept, garbage(random, random.next() < 0.2 ? 4096 : 300)]) };
      }
    }
  }

  test('given a journal cut at every offset of its last entries and followed by debris, then recovery keeps exactly the intact entries', () => {
    let total = 0;
    let wrong = 0;
    let truncated = 0;
    let alarms = 0;
    for (const { label, bytes } of cases()) {
      total++;
      const m = intactCount(bytes);
      const plan = planRecovery(bytes);
      const expectedEnd = prefixEnds[m] as number;
      const ok =
        plan.scan.entries.length === m &&
        (bytes.length === expectedEnd
          ? plan.action === 'none'
          : plan.action === 'truncate' && plan.toBytes === expectedEnd && plan.discardedBytes === bytes.length - expectedEnd && plan.lastGoodSeq === m);
      if (plan.action === 'truncate') truncated++;
      if (plan.action === 'alarm') alarms++;
      if (!ok) {
        wrong++;
        if (wrong <= 5) console.log(`wrong recovery (seed ${seed}) ${label}: expected ${m} entries, got ${JSON.stringify({ ...plan, scan: undefined })}`);
      }
    }
    console.log(`torn-tails: ${total} cases (seed ${seed}), ${truncated} cut, ${alarms} false integrity alarms, ${wrong} wrong recoveries`);
    assert.equal(wrong, 0);
    assert.ok(total > 25_000);
  });

  test('given a sample of those files on disk, when opened, then the journal recovers to the same entries and verifies', async () => {
    const all = [...cases()];
    const random = seededRandom(seed ^ 0x5eed);
    const samples = reliabilityRuns(200);
    let wrong = 0;
    for (let i = 0; i < samples; i++) {
      const { label, bytes } = all[random.int(0, all.length - 1)] as (typeof all)[number];
      const exerciseDir = join(dir, `case-${i}`);
      await openJournal(exerciseDir, { minFreeBytes: 0 }).then((j) => j.close());
      await writeFile(join(exerciseDir, JOURNAL_FILE_NAME), bytes);
      const m = intactCount(bytes);
      const journal = await openJournal(exerciseDir, { minFreeBytes: 0 });
      const entries = await journal.entries();
      await journal.close();
      const cut = bytes.length !== prefixEnds[m];
      const expectedCount = cut ? m + 1 : m;
      const recoveryOk = cut
        ? journal.recovery?.discardedBytes === bytes.length - (prefixEnds[m] as number) && journal.recovery.lastGoodSeq === m
        : journal.recovery === null;
      const verified = await verifyJournalFile(join(exerciseDir, JOURNAL_FILE_NAME));
      if (entries.length !== expectedCount || !recoveryOk || !verified.ok) {
        wrong++;
        console.log(`wrong recovery on disk (seed ${seed}) ${label}`);
      }
    }
    console.log(`torn-tails-on-disk: ${samples} sampled files reopened, ${wrong} wrong recoveries`);
    assert.equal(wrong, 0);
  });
});

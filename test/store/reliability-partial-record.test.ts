// reliability.md §5: a partial record (a write cut at a random offset, plus crash garbage) after a
// kill; reopen: torn tail cut, acknowledged set intact, recovery event written.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { sealEntries } from '../../src-main/store/journal/entry.ts';
import { JOURNAL_FILE_NAME, openJournal, planRecovery, verifyJournalFile } from '../../src-main/store/journal/index.ts';
import { childLauncher, runAndKill, runPool, type ChildLauncher } from './helpers/child-process.ts';
import { concatBytes, garbage, reliabilityRuns, seededRandom, suiteSeed, type Random } from './helpers/random.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const WORKERS = 4;
/** Folders are reused (each child reopens its predecessor's journal) but renewed so journals stay small. */
const RUNS_PER_FOLDER = 20;
const encoder = new TextEncoder();

let launcher: ChildLauncher;
let root = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
before(async () => {
  launcher = await childLauncher();
  ({ dir: root, cleanup } = await makeTempDir('sitroom-partial-'));
});
after(async () => {
  await launcher.dispose();
  await cleanup();
});

/**
 * What an interrupted append leaves: the start of the real next line (cut before its hash is
 * complete, so it can never be mistaken for a whole entry), then garbage — or garbage alone.
 */
function crashDebris(random: Random, head: { seq: number; hash: string }): Uint8Array {
  const [next] = sealEntries(head, new Date().toISOString(), [{ type: 'test-event', pad: 'y'.repeat(random.int(0, 200)) }]);
  const line = encoder.encode(next?.line ?? '');
  const partial = random.next() < 0.8 ? line.subarray(0, random.int(1, line.length - 67)) : new Uint8Array();
  const tail = random.next() < 0.85 ? garbage(random, 600) : new Uint8Array();
  const debris = concatBytes([partial, tail]);
  return debris.length > 0 ? debris : encoder.encode('\n');
}

describe('crash safety: partial record after a kill', () => {
  test('given a killed child and a partial record at the end, when reopened, then the tail is cut, acknowledged entries survive and the recovery is recorded', async () => {
    const runs = reliabilityRuns(200);
    const seed = suiteSeed();
    const random = seededRandom(seed);
    const plans = Array.from({ length: runs }, () => ({ killAfterMs: random.int(0, 30), debrisSeed: random.int(1, 2 ** 31) }));
    let acknowledged = 0;
    let lost = 0;
    let wrongRecoveries = 0;
    let discardedTotal = 0;
    const runsByWorker = new Map<number, number>();
    const started = performance.now();
    await runPool(runs, WORKERS, async (index, worker) => {
      const done = runsByWorker.get(worker) ?? 0;
      runsByWorker.set(worker, done + 1);
      const dir = join(root, `w${worker}-${Math.floor(done / RUNS_PER_FOLDER)}`);
      const path = join(dir, JOURNAL_FILE_NAME);
      const plan = plans[index] as (typeof plans)[number];
      const run = await runAndKill(launcher, dir, { killAfterMs: plan.killAfterMs });
      assert.equal(run.signal, 'SIGKILL', `run ${index} (seed ${seed}) ended by itself: ${run.stderr}`);
      const beforeInjection = planRecovery(await readFile(path));
      assert.notEqual(beforeInjection.action, 'alarm', `run ${index} (seed ${seed})`);
      const debris = crashDebris(seededRandom(plan.debrisSeed), beforeInjection.scan.head);
      await appendFile(path, debris);
      const sizeWithDebris = beforeInjection.scan.totalBytes + debris.length;
      const expectedDiscard = sizeWithDebris - beforeInjection.scan.goodBytes;

      const journal = await openJournal(dir, { minFreeBytes: 0 });
      try {
        const entries = await journal.entries();
        const last = entries[entries.length - 1];
        const expectedBody = {
          type: 'journal-recovered',
          discardedBytes: expectedDiscard,
          lastGoodSeq: beforeInjection.scan.head.seq,
        };
        const correct =
          journal.recovery?.discardedBytes === expectedDiscard &&
          journal.recovery.recorded &&
          isDeepStrictEqual(last?.body, expectedBody) &&
          last?.seq === beforeInjection.scan.head.seq + 1;
        if (!correct) {
          wrongRecoveries++;
          console.log(`run ${index} (seed ${seed}): recovery ${JSON.stringify(journal.recovery)}, last ${JSON.stringify(last?.body)}, expected ${JSON.stringify(expectedBody)}`);
        }
        discardedTotal += journal.recovery?.discardedBytes ?? 0;
        for (const [seq, hash] of run.acks) {
          acknowledged++;
          if (entries[seq - 1]?.hash !== hash) lost++;
        }
      } finally {
        await journal.close();
      }
      const verdict = await verifyJournalFile(path);
      assert.equal(verdict.ok, true, `run ${index} (seed ${seed}): ${JSON.stringify(verdict)}`);
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `partial-record: ${runs} runs (seed ${seed}, ${launcher.mode} child, ${seconds} s), ${acknowledged} acknowledged entries, ` +
        `${lost} lost, ${wrongRecoveries} wrong recoveries, ${discardedTotal} debris bytes discarded and recorded`,
    );
    assert.equal(lost, 0);
    assert.equal(wrongRecoveries, 0);
  });
});

// reliability.md §5: SIGKILL a child that appends and prints ACK after each sync; reopen; verify.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { JOURNAL_FILE_NAME, openJournal, verifyJournalFile } from '../../src-main/store/journal/index.ts';
import { childLauncher, runAndKill, runPool, type ChildLauncher } from './helpers/child-process.ts';
import { reliabilityRuns, seededRandom, suiteSeed } from './helpers/random.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const WORKERS = 4;
/** Folders are reused (each child reopens its predecessor's journal) but renewed so journals stay small. */
const RUNS_PER_FOLDER = 20;

let launcher: ChildLauncher;
let root = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
before(async () => {
  launcher = await childLauncher();
  ({ dir: root, cleanup } = await makeTempDir('sitroom-sigkill-'));
});
after(async () => {
  await launcher.dispose();
  await cleanup();
});

describe('crash safety: SIGKILL', () => {
  test('given a child appending, when it is killed at a random moment, then every acknowledged entry survives and the chain verifies', async () => {
    const runs = reliabilityRuns(200);
    const seed = suiteSeed();
    const random = seededRandom(seed);
    // Timings are drawn up front so the run is reproducible from the seed whatever the scheduling.
    const timings = Array.from({ length: runs }, () =>
      random.next() < 0.15
        ? { killAfterMs: 0, killBeforeReadyMs: random.int(0, 250) }
        : { killAfterMs: random.int(0, 30) },
    );
    let acknowledged = 0;
    let lost = 0;
    let recovered = 0;
    let killedEarly = 0;
    const runsByWorker = new Map<number, number>();
    const started = performance.now();
    // Each worker reuses its folder, so every child also reopens (and recovers) its predecessor's journal.
    await runPool(runs, WORKERS, async (index, worker) => {
      const done = runsByWorker.get(worker) ?? 0;
      runsByWorker.set(worker, done + 1);
      const dir = join(root, `w${worker}-${Math.floor(done / RUNS_PER_FOLDER)}`);
      const timing = timings[index] as (typeof timings)[number];
      const run = await runAndKill(launcher, dir, timing);
      assert.equal(run.signal, 'SIGKILL', `run ${index} (seed ${seed}) ended by itself: ${run.stderr}`);
      if (!run.ready) killedEarly++;
      const journal = await openJournal(dir, { minFreeBytes: 0 });
      try {
        if (journal.recovery !== null) recovered++;
        assert.deepEqual(journal.status, { state: 'ok' }, `run ${index} (seed ${seed})`);
        const entries = await journal.entries();
        for (const [seq, hash] of run.acks) {
          acknowledged++;
          if (entries[seq - 1]?.hash !== hash) lost++;
        }
      } finally {
        await journal.close();
      }
      const verdict = await verifyJournalFile(join(dir, JOURNAL_FILE_NAME));
      assert.equal(verdict.ok, true, `run ${index} (seed ${seed}): ${JSON.stringify(verdict)}`);
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `sigkill-loop: ${runs} runs (seed ${seed}, ${launcher.mode} child, ${WORKERS} in parallel, ${seconds} s), ` +
        `${acknowledged} acknowledged entries, ${lost} lost, ${recovered} torn tails recovered, ${killedEarly} killed before READY`,
    );
    assert.equal(lost, 0);
    assert.ok(acknowledged > runs, 'the children acknowledged too few entries for the test to mean anything');
  });
});

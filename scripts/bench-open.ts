/**
 * Open-an-exercise benchmark (not a test): what a facilitator waits for when reopening a long
 * exercise — the real `ExerciseService.open` (read, verify the hash chain, fold every event into
 * state) — against the floor of reading the same file and JSON.parse-ing its lines, in the same run.
 * "reopen" is the usual case (the journal's checked-prefix note exists: ADR 005 "Reopening fast");
 * "first open" deletes the note first, as for a journal just imported from an archive.
 *
 *   node --import tsx scripts/bench-open.ts [--quick]
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { CHECKED_PREFIX_FILE_NAME } from '../src-main/store/journal/checked-prefix.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExerciseService } from '../src-main/services/exercise-service.ts';
import { createExerciseFolder } from '../src-main/store/exercise-files.ts';
import { openJournal } from '../src-main/store/journal/index.ts';
import { busyRoom, loadFlagship } from './bench-support/busy-room.ts';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const RUNS = 3;

const { scenario, text } = await loadFlagship();
const dataDir = await mkdtemp(join(tmpdir(), 'sitroom-bench-open-'));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

console.log('events  | file MB | read+parse (limit) ms | reopen (verify+fold) ms | ratio | first open ms | ratio');
try {
  for (const size of SIZES) {
    const id = `bench-open-${size}`;
    const paths = await createExerciseFolder(
      dataDir,
      { exerciseId: id, title: 'Bench', scenarioId: scenario.id, createdAt: new Date().toISOString(), details: { venue: 'Bench', date: '2026-11-30', marking: 'EXERCISE', language: 'ko' } },
      text,
    );
    // The record is written through the real journal, a thousand events per durable append.
    const { events } = busyRoom(scenario, size);
    const journal = await openJournal(paths.dir, { minFreeBytes: 0 });
    for (let i = 0; i < events.length; i += 1000) await journal.append(events.slice(i, i + 1000));
    await journal.close();
    const file = journal.path;
    const bytes = (await stat(file)).size;

    const limits: number[] = [];
    const opens: number[] = [];
    const firsts: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      // Interleaved, so both see the same cache and CPU conditions.
      let t = performance.now();
      const raw = await readFile(file, 'utf8');
      let parsed = 0;
      for (const line of raw.split('\n')) if (line !== '') parsed += JSON.parse(line) === null ? 0 : 1;
      limits.push(performance.now() - t);
      if (parsed !== size) throw new Error(`read ${parsed} lines, expected ${size}`);

      for (const first of [true, false]) {
        if (first) await rm(join(paths.dir, CHECKED_PREFIX_FILE_NAME), { force: true });
        const service = new ExerciseService(dataDir);
        t = performance.now();
        const session = await service.open(id);
        (first ? firsts : opens).push(performance.now() - t);
        if (session.state.lastSeq !== size) throw new Error(`opened at #${session.state.lastSeq}, expected #${size}`);
        await service.closeAll();
      }
    }
    const limit = median(limits);
    const open = median(opens);
    const firstOpen = median(firsts);
    console.log(
      `${String(size).padStart(7)} | ${(bytes / 1e6).toFixed(1).padStart(7)} | ${limit.toFixed(0).padStart(21)} | ${open.toFixed(0).padStart(23)} | ${(open / limit).toFixed(2)}× | ${firstOpen.toFixed(0).padStart(13)} | ${(firstOpen / limit).toFixed(2)}×`,
    );
    console.log(`bench: open_first_${size}_ms=${firstOpen.toFixed(1)}`);
    console.log(`bench: open_first_${size}_ratio_to_limit=${(firstOpen / limit).toFixed(2)}`);
    console.log(`bench: open_${size}_ms=${open.toFixed(1)}`);
    console.log(`bench: open_${size}_limit_ms=${limit.toFixed(1)}`);
    console.log(`bench: open_${size}_ratio_to_limit=${(open / limit).toFixed(2)}`);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

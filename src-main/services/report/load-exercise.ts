/**
 * An exercise as the report sees it: read without opening its journal for writing (no lock, no
 * recovery, nothing written), the whole chain verified, replayed with the same `evolve` the live
 * exercise used, and turned into the report model that every format renders.
 */
import { readFile } from 'node:fs/promises';
import { replay } from '../../core/engine/index.ts';
import type { ExerciseState } from '../../core/engine/index.ts';
import { loadScenario } from '../../core/scenario/index.ts';
import type { Language } from '../../core/scenario/text.ts';
import { computeScores } from '../../core/scoring/index.ts';
import { buildReport } from '../../core/report/build.ts';
import type { ReportModel } from '../../core/report/model.ts';
import { readExerciseFolder } from '../../store/exercise-files.ts';
import type { ExerciseMeta } from '../../store/exercise-files.ts';
import { scanJournal } from '../../store/journal/index.ts';
import type { JournalHead } from '../../store/journal/index.ts';
import { eventsFromEntries } from '../exercise-session.ts';

/** A problem with the input (unknown exercise, damaged journal…), worded for the person running it. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}

export interface LoadedExercise {
  readonly meta: ExerciseMeta;
  readonly state: ExerciseState;
  readonly head: JournalHead;
}

/** Reads and replays an exercise without opening its journal for writing. */
export async function loadExerciseReadOnly(dataDir: string, exerciseId: string): Promise<LoadedExercise> {
  let folder;
  try {
    folder = await readExerciseFolder(dataDir, exerciseId);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new ReportInputError(`no exercise "${exerciseId}" in ${dataDir} (run "sitroom list --data-dir ${dataDir}")`);
    if (error instanceof Error && error.name === 'ZodError') throw new ReportInputError(`"${exerciseId}" is not an exercise id`);
    throw new ReportInputError(error instanceof Error ? error.message : String(error));
  }
  const loaded = loadScenario(folder.scenarioText);
  if (!loaded.ok) throw new ReportInputError(`the scenario snapshot of exercise "${exerciseId}" no longer validates: ${loaded.errors[0]?.message ?? ''}`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(folder.paths.journal));
  } catch {
    throw new ReportInputError(`exercise "${exerciseId}" has no journal at ${folder.paths.journal}`);
  }
  const scan = scanJournal(bytes);
  if (scan.problem !== null) {
    const what = scan.problem.kind === 'torn-tail' ? 'ends in a torn tail (an interrupted write; opening the exercise in the app cuts it off and records that)' : 'fails verification';
    throw new ReportInputError(`the journal of "${exerciseId}" ${what} at seq ${scan.problem.seq}: ${scan.problem.reason}. A report is only built from a verified record; run "sitroom verify ${exerciseId}".`);
  }
  if (scan.entries.length === 0) throw new ReportInputError(`the journal of "${exerciseId}" is empty`);
  const state = replay(loaded.scenario, eventsFromEntries(scan.entries));
  return { meta: folder.meta, state, head: scan.head };
}

export function reportModelOf(exercise: LoadedExercise, language: Language | undefined, now: Date): ReportModel {
  const { state, head, meta } = exercise;
  return buildReport({
    state,
    scores: computeScores(state),
    journal: { exerciseId: meta.exerciseId, seq: head.seq, head: head.hash },
    generatedAt: now.toISOString(),
    language: language ?? state.setup?.language ?? 'en',
  });
}

/**
 * The folder of one exercise: `<dataDir>/exercises/<exerciseId>/` with `journal.jsonl` (the record),
 * `scenario.yaml` (the exact scenario text it ran, so a later edit of the library cannot change
 * what the record means) and `meta.json`.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { Id, ShortText } from '../core/scenario/text.ts';
import { errorCode, nodeFileSystem, type FileSystem } from './file-system.ts';
import { createFileDurably, fsyncDirectory, makeDirectoryDurably } from './durable-write.ts';
import { ExerciseId, IsoTime, Sha256Hex } from './formats.ts';
import { sha256Hex } from './journal/entry.ts';
import { JOURNAL_FILE_NAME } from './journal/file-journal.ts';

export const EXERCISES_FOLDER = 'exercises';
export const SCENARIO_SNAPSHOT_FILE_NAME = 'scenario.yaml';
export const META_FILE_NAME = 'meta.json';
export const EXERCISE_META_VERSION = 1;

export const ExerciseMeta = z.strictObject({
  schemaVersion: z.literal(EXERCISE_META_VERSION),
  exerciseId: ExerciseId,
  title: ShortText,
  scenarioId: Id,
  /** SHA-256 of `scenario.yaml`, so the snapshot can be checked against the record. */
  scenarioSha256: Sha256Hex,
  createdAt: IsoTime,
  /** Anything else the exercise service wants to keep (participants, marking, language…). */
  details: z.record(z.string().max(100), z.json()).optional(),
});
export type ExerciseMeta = z.infer<typeof ExerciseMeta>;

export type NewExercise = Omit<ExerciseMeta, 'schemaVersion' | 'scenarioSha256'>;

export interface ExercisePaths {
  readonly dir: string;
  readonly journal: string;
  readonly scenario: string;
  readonly meta: string;
}

export function exercisePaths(dataDir: string, exerciseId: string): ExercisePaths {
  // Checked here too, not only by the schemas: this is the one place ids become paths.
  ExerciseId.parse(exerciseId);
  const dir = join(dataDir, EXERCISES_FOLDER, exerciseId);
  return {
    dir,
    journal: join(dir, JOURNAL_FILE_NAME),
    scenario: join(dir, SCENARIO_SNAPSHOT_FILE_NAME),
    meta: join(dir, META_FILE_NAME),
  };
}

export class ExerciseFolderError extends Error {
  override readonly name = 'ExerciseFolderError';

  constructor(
    readonly code: 'exists' | 'damaged',
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

function existsError(exerciseId: string, dir: string): ExerciseFolderError {
  return new ExerciseFolderError('exists', `An exercise with id "${exerciseId}" already exists in ${dir}; it was left untouched.`);
}

async function exists(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

export interface ExerciseFiles {
  readonly meta: ExerciseMeta;
  readonly scenarioText: string;
  /** Raw journal content; omitted for a new exercise (openJournal creates it). */
  readonly journal?: Uint8Array;
}

/**
 * Writes a complete exercise folder, or nothing: the files are written and synced in a hidden
 * staging folder beside it, which is then renamed into place. Refuses an id that already exists.
 */
export async function writeExerciseFolder(
  dataDir: string,
  files: ExerciseFiles,
  fs: FileSystem = nodeFileSystem,
): Promise<ExercisePaths> {
  const meta = ExerciseMeta.parse(files.meta);
  const target = exercisePaths(dataDir, meta.exerciseId);
  if (await exists(fs, target.dir)) throw existsError(meta.exerciseId, target.dir);
  const parent = join(dataDir, EXERCISES_FOLDER);
  await makeDirectoryDurably(fs, parent);
  const staging = join(parent, `.staging-${meta.exerciseId}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const encoder = new TextEncoder();
  try {
    await makeDirectoryDurably(fs, staging);
    await createFileDurably(fs, join(staging, SCENARIO_SNAPSHOT_FILE_NAME), encoder.encode(files.scenarioText));
    await createFileDurably(fs, join(staging, META_FILE_NAME), encoder.encode(JSON.stringify(meta, null, 2) + '\n'));
    if (files.journal !== undefined) await createFileDurably(fs, join(staging, JOURNAL_FILE_NAME), files.journal);
    await fsyncDirectory(fs, staging);
    // rename(2) would silently replace an EMPTY directory that appeared meanwhile: look again.
    if (await exists(fs, target.dir)) throw existsError(meta.exerciseId, target.dir);
    await fs.rename(staging, target.dir);
    await fsyncDirectory(fs, parent);
  } catch (error) {
    await fs.rmTree(staging).catch(() => undefined); // the original error is the one to report
    throw error;
  }
  return target;
}

/** Creates the folder for a new exercise; open its journal next with `openJournal(paths.dir)`. */
export function createExerciseFolder(
  dataDir: string,
  exercise: NewExercise,
  scenarioText: string,
  fs: FileSystem = nodeFileSystem,
): Promise<ExercisePaths> {
  const meta: ExerciseMeta = {
    ...exercise,
    schemaVersion: EXERCISE_META_VERSION,
    scenarioSha256: sha256Hex(scenarioText),
  };
  return writeExerciseFolder(dataDir, { meta, scenarioText }, fs);
}

/** Reads and validates `meta.json`, and checks the scenario snapshot against its hash. */
export async function readExerciseFolder(
  dataDir: string,
  exerciseId: string,
  fs: FileSystem = nodeFileSystem,
): Promise<{ readonly paths: ExercisePaths; readonly meta: ExerciseMeta; readonly scenarioText: string }> {
  const paths = exercisePaths(dataDir, exerciseId);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const metaBytes = await fs.readFile(paths.meta);
  const scenarioBytes = await fs.readFile(paths.scenario);
  let meta: ExerciseMeta;
  let scenarioText: string;
  try {
    const parsed = ExerciseMeta.safeParse(JSON.parse(decoder.decode(metaBytes)));
    if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
    meta = parsed.data;
    scenarioText = decoder.decode(scenarioBytes);
  } catch (error) {
    throw new ExerciseFolderError('damaged', `The files of exercise "${exerciseId}" are damaged: ${describe(error)}`, {
      cause: error,
    });
  }
  if (sha256Hex(scenarioText) !== meta.scenarioSha256) {
    throw new ExerciseFolderError(
      'damaged',
      `The scenario snapshot of exercise "${exerciseId}" does not match the hash in its meta.json.`,
    );
  }
  return { paths, meta, scenarioText };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

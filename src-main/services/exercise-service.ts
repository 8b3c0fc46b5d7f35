/**
 * The exercises of one data directory: create one from a scenario, open (verify, recover, fold)
 * an existing one, list them, and move them between machines as verified archives.
 */
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor, ExerciseSetup } from '../core/engine/index.ts';
import { loadScenarioRemembered } from './scenario-memo.ts';
import { exportExercise, importArchive } from '../store/archive.ts';
import { createExerciseFolder, EXERCISES_FOLDER, readExerciseFolder } from '../store/exercise-files.ts';
import type { ExerciseMeta } from '../store/exercise-files.ts';
import { openJournal, verifyJournalFile } from '../store/journal/index.ts';
import { ExerciseSession } from './exercise-session.ts';
import type { DispatchResult, SessionOptions } from './exercise-session.ts';
import type { LoadedScenario } from './scenario-library.ts';

export interface ExerciseSummary {
  readonly id: string;
  readonly title: string;
  readonly scenarioId: string;
  readonly createdAt: string;
  readonly events: number;
  readonly head: string;
  readonly verified: 'ok' | 'torn-tail' | 'tampered' | 'missing';
}

export type NewExerciseSetup = Omit<ExerciseSetup, 'scenarioId' | 'scenarioHash'>;

export class ExerciseService {
  readonly #sessions = new Map<string, ExerciseSession>();

  constructor(
    readonly dataDir: string,
    private readonly options: SessionOptions & {
      /** Called for every session as soon as it exists, before any command: views subscribe here. */
      readonly onSession?: (session: ExerciseSession) => void;
    } = {},
  ) {}

  /** Snapshots the scenario into a new exercise folder and records the create-exercise event. */
  async create(scenario: LoadedScenario, setup: NewExerciseSetup, actor: Actor): Promise<{ session: ExerciseSession; created: DispatchResult }> {
    const now = new Date((this.options.now ?? Date.now)());
    const id = newExerciseId(now, scenario.scenario.id);
    const paths = await createExerciseFolder(
      this.dataDir,
      {
        exerciseId: id,
        title: setup.title,
        scenarioId: scenario.scenario.id,
        createdAt: now.toISOString(),
        details: { venue: setup.venue, date: setup.date, marking: setup.marking, language: setup.language },
      },
      scenario.text,
    );
    const { meta } = await readExerciseFolder(this.dataDir, id);
    const journal = await openJournal(paths.dir, this.#journalOptions());
    const session = await ExerciseSession.load(meta, scenario.scenario, scenario.text, journal, this.options);
    this.#sessions.set(id, session);
    this.options.onSession?.(session);
    const created = await session.dispatch({ type: 'create-exercise', ...setup, scenarioId: scenario.scenario.id, scenarioHash: meta.scenarioSha256 }, actor);
    return { session, created };
  }

  /**
   * Free space is checked when an exercise is created (preflight, reliability.md §2); reopening an
   * existing record on a nearly full disk must still work, read-only if need be.
   */
  #journalOptions(purpose: 'create' | 'open' = 'create') {
    const now = this.options.now ?? Date.now;
    return {
      now: () => new Date(now()),
      ...(purpose === 'open' ? { minFreeBytes: 0 } : {}),
      ...(this.options.fs ? { fs: this.options.fs } : {}),
    };
  }

  /** Opens an exercise: verifies the chain, cuts a torn tail (recording it), folds the events. */
  async open(id: string): Promise<ExerciseSession> {
    const open = this.#sessions.get(id);
    if (open) return open;
    const { paths, meta, scenarioText } = await readExerciseFolder(this.dataDir, id);
    const loaded = loadScenarioRemembered(scenarioText);
    if (!loaded.ok) throw new Error(`The scenario snapshot of exercise "${id}" no longer validates: ${loaded.errors[0]?.message ?? ''}`);
    const journal = await openJournal(paths.dir, this.#journalOptions('open'));
    try {
      const session = await ExerciseSession.load(meta, loaded.scenario, scenarioText, journal, this.options);
      this.#sessions.set(id, session);
      this.options.onSession?.(session);
      return session;
    } catch (error) {
      await journal.close();
      throw error;
    }
  }

  async list(): Promise<ExerciseSummary[]> {
    let ids: string[];
    try {
      ids = (await readdir(join(this.dataDir, EXERCISES_FOLDER), { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
    } catch {
      return [];
    }
    const summaries: ExerciseSummary[] = [];
    for (const id of ids.sort()) {
      let meta: ExerciseMeta;
      try {
        meta = (await readExerciseFolder(this.dataDir, id)).meta;
      } catch {
        continue; // not an exercise folder, or damaged: `verify` explains which
      }
      const verdict = await verifyJournalFile(join(this.dataDir, EXERCISES_FOLDER, id, 'journal.jsonl')).catch(() => null);
      summaries.push({
        id,
        title: typeof meta.title === 'string' ? meta.title : meta.title.en,
        scenarioId: meta.scenarioId,
        createdAt: meta.createdAt,
        events: verdict?.ok ? verdict.count : 0,
        head: verdict?.ok ? verdict.head.hash : '',
        verified: verdict === null ? 'missing' : verdict.ok ? 'ok' : verdict.kind,
      });
    }
    return summaries;
  }

  async exportArchive(id: string, file: string) {
    return exportExercise(this.dataDir, id, file);
  }

  async importArchive(file: string) {
    return importArchive(file, this.dataDir);
  }

  async closeAll(): Promise<void> {
    for (const session of this.#sessions.values()) await session.close();
    this.#sessions.clear();
  }
}

/** `20261129-pangyo-datacenter-fire-3fa2c1`: sortable by date, readable, unique. */
export function newExerciseId(now: Date, scenarioId: string): string {
  const date = now.toISOString().slice(0, 10).replaceAll('-', '');
  const slug = scenarioId.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 48);
  return `${date}-${slug}-${randomBytes(3).toString('hex')}`;
}

/**
 * The catalog: settings, the scenario library index and the exercise index, in one lowdb file.
 *
 * Nothing here is the record of an exercise: every index entry can be rebuilt by scanning the
 * scenario folder and the exercise journals, which is why a damaged catalog is simply set aside
 * and rebuilt by the caller's function.
 */
import { z } from 'zod';
import { Id, ShortText } from '../core/scenario/text.ts';
import { openJsonStore, type JsonStoreOrigin } from './durable-json-file.ts';
import { ExerciseId, IsoTime, Sha256Hex } from './formats.ts';
import type { FileSystem } from './file-system.ts';
import type { Low } from 'lowdb';

export const CATALOG_SCHEMA_VERSION = 1;
export const CATALOG_FILE_NAME = 'catalog.json';

export const CatalogSettings = z.strictObject({
  language: z.enum(['ko', 'en']),
  /** Where exercises live, when the person moved it away from the default. */
  dataDir: z.string().min(1).max(4096).optional(),
  /** UI preferences: a flat bag of small values the renderer owns. */
  preferences: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean()])).optional(),
});

export const ScenarioIndexEntry = z.strictObject({
  id: Id,
  title: ShortText,
  /** Path of the scenario file, relative to the scenario library folder. */
  file: z.string().min(1).max(1024),
  sha256: Sha256Hex,
  schemaVersion: z.number().int().positive(),
  addedAt: IsoTime,
});

export const ExerciseIndexEntry = z.strictObject({
  id: ExerciseId,
  title: ShortText,
  scenarioId: Id,
  scenarioSha256: Sha256Hex,
  createdAt: IsoTime,
  phase: z.enum(['planned', 'running', 'ended', 'imported']),
  /** Head of the journal when last seen, for the list view; the journal itself is the truth. */
  head: z.strictObject({ seq: z.number().int().nonnegative(), hash: Sha256Hex }).optional(),
});

export const Catalog = z.strictObject({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  settings: CatalogSettings,
  scenarios: z.array(ScenarioIndexEntry).max(10_000),
  exercises: z.array(ExerciseIndexEntry).max(100_000),
});

export type Catalog = z.infer<typeof Catalog>;
export type CatalogSettings = z.infer<typeof CatalogSettings>;
export type ScenarioIndexEntry = z.infer<typeof ScenarioIndexEntry>;
export type ExerciseIndexEntry = z.infer<typeof ExerciseIndexEntry>;

export function emptyCatalog(settings: CatalogSettings = { language: 'ko' }): Catalog {
  return { schemaVersion: CATALOG_SCHEMA_VERSION, settings, scenarios: [], exercises: [] };
}

export interface OpenCatalogOptions {
  /** Rebuilds the catalog when the file is missing or damaged (scan scenarios and journals). */
  readonly rebuild: () => Catalog | Promise<Catalog>;
  readonly fs?: FileSystem;
  readonly now?: () => Date;
}

/**
 * Opens the catalog file. Change it with `db.update((c) => …)`: each write is validated, then
 * replaces the file durably. `origin` says whether it was read or rebuilt (and why).
 */
export function openCatalog(
  path: string,
  options: OpenCatalogOptions,
): Promise<{ readonly db: Low<Catalog>; readonly origin: JsonStoreOrigin }> {
  return openJsonStore(path, {
    ...options,
    schema: Catalog,
    version: { field: 'schemaVersion', current: CATALOG_SCHEMA_VERSION },
  });
}

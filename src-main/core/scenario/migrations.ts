/**
 * Scenario format migrations. A file written for an older `schemaVersion` is upgraded step by
 * step (1 → 2 → …) before validation, so planners never have to rewrite old packages by hand.
 * Each step is a pure function on plain data with its own test. Version 1 is the first format,
 * so the table is empty today; the mechanism is tested with a synthetic version 2 step.
 */
import { CURRENT_SCHEMA_VERSION } from './schema.ts';

/** `steps[n]` upgrades a version-n document to version n + 1. */
export type MigrationSteps = Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>;

export const SCENARIO_MIGRATIONS: MigrationSteps = {};

export type MigrationResult =
  | { readonly ok: true; readonly doc: Record<string, unknown>; readonly from: number }
  | { readonly ok: false; readonly message: string; readonly path: readonly string[] };

export function migrateScenario(
  raw: unknown,
  steps: MigrationSteps = SCENARIO_MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, path: [], message: 'a scenario is a block of fields starting with schemaVersion: 1; this file holds something else' };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc['schemaVersion'];
  if (version === undefined) {
    return { ok: false, path: ['schemaVersion'], message: `"schemaVersion" is required; add schemaVersion: ${target} at the top` };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, path: ['schemaVersion'], message: `schemaVersion must be a whole number such as ${target}` };
  }
  if (version > target) {
    return {
      ok: false,
      path: ['schemaVersion'],
      message: `the file uses format version ${version}, but this Sitroom reads up to version ${target}; update Sitroom`,
    };
  }
  for (let v = version; v < target; v++) {
    const step = steps[v];
    if (!step) return { ok: false, path: ['schemaVersion'], message: `no migration from format version ${v} to ${v + 1}` };
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  return { ok: true, doc, from: version };
}

/** The scenario package format: schema, loader, findings and lint. */
export * from './schema.ts';
export * from './conditions.ts';
export * from './text.ts';
export * from './findings.ts';
export { loadScenario, countScenario, MAX_FINDINGS } from './load.ts';
export type { LoadResult, ScenarioCounts } from './load.ts';
export { migrateScenario, SCENARIO_MIGRATIONS } from './migrations.ts';
export type { MigrationSteps } from './migrations.ts';
export { reachableInjects } from './lint.ts';
export { MAX_SCENARIO_BYTES } from './decode.ts';

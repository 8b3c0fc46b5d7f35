import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { migrateScenario, SCENARIO_MIGRATIONS } from '../../../src-main/core/scenario/index.ts';
import type { MigrationSteps } from '../../../src-main/core/scenario/index.ts';

describe('scenario format migrations', () => {
  test('version 1 is current: a version-1 document passes through unchanged', () => {
    const doc = { schemaVersion: 1, id: 'x' };
    const result = migrateScenario(doc);
    assert.deepEqual(result, { ok: true, doc, from: 1 });
    assert.deepEqual(Object.keys(SCENARIO_MIGRATIONS), []);
  });

  test('given a version-2 format with a step from 1, a version-1 file is upgraded before validation', () => {
    // The shape a real 1 → 2 step would take: rename `hazard` to `threat`.
    const steps: MigrationSteps = {
      1: ({ hazard, ...rest }) => ({ ...rest, threat: hazard }),
    };
    const result = migrateScenario({ schemaVersion: 1, hazard: 'fire' }, steps, 2);
    assert.deepEqual(result, { ok: true, doc: { schemaVersion: 2, threat: 'fire' }, from: 1 });
  });

  test('a missing step is reported, not skipped', () => {
    const result = migrateScenario({ schemaVersion: 1 }, {}, 3);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /no migration from format version 1 to 2/);
  });

  test('a newer file than this Sitroom reads says to update Sitroom', () => {
    const result = migrateScenario({ schemaVersion: 2 });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /update Sitroom/);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderScenarioJsonSchema } from '../../../src-main/core/scenario/json-schema.ts';
import { SCENARIOS } from '../../helpers/paths.ts';

test('scenarios/scenario.schema.json is up to date with the zod schema (run `npm run schema`)', () => {
  const committed = readFileSync(join(SCENARIOS, 'scenario.schema.json'), 'utf8');
  assert.equal(committed, renderScenarioJsonSchema(), 'stale: run `npm run schema` and commit the result');
});

test('the JSON Schema is strict enough to help planners: unknown keys are refused', () => {
  const schema = JSON.parse(renderScenarioJsonSchema()) as { additionalProperties?: boolean; required?: string[] };
  assert.equal(schema.additionalProperties, false);
  assert.ok(schema.required?.includes('injects'));
});

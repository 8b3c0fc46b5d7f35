import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadScenario } from '../../src-main/core/scenario/index.ts';
import { loadScenarioRemembered } from '../../src-main/services/scenario-memo.ts';
import { FIXTURES } from '../helpers/paths.ts';

const minimal = await readFile(`${FIXTURES}/scenarios/minimal.yaml`, 'utf8');

test('a second load of the same bytes returns the remembered result, equal to a fresh load', () => {
  const first = loadScenarioRemembered(minimal);
  const second = loadScenarioRemembered(new TextEncoder().encode(minimal));
  assert.equal(second, first, 'the same text as bytes or as a string is one key');
  assert.deepEqual(first, loadScenario(minimal));
});

test('different bytes are loaded on their own, bad ones included', () => {
  const edited = minimal.replace(/^title:.*$/m, 'title: { en: Edited, ko: 수정됨 }');
  assert.notEqual(edited, minimal);
  const good = loadScenarioRemembered(edited);
  assert.ok(good.ok);
  assert.deepEqual(good.scenario.title, { en: 'Edited', ko: '수정됨' });
  const bad = loadScenarioRemembered('schemaVersion: 1\n');
  assert.equal(bad.ok, false);
  assert.equal(loadScenarioRemembered('schemaVersion: 1\n'), bad);
});

test('only the last few results are kept', () => {
  const first = loadScenarioRemembered(`${minimal}\n# variant 0\n`);
  for (let i = 1; i <= 8; i++) loadScenarioRemembered(`${minimal}\n# variant ${i}\n`);
  const again = loadScenarioRemembered(`${minimal}\n# variant 0\n`);
  assert.notEqual(again, first, 'evicted after eight newer texts');
  assert.deepEqual(again, first);
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadScenario, formatFinding } from '../../../src-main/core/scenario/index.ts';
import { fixture } from '../../helpers/paths.ts';

const minimal = readFileSync(fixture('scenarios', 'minimal.yaml'));

describe('loading a scenario', () => {
  test('given a complete small scenario, when loaded, then it is valid with no warnings and counted', () => {
    const result = loadScenario(new Uint8Array(minimal));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.counts, { injects: 6, cells: 4, objectives: 2, tasks: 2, decisionPoints: 1 });
    assert.equal(result.scenario.injects[0]?.visibility, 'addressed', 'defaults are filled in');
  });

  test('given a UTF-8 byte-order mark (Windows Notepad), when loaded, then it is accepted', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...minimal]);
    assert.equal(loadScenario(withBom).ok, true);
  });

  test('given the same text as a string, when loaded, then the result is the same', () => {
    const a = loadScenario(minimal.toString('utf8'));
    const b = loadScenario(new Uint8Array(minimal));
    assert.deepEqual(a, b);
  });

  test('given several mistakes, when loaded, then each is reported with line, column and path', () => {
    const text = minimal
      .toString('utf8')
      .replace('users: 47000000', 'users: many')
      .replace('    channel: phone', '    chanel: phone');
    const result = loadScenario(text);
    assert.equal(result.ok, false);
    const lines = result.ok ? [] : result.errors.map((e) => formatFinding('x.yaml', e));
    assert.ok(lines.some((l) => /^x\.yaml:36:\d+: error: services\[2\]\.users: expected a number, got text "many"$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => l.includes('injects[1].chanel: unknown field "chanel"')), lines.join('\n'));
  });

  test('given a reference error, when loaded, then the finding points at the exact list item', () => {
    const text = minimal.toString('utf8').replace('unlocks: [inj-praise]', 'unlocks: [inj-nope]');
    const result = loadScenario(text);
    assert.equal(result.ok, false);
    const [first] = result.ok ? [] : result.errors;
    assert.deepEqual(first?.path, ['injects', 1, 'decision', 'options', 0, 'unlocks', 0]);
    const line = text.split('\n')[(first?.line ?? 0) - 1] ?? '';
    assert.equal(line.slice((first?.col ?? 0) - 1).startsWith('inj-nope'), true, line);
  });
});

// Every file in test/fixtures/bad-scenarios/ must be refused with its own clear error: the
// expected code, words and (where given) line and path are in expectations.json beside them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { formatPath, loadScenario } from '../../../src-main/core/scenario/index.ts';
import { fixture } from '../../helpers/paths.ts';

interface Expectation {
  code: string;
  message: string;
  line?: number;
  path?: string;
}

const dir = fixture('bad-scenarios');
const expectations = JSON.parse(readFileSync(fixture('bad-scenarios', 'expectations.json'), 'utf8')) as Record<string, Expectation>;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('the bad-scenario corpus', () => {
  test('holds at least 25 files, each with an expectation', () => {
    assert.ok(files.length >= 25, `${files.length} files`);
    assert.deepEqual(files.filter((f) => !(f in expectations)), []);
  });

  for (const file of files) {
    test(`${file} is refused with its own clear error`, () => {
      const expected = expectations[file]!;
      const started = performance.now();
      const result = loadScenario(new Uint8Array(readFileSync(`${dir}/${file}`)));
      const elapsed = performance.now() - started;
      assert.equal(result.ok, false, 'must not load');
      const errors = result.ok ? [] : result.errors;
      const match = errors.find(
        (e) =>
          e.code === expected.code &&
          e.message.includes(expected.message) &&
          (expected.line === undefined || e.line === expected.line) &&
          (expected.path === undefined || formatPath(e.path) === expected.path),
      );
      assert.ok(match, `expected ${JSON.stringify(expected)}\n got ${JSON.stringify(errors, null, 1)}`);
      assert.ok(errors.length <= 200, 'findings are capped');
      assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
    });
  }
});

// Fuzzes the scenario loader with fast-check: raw bytes, raw text and mutations of a valid file.
// Passes when every input yields a typed result (never a throw) and no input takes over 100 ms.
// Runs: SITROOM_FUZZ_RUNS (default 20 000, the CI size); the seed is printed so a failure replays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadScenario } from '../../../src-main/core/scenario/index.ts';
import type { LoadResult } from '../../../src-main/core/scenario/index.ts';
import { fixture } from '../../helpers/paths.ts';

const RUNS = Number(process.env['SITROOM_FUZZ_RUNS'] ?? 20_000);
const SEED = Number(process.env['SITROOM_FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const valid = readFileSync(fixture('scenarios', 'minimal.yaml'), 'utf8');
const lines = valid.split('\n');

/** Edits a planner (or an attacker) might make: cut, insert, duplicate, swap, retype a value. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('&a ', '*a', '!!js/function ', '__proto__: 1\n', '[', '{', ': ', '\n  - ', '- ', '"', "'", '\t', '#', 'T+99:99', '~', 'null', '<script>')) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('replace-value' as const), at: fc.nat(), value: fc.oneof(fc.integer().map(String), fc.constantFrom('[]', '{}', 'null', 'true', '-1', '1e999', '"x"', 'inj-fire', 'all')) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate-line': {
      const ls = text.split('\n');
      const i = m.at % ls.length;
      ls.splice(i, 0, ls[i] ?? '');
      return ls.join('\n');
    }
    case 'swap-lines': {
      const ls = text.split('\n');
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      [ls[a], ls[b]] = [ls[b] ?? '', ls[a] ?? ''];
      return ls.join('\n');
    }
    case 'replace-value': {
      const ls = text.split('\n');
      const i = m.at % ls.length;
      ls[i] = (ls[i] ?? '').replace(/:\s.*$/, `: ${m.value}`);
      return ls.join('\n');
    }
  }
}

const input = fc.oneof(
  { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce(apply, valid)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...lines), { maxLength: 60 }).map((ls) => ls.join('\n')) },
);

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function assertTyped(result: LoadResult): void {
  const findings = result.ok ? result.warnings : result.errors;
  if (!result.ok) assert.ok(result.errors.length > 0, 'a refusal names at least one error');
  for (const f of findings) {
    assert.ok(typeof f.message === 'string' && f.message.length > 0 && f.line >= 1 && f.col >= 1, JSON.stringify(f));
  }
}

test(`fuzz: the scenario loader gives typed results for ${RUNS} hostile inputs (seed ${SEED})`, () => {
  console.log(`fuzz seed ${SEED}, runs ${RUNS} (replay: SITROOM_FUZZ_SEED=${SEED})`);
  // Warm the JIT first: the 100 ms bound is about pathological inputs, not a cold start.
  for (let i = 0; i < 20; i++) loadScenario(valid);
  let slowest = 0;
  let accepted = 0;
  fc.assert(
    fc.property(input, (value) => {
      // CPU time, not wall time: on a shared machine other processes stretch the wall clock, but
      // not the work this input costs. A GC pause can still inflate one reading, and a genuinely
      // slow input is slow every time, so an over-limit reading is re-measured and the best kept.
      let started = process.cpuUsage();
      const result = loadScenario(value);
      let elapsed = cpuMs(process.cpuUsage(started));
      for (let retry = 0; retry < 3 && elapsed >= 100; retry++) {
        started = process.cpuUsage();
        loadScenario(value);
        elapsed = Math.min(elapsed, cpuMs(process.cpuUsage(started)));
      }
      slowest = Math.max(slowest, elapsed);
      if (result.ok) accepted += 1;
      assertTyped(result);
      assert.ok(elapsed < 100, `an input took ${elapsed.toFixed(1)} ms of CPU`);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  console.log(`fuzz: ${RUNS} inputs, ${accepted} still valid, slowest ${slowest.toFixed(1)} ms of CPU`);
});

/**
 * Scoring remembers the last no-response baseline per scenario object (baseline.ts). A memo may
 * only ever save time: scores with the baseline remembered must be deep-equal to scores computed
 * from a fresh run, for the shipped strong and weak playthroughs of the flagship, and the memo must
 * run again whenever the horizon or the scenario differs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replay, type ExerciseEvent } from '../../../src-main/core/engine/index.ts';
import { loadScenario, type Scenario } from '../../../src-main/core/scenario/index.ts';
import { computeScores, noResponseRun } from '../../../src-main/core/scoring/index.ts';
import { noResponseBaseline } from '../../../src-main/core/scoring/baseline.ts';
import { referenceTime } from '../../../src-main/core/scoring/happened.ts';
import { readPlaythrough } from '../../../src-main/services/playthrough/load.ts';
import { runPlaythrough } from '../../../src-main/services/playthrough/run.ts';
import { resolveScenario } from '../../../src-main/services/scenario-library.ts';
import { MINIMAL, hours } from './support.ts';

const SCENARIO = 'pangyo-datacenter-fire';

/** A scenario object of its own, parsed from the shipped file (the library would hand back its cached one). */
async function loadFresh(): Promise<Scenario> {
  const loaded = loadScenario(await readFile(new URL(`../../../scenarios/${SCENARIO}.yaml`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`${SCENARIO} does not load`);
  return loaded.scenario;
}

describe('the remembered no-response baseline', () => {
  let dir = '';
  const played = new Map<string, readonly ExerciseEvent[]>();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitroom-baseline-memo-'));
    for (const name of ['strong', 'weak'] as const) {
      const { playthrough } = await readPlaythrough(SCENARIO, name);
      const { session, refused } = await runPlaythrough(await resolveScenario(SCENARIO), playthrough, { dataDir: join(dir, name) });
      assert.deepEqual(refused, [], `${name}: every step accepted`);
      played.set(name, session.state.log);
      await session.close();
    }
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const name of ['strong', 'weak'] as const) {
    it(`${name} playthrough: scores with the baseline remembered deep-equal scores from a fresh run`, async () => {
      const events = played.get(name) ?? [];
      // Two loads of the scenario: two objects, so the memo of one can never answer for the other.
      const first = replay(await loadFresh(), events);
      const second = replay(await loadFresh(), events);
      assert.notEqual(first.scenario, second.scenario);

      const fresh = computeScores(first); // nothing remembered for this scenario object yet
      const horizon = referenceTime(first);
      const remembered = noResponseBaseline(first.scenario, horizon);
      assert.equal(noResponseBaseline(first.scenario, horizon), remembered, 'the second ask is answered from the memo');
      assert.deepEqual(computeScores(first), fresh, 'scored again, with the remembered baseline');
      assert.deepEqual(remembered, noResponseRun(first.scenario, horizon), 'the remembered run is the run');
      assert.deepEqual(computeScores(second), fresh, 'the same record on another scenario object');
      assert.ok(fresh.outcome.baselineUserHoursLost > 0, 'the baseline is in the scores at all');
    });
  }

  it('runs again for another horizon, and keeps only the last one', () => {
    const at12 = noResponseBaseline(MINIMAL, hours(12));
    const at4 = noResponseBaseline(MINIMAL, hours(4));
    assert.notEqual(at4, at12);
    assert.equal(at4.scenarioTime, hours(4));
    assert.deepEqual(at4, noResponseRun(MINIMAL, hours(4)));
    const again12 = noResponseBaseline(MINIMAL, hours(12));
    assert.equal(again12.scenarioTime, hours(12));
    assert.deepEqual(again12, noResponseRun(MINIMAL, hours(12)));
    assert.equal(noResponseBaseline(MINIMAL, hours(12)), again12);
  });
});

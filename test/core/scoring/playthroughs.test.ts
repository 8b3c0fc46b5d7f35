/**
 * The shipped strong and weak playthroughs of the flagship scenario, each run into a real journal in
 * a temporary data directory, read back from disk, replayed into a state and scored. The strong
 * response must score clearly above the weak one, overall and on most components.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replay, upcast, type ExerciseEvent, type StoredEvent } from '../../../src-main/core/engine/index.ts';
import { computeScores, COMPONENTS, type Scores } from '../../../src-main/core/scoring/index.ts';
import { translate } from '../../../src-main/core/i18n/translate.ts';
import { readPlaythrough } from '../../../src-main/services/playthrough/load.ts';
import { runPlaythrough } from '../../../src-main/services/playthrough/run.ts';
import { resolveScenario, type LoadedScenario } from '../../../src-main/services/scenario-library.ts';
import { assertRenders, explanations } from './support.ts';

const SCENARIO = 'pangyo-datacenter-fire';

interface Played {
  readonly scores: Scores;
  readonly events: readonly ExerciseEvent[];
}

async function play(scenario: LoadedScenario, name: string, dataDir: string): Promise<Played> {
  const { playthrough } = await readPlaythrough(SCENARIO, name);
  const { session, refused } = await runPlaythrough(scenario, playthrough, { dataDir });
  assert.deepEqual(refused, [], `${name}: every step accepted`);
  const path = session.journalPath;
  const live = session.state;
  await session.close();
  // Read the journal as written: one hash-chained entry per line, the engine event in its body.
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.length > 0);
  const events = lines.map((line) => upcast((JSON.parse(line) as { body: StoredEvent }).body));
  const state = replay(scenario.scenario, events);
  const scores = computeScores(state);
  assert.deepEqual(scores, computeScores(live), `${name}: the journal scores exactly as the live session`);
  return { scores, events };
}

function table(name: string, s: Scores): string {
  const comps = s.exercise.components.map((c) => `${c.component} ${c.value ?? '–'}`).join(', ');
  const objectives = s.objectives.map((o) => `    ${o.id.padEnd(12)} ${String(o.score.value ?? '–').padStart(5)}`).join('\n');
  return `  ${name}: exercise ${s.exercise.score.value} (${comps})\n${objectives}`;
}

describe('strong and weak playthroughs of the flagship', () => {
  let dir = '';
  let strong: Played;
  let weak: Played;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitroom-scoring-'));
    const scenario = await resolveScenario(SCENARIO);
    strong = await play(scenario, 'strong', join(dir, 'strong'));
    weak = await play(scenario, 'weak', join(dir, 'weak'));
    // Diagnostic: both playthroughs' scores, for the report.
    console.log(`scores of the ${SCENARIO} playthroughs\n${table('strong', strong.scores)}\n${table('weak', weak.scores)}`);
    console.log(`  strong, exercise (en): ${translate('en', strong.scores.exercise.score.explanation.key, strong.scores.exercise.score.explanation.params)}`);
    console.log(`  weak, exercise (ko): ${translate('ko', weak.scores.exercise.score.explanation.key, weak.scores.exercise.score.explanation.params)}`);
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('scores the strong response clearly above the weak one overall', () => {
    const s = strong.scores.exercise.score.value;
    const w = weak.scores.exercise.score.value;
    assert.ok(s !== null && w !== null);
    assert.ok(s >= w + 25, `strong ${s} vs weak ${w}`);
    assert.ok(s >= 75, `strong ${s}`);
    assert.ok(w <= 50, `weak ${w}`);
  });

  it('scores the strong response above the weak one on most components and on every objective', () => {
    const value = (s: Scores, c: string) => s.exercise.components.find((x) => x.component === c)?.value ?? null;
    const better = COMPONENTS.filter((c) => (value(strong.scores, c) ?? 0) > (value(weak.scores, c) ?? 0));
    assert.ok(better.length >= 4, `strong is better only on ${better.join(', ')}`);
    strong.scores.objectives.forEach((o, i) => {
      const w = weak.scores.objectives[i];
      assert.equal(w?.id, o.id);
      assert.ok((o.score.value ?? 0) > (w?.score.value ?? 0), `${o.id}: strong ${o.score.value} vs weak ${w?.score.value}`);
    });
  });

  it('reads the record: every strong task on time, weak tasks missed, defaults taken when the weak cells did not decide', () => {
    assert.ok(strong.scores.tasks.every((t) => t.score.value === 100), 'strong: all 28 critical tasks inside their windows');
    assert.ok(weak.scores.tasks.some((t) => t.score.explanation.key === 'scoring.task.missed'));
    const expired = weak.scores.decisions.filter((d) => d.outcome === 'expired');
    assert.ok(expired.length > 0);
    for (const d of expired) assert.equal(d.score.explanation.key, 'scoring.decision.expired');
    assert.ok(strong.scores.decisions.every((d) => d.outcome === 'decided'));
  });

  it('measures the outcome against the no-response run: the weak response loses more user-hours', () => {
    const s = strong.scores.outcome;
    const w = weak.scores.outcome;
    assert.equal(s.baselineUserHoursLost, w.baselineUserHoursLost, 'same scenario, same horizon, same baseline');
    assert.ok(w.totalUserHoursLost > s.totalUserHoursLost);
    assert.ok((s.score.value ?? 0) > (w.score.value ?? 0));
  });

  it('explains every figure, citing only events of the journal, in both languages', () => {
    for (const played of [strong, weak]) {
      const seqs = new Set(played.events.map((e) => e.seq));
      for (const { where, explanation } of explanations(played.scores)) {
        assertRenders(where, explanation);
        for (const seq of explanation.events) assert.ok(seqs.has(seq), `${where} cites #${seq}`);
      }
    }
  });

  it('suggests ratings beside the evaluators’ ratings, never instead of them', () => {
    for (const played of [strong, weak]) {
      for (const t of played.scores.targets) {
        assert.ok(t.ratings.length > 0, `${t.target} was rated in the playthrough`);
        assert.equal(t.rating, t.ratings.at(-1)?.rating, 'one evaluator per target: their rating stands');
      }
    }
    const suggestedU = weak.scores.targets.filter((t) => t.suggested.rating === 'U').length;
    assert.ok(suggestedU >= 5, `weak: ${suggestedU} targets suggested U`);
    assert.ok(strong.scores.targets.every((t) => t.suggested.rating === 'P'));
  });
});

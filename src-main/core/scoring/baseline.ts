/**
 * The no-response baseline: the same scenario run through the engine's own `decide` and `evolve`
 * with no player command at all. Create, StartEx, then step the clock (at most MAX_STEP_MS at a
 * time) to the horizon: injects release on schedule, every decision point expires to its default,
 * no task is ever done, every timer is missed. That is what "no response" means, and because it is
 * the real engine, the baseline can never drift from the rules the exercise itself ran under.
 *
 * Pure and deterministic: the wall times it uses are derived from the scenario's T0, never read.
 *
 * Scoring reads it through `noResponseBaseline`, which keeps the last run per scenario: the run
 * costs 10–50 ms of engine time (more on a long scenario), and the same exercise is often scored
 * again at the same scenario time — the report in a second language, every format of one export,
 * scores shown again after EndEx. A memo of a pure function on immutable inputs answers exactly
 * as the run would (test/core/scoring/baseline-memo.test.ts holds it to that).
 */
import { decide } from '../engine/decide.ts';
import { MAX_STEP_MS } from '../engine/decide-lifecycle.ts';
import { ENGINE_ACTOR } from '../engine/events.ts';
import type { Command } from '../engine/commands.ts';
import { evolve } from '../engine/evolve.ts';
import { initialState, type ExerciseState } from '../engine/state.ts';
import type { Scenario } from '../scenario/schema.ts';

const BASELINE_SETUP = {
  scenarioHash: 'baseline',
  title: 'No-response baseline',
  date: '2000-01-01',
  venue: '',
  marking: 'BASELINE',
  language: 'en',
  participants: [],
  evaluators: [],
  clock: { mode: 'stepped' },
} as const;

/** The scenario with nobody responding, played from T0 to `horizon` (scenario ms). */
export function noResponseRun(scenario: Scenario, horizon: number): ExerciseState {
  const control = scenario.cells.find((c) => c.role === 'control')?.id ?? ENGINE_ACTOR.cell;
  const actor = { person: '@baseline', cell: control };
  let state = initialState(scenario);
  // Any valid wall time will do on a stepped clock; T0 keeps the run reproducible.
  let now = Math.max(0, Date.parse(scenario.t0) || 0);
  const run = (command: Command) => {
    now += 1;
    const result = decide(command, state, { now, actor });
    if (!result.ok) throw new Error(`The no-response baseline was refused (${command.type}): ${result.error.message}`);
    for (const event of result.value) state = evolve(state, event);
  };
  run({ type: 'create-exercise', scenarioId: scenario.id, ...BASELINE_SETUP });
  run({ type: 'start-exercise' });
  while (state.scenarioTime < horizon) {
    run({ type: 'step-clock', by: Math.min(MAX_STEP_MS, horizon - state.scenarioTime) });
  }
  return state;
}

/**
 * One entry per scenario, weakly held (a scenario nobody uses any more takes its baseline with
 * it), keyed on the scenario object: a loaded scenario is never changed, and every engine state is
 * read-only, so handing the same state out twice is safe. Only the latest horizon is kept: a live
 * exercise moves on, and a finished one is scored at EndEx again and again.
 */
const lastRuns = new WeakMap<Scenario, { readonly horizon: number; readonly state: ExerciseState }>();

/** `noResponseRun`, remembered for the last horizon asked of each scenario. */
export function noResponseBaseline(scenario: Scenario, horizon: number): ExerciseState {
  const last = lastRuns.get(scenario);
  if (last !== undefined && last.horizon === horizon) return last.state;
  const state = noResponseRun(scenario, horizon);
  lastRuns.set(scenario, { horizon, state });
  return state;
}

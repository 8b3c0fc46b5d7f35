/**
 * The no-response baseline: the same scenario run through the engine's own `decide` and `evolve`
 * with no player command at all. Create, StartEx, then step the clock (at most MAX_STEP_MS at a
 * time) to the horizon: injects release on schedule, every decision point expires to its default,
 * no task is ever done, every timer is missed. That is what "no response" means, and because it is
 * the real engine, the baseline can never drift from the rules the exercise itself ran under.
 *
 * Pure and deterministic: the wall times it uses are derived from the scenario's T0, never read.
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

/**
 * Events of a busy room, produced by the real engine on the flagship scenario: a created and
 * started exercise, then a steady stream of the commands a room sends (actions, observations,
 * acknowledgements, shares, control-log entries) as 128 hours of scenario time pass at ×1000.
 * Shared by the benchmarks so they measure the same record.
 */
import { readFile } from 'node:fs/promises';
import { decide, evolve, initialState, owning } from '../../src-main/core/engine/index.ts';
import type { Actor, Command, ExerciseEvent, ExerciseState } from '../../src-main/core/engine/index.ts';
import { loadScenario, type Scenario } from '../../src-main/core/scenario/index.ts';

export const FLAGSHIP_FILE = new URL('../../scenarios/pangyo-datacenter-fire.yaml', import.meta.url);

export async function loadFlagship(): Promise<{ scenario: Scenario; text: string }> {
  const text = await readFile(FLAGSHIP_FILE, 'utf8');
  const loaded = loadScenario(text);
  if (!loaded.ok) throw new Error('flagship scenario does not load');
  return { scenario: loaded.scenario, text };
}

export interface BusyRoom {
  readonly events: ExerciseEvent[];
  /** decide + evolve time of each command, in order (ms). */
  readonly decideMs: number[];
  readonly state: ExerciseState;
}

export function busyRoom(scenario: Scenario, count: number, startWall = Date.parse('2026-11-30T09:00:00+09:00')): BusyRoom {
  const facilitator: Actor = { person: 'facilitator', cell: 'control' };
  const players = scenario.cells.filter((c) => c.role === 'player').map((c) => c.id);
  let state: ExerciseState = initialState(scenario);
  let now = startWall;
  const events: ExerciseEvent[] = [];
  const decideMs: number[] = [];
  const run = (command: Command, actor: Actor): void => {
    const started = performance.now();
    const result = decide(command, state, { now, actor });
    if (!result.ok) return;
    // As the live session folds: the sole owner of its state (ADR 004, "Folding fast").
    state = owning(() => result.value.reduce(evolve, state));
    decideMs.push(performance.now() - started);
    events.push(...result.value);
  };
  run(
    {
      type: 'create-exercise',
      scenarioId: scenario.id,
      scenarioHash: '0'.repeat(64),
      title: 'Bench',
      date: '2026-11-30',
      venue: 'Bench',
      marking: 'EXERCISE',
      language: 'ko',
      participants: players.map((cell) => ({ id: `p-${cell}`, name: cell, cell })),
      evaluators: [{ id: 'ev-1', name: 'E' }],
      clock: { mode: 'compressed', speed: 1000 },
    },
    facilitator,
  );
  run({ type: 'start-exercise' }, facilitator);
  // 128 hours of scenario at ×1000 is 461 s of wall time: spread the commands over it.
  const wallSpan = 460_000;
  let n = 0;
  while (events.length < count) {
    now += Math.max(1, Math.floor(wallSpan / count));
    const cell = players[n % players.length] ?? 'msit';
    const actor = { person: `p-${cell}`, cell };
    const visible = Object.keys(state.injects).find((id) => state.injects[id]?.status.kind === 'released') ?? null;
    switch (n % 5) {
      case 0:
        run({ type: 'log-action', cell, text: `조치 ${n}: 상황 공유 및 대응 회의`, tasks: [] }, actor);
        break;
      case 1:
        run({ type: 'record-observation', evaluator: 'ev-1', text: `관찰 ${n}`, cell, tasks: [] }, facilitator);
        break;
      case 2:
        if (visible) run({ type: 'acknowledge-inject', inject: visible, cell }, actor);
        else run({ type: 'add-control-log', text: `통제 기록 ${n}` }, facilitator);
        break;
      case 3:
        if (visible) run({ type: 'share-inject', inject: visible, fromCell: 'control', toCells: [cell] }, facilitator);
        else run({ type: 'add-control-log', text: `통제 기록 ${n}` }, facilitator);
        break;
      default:
        run({ type: 'add-control-log', text: `통제 기록 ${n}` }, facilitator);
    }
    n += 1;
    if (n > count * 3) throw new Error(`only ${events.length} events after ${n} commands`);
  }
  return { events: events.slice(0, count), decideMs, state };
}

/**
 * Engine benchmark (not a test): the cost of folding an exercise record into state, and of one
 * `decide` + `evolve` on a long exercise. Events are produced by the real engine on the flagship
 * scenario: a strong-response opening, then a steady stream of the commands a busy room sends
 * (actions, observations, acknowledgements, shares, control-log entries) as scenario time passes.
 *
 *   node --import tsx scripts/bench-engine.ts [--quick]
 */
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { decide, evolve, initialState, replay } from '../src-main/core/engine/index.ts';
import type { Actor, Command, ExerciseEvent, ExerciseState } from '../src-main/core/engine/index.ts';
import { loadScenario } from '../src-main/core/scenario/index.ts';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];

const text = await readFile(new URL('../scenarios/pangyo-datacenter-fire.yaml', import.meta.url), 'utf8');
const loaded = loadScenario(text);
if (!loaded.ok) throw new Error('flagship scenario does not load');
const scenario = loaded.scenario;
const facilitator: Actor = { person: 'facilitator', cell: 'control' };
const players = scenario.cells.filter((c) => c.role === 'player').map((c) => c.id);

function generate(count: number): { events: ExerciseEvent[]; decideMs: number[] } {
  let state: ExerciseState = initialState(scenario);
  let now = Date.parse('2026-11-30T09:00:00+09:00');
  const events: ExerciseEvent[] = [];
  const decideMs: number[] = [];
  const run = (command: Command, actor: Actor) => {
    const started = performance.now();
    const result = decide(command, state, { now, actor });
    if (!result.ok) return;
    for (const e of result.value) state = evolve(state, e);
    decideMs.push(performance.now() - started);
    events.push(...result.value);
  };
  run({ type: 'create-exercise', scenarioId: scenario.id, scenarioHash: '0'.repeat(64), title: 'Bench', date: '2026-11-30', venue: 'Bench', marking: 'EXERCISE', language: 'ko', participants: players.map((cell) => ({ id: `p-${cell}`, name: cell, cell })), evaluators: [{ id: 'ev-1', name: 'E' }], clock: { mode: 'compressed', speed: 1000 } }, facilitator);
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
  return { events: events.slice(0, count), decideMs };
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? NaN;
console.log(`engine bench on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}`);
console.log('events  | fold (replay) ms | per event µs | decide+evolve p50 ms | p99 ms | JSON.parse of the same events ms');
for (const size of SIZES) {
  const { events, decideMs } = generate(size);
  const lines = events.map((e) => JSON.stringify(e));
  const parseStart = performance.now();
  for (const line of lines) JSON.parse(line);
  const parseMs = performance.now() - parseStart;
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    replay(scenario, events);
    runs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuRuns.push((used.user + used.system) / 1000);
  }
  const fold = Math.min(...runs);
  // CPU time beside wall time: on a shared, oversubscribed machine the wall figure mostly measures
  // how long the process waited for a core.
  const foldCpu = Math.min(...cpuRuns);
  const tail = decideMs.slice(-Math.min(1000, decideMs.length));
  console.log(`${String(size).padStart(7)} | ${fold.toFixed(0).padStart(16)} | ${((fold * 1000) / size).toFixed(1).padStart(12)} | ${pct(tail, 0.5).toFixed(3).padStart(20)} | ${pct(tail, 0.99).toFixed(3).padStart(6)} | ${parseMs.toFixed(0)}`);
  console.log(`bench: engine_fold_${size}_ms=${fold.toFixed(1)}`);
  console.log(`bench: engine_fold_${size}_cpu_ms=${foldCpu.toFixed(1)}`);
  console.log(`bench: engine_decide_p50_at_${size}_ms=${pct(tail, 0.5).toFixed(3)}`);
}

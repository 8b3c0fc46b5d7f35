/**
 * Engine benchmark (not a test): the cost of folding an exercise record into state, and of one
 * `decide` + `evolve` on a long exercise, folded as the live session folds (bench-support/busy-room.ts:
 * the real engine on the flagship, a steady stream of the commands a busy room sends).
 *
 *   node --import tsx scripts/bench-engine.ts [--quick]
 */
import { cpus } from 'node:os';
import { replay } from '../src-main/core/engine/index.ts';
import { busyRoom, loadFlagship } from './bench-support/busy-room.ts';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const { scenario } = await loadFlagship();

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? NaN;
console.log(`engine bench on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}`);
console.log('events  | fold (replay) ms | per event µs | decide+evolve p50 ms | p99 ms | JSON.parse of the same events ms');
for (const size of SIZES) {
  const { events, decideMs } = busyRoom(scenario, size);
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

#!/usr/bin/env node
// `npm run bench`: runs every benchmark script in turn and prints their tables and
// `bench: NAME=VALUE` lines, then the machine they ran on. Figures, not tests: compare the
// ratios printed within one run, since these machines are shared and noisy.
//   npm run bench [-- --quick]
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const passThrough = process.argv.slice(2);
const scripts = ['scripts/bench-journal.ts', 'scripts/bench-engine.ts', 'scripts/bench-open.ts', 'scripts/bench-room.ts'];
const started = Date.now();
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...passThrough], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${script} failed (exit ${result.status})`);
    process.exit(1);
  }
}
console.log(`\nmachine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${process.platform}; ${new Date().toISOString().slice(0, 10)}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);

#!/usr/bin/env node
// Runs every test file under test/ with node's test runner and ends with a line CI reads:
// "N passed, N failed". A run in which no test executed is a failure, never a silent pass.
//   node scripts/run-tests.mjs [path-prefix ...]   e.g. test/core
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const prefixes = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'fixtures' || name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found;
}

const files = findTests(join(root, 'test'))
  .filter((f) => prefixes.length === 0 || prefixes.some((p) => f.startsWith(p)))
  .sort();
if (files.length === 0) {
  console.log('no test files found');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let pass = 0;
let fail = 0;
let buffer = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  buffer += chunk;
  const lines = buffer.split('\n');
  buffer = lines.pop() ?? '';
  for (const line of lines) {
    const match = /^# (pass|fail) (\d+)$/.exec(line);
    if (match?.[1] === 'pass') pass = Number(match[2]);
    if (match?.[1] === 'fail') fail = Number(match[2]);
  }
});
child.on('close', (code) => {
  const failed = fail + (pass === 0 ? 1 : 0) + (code !== 0 && fail === 0 ? 1 : 0);
  if (pass === 0) console.log('no test executed: treating the run as failed');
  console.log(`${pass} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});

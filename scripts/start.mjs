#!/usr/bin/env node
// `npm start`: builds the app, then launches Electron. Where the Electron binary is missing (an
// offline install cannot download it) it says so in one line and serves the same app on
// 127.0.0.1 for a browser instead (docs/adr/006-browser-fallback.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const passThrough = process.argv.slice(2);

/**
 * The Electron executable, without triggering the electron package's lazy download (which prints
 * and fails offline): path.txt names it once installed; ELECTRON_OVERRIDE_DIST_PATH points at one.
 */
function electronBinary() {
  const pkg = `${root}node_modules/electron/`;
  const pathFile = `${pkg}path.txt`;
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? `${pkg}dist`;
  const binary = `${dist}/${relative}`;
  return existsSync(binary) ? binary : null;
}

// Build the renderer, main and preload (about 5 s), so what runs is what is checked out.
if (spawnSync(process.execPath, [`${root}scripts/build.mjs`], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

const binary = electronBinary();
if (binary !== null) {
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not available on this machine (no binary); serving Sitroom for a browser instead.');
  const child = spawn(process.execPath, [`${root}bin/sitroom.js`, 'serve', ...passThrough], { cwd: root, stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

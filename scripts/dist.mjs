#!/usr/bin/env node
// `npm run dist`: the installers for this platform — Linux: AppImage and deb; Windows: NSIS;
// macOS: dmg (electron.config.ts; a dmg can only be built on macOS). Nothing is published and
// nothing updates itself. Extra arguments go to electron-builder (e.g. `npm run dist -- --win`
// on Linux, which also needs wine).
//
// electron-builder downloads Electron (and AppImage/fpm/NSIS tools) from GitHub on first use.
// Where that cannot happen this script says so in one line instead of a stack trace; with
// SITROOM_ELECTRON_DIST=<an unpacked Electron> no Electron download is needed (ADR 011).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const TARGETS = { linux: ['--linux'], win32: ['--win'], darwin: ['--mac'] };
const NETWORK_ERROR =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|fetch failed|getaddrinfo/;

function fail(line) {
  console.error(`npm run dist: ${line}`);
  process.exit(1);
}

const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const platformArch = `${process.platform}-${process.arch}`;

/** Whether an Electron zip for this platform is already in @electron/get's cache (no download then). */
function electronCached() {
  const cacheRoot =
    process.env['electron_config_cache'] ??
    (process.platform === 'darwin'
      ? join(homedir(), 'Library', 'Caches', 'electron')
      : process.platform === 'win32'
        ? join(process.env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache')
        : join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'electron'));
  const zip = `electron-v${electronVersion}-${platformArch}.zip`;
  try {
    return readdirSync(cacheRoot, { recursive: true }).some((path) => String(path).endsWith(zip));
  } catch {
    return false;
  }
}

/** Resolves to null when the download host accepts a TCP connection, else to the error. */
function reach(url) {
  const { hostname, port, protocol } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || (protocol === 'http:' ? 80 : 443)) });
    const done = (error) => {
      socket.destroy();
      resolve(error);
    };
    socket.setTimeout(5_000, () => done(new Error(`timed out connecting to ${hostname}`)));
    socket.once('connect', () => done(null));
    socket.once('error', (error) => done(error));
  });
}

const localElectron = process.env['SITROOM_ELECTRON_DIST'];
if (localElectron !== undefined && localElectron !== '') {
  if (!existsSync(localElectron)) fail(`SITROOM_ELECTRON_DIST=${localElectron} does not exist.`);
} else if (!electronCached()) {
  const source = process.env['ELECTRON_MIRROR'] || 'https://github.com/';
  const error = await reach(source);
  if (error !== null) {
    fail(
      `cannot download Electron ${electronVersion} for ${platformArch} (${error.message}); ` +
        `run it where ${new URL(source).host} is reachable, or set SITROOM_ELECTRON_DIST to an unpacked Electron of that version.`,
    );
  }
}

if (spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) {
  fail('the build failed (see above); nothing was packaged.');
}

const targets = TARGETS[process.platform];
if (targets === undefined) fail(`no installer target for ${process.platform}.`);
const builder = spawn(
  join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder'),
  ['--config', 'electron.config.ts', '--publish', 'never', ...targets, ...process.argv.slice(2)],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' },
);

// electron-builder's progress is passed through; its failure (a "⨯ message  failedTask=… stackTrace=…"
// line followed by the trace) is held back and summed up in one line at the end.
let failure = null;
let inTrace = false;
for (const stream of [builder.stdout, builder.stderr]) {
  createInterface({ input: stream }).on('line', (line) => {
    const failed = /^\s*⨯\s+(.*?)(?:\s+failedTask=.*)?$/.exec(line);
    if (failed) {
      failure ??= failed[1].replace(/\s+stackTrace=.*$/, '');
      inTrace = true;
    } else if (inTrace && /^\s+at\s/.test(line)) {
      // part of the held-back stack trace
    } else {
      inTrace = false;
      (stream === builder.stdout ? process.stdout : process.stderr).write(`${line}\n`);
    }
  });
}
builder.on('close', (code) => {
  if (code === 0) {
    console.log('npm run dist: installers are in out/release/');
    return;
  }
  const why = failure ?? `electron-builder exited with ${code}`;
  if (NETWORK_ERROR.test(why)) {
    fail(
      `a download failed (${why}): electron-builder fetches Electron ${electronVersion} and its packaging tools from GitHub on first use; ` +
        'run it where GitHub is reachable (SITROOM_ELECTRON_DIST spares only the Electron download).',
    );
  }
  fail(`electron-builder failed: ${why}`);
});

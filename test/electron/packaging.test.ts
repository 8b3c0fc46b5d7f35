// reliability.md §3 row "fuses", proven on a real packaging run: electron-builder (offline) packs a
// stand-in build with electron.config.ts into a stub Electron distribution whose binary carries a
// fuse wire in Electron 45's default state; the test then reads the wire and the app.asar back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.ts';
import { makeTempDir } from './support/temp-dir.ts';

// @electron/fuses' sentinel; the wire follows it: version byte, length byte, one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const;
// Electron's defaults: everything permissive, so a fuse that was not flipped shows.
const DEFAULT_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];

function readFuseWire(binary: Buffer): Record<string, 'on' | 'off'> {
  const at = binary.indexOf(SENTINEL);
  assert.notEqual(at, -1, 'fuse sentinel missing');
  const wire = at + SENTINEL.length;
  assert.equal(binary[wire], 1, 'fuse wire version');
  const length = binary[wire + 1]!;
  const states: Record<string, 'on' | 'off'> = {};
  for (let i = 0; i < length; i++) states[FUSES[i] ?? `fuse${i}`] = binary[wire + 2 + i] === ON ? 'on' : 'off';
  return states;
}

/** The file list of an asar archive: a Chromium pickle holding a JSON header (asar's format). */
function listAsar(archive: Buffer): string[] {
  const jsonLength = archive.readUInt32LE(12);
  const header = JSON.parse(archive.subarray(16, 16 + jsonLength).toString('utf8')) as AsarDir;
  const files: string[] = [];
  const walk = (dir: AsarDir, prefix: string): void => {
    for (const [name, entry] of Object.entries(dir.files)) {
      if ('files' in entry) walk(entry, `${prefix}/${name}`);
      else files.push(`${prefix}/${name}`);
    }
  };
  walk(header, '');
  return files.sort();
}
interface AsarDir {
  files: Record<string, AsarDir | { size: number }>;
}

let temp: { path: string; cleanup: () => void };
let run: ReturnType<typeof spawnSync>;
let appDir: string;

before(() => {
  temp = makeTempDir('sitroom-package');
  const project = join(temp.path, 'project');
  const stub = join(temp.path, 'electron-dist');
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  write(
    join(project, 'package.json'),
    JSON.stringify({
      name: pkg['name'],
      version: pkg['version'],
      description: pkg['description'],
      type: 'module',
      license: pkg['license'],
      author: 'Sitroom',
    }),
  );
  write(join(project, 'dist', 'main', 'main.js'), "console.log('main');\n");
  write(join(project, 'dist', 'main', 'preload.cjs'), 'module.exports = {};\n');
  write(join(project, 'dist', 'renderer', 'index.html'), '<!doctype html>\n');
  // Must not be packed: only dist/ and package.json are app files.
  write(join(project, 'src-main', 'electron', 'main.ts'), 'source\n');
  write(join(project, 'exercises', 'journal.jsonl'), 'exercise data\n');

  write(
    join(stub, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]),
    ]),
  );
  chmodSync(join(stub, 'electron'), 0o755);
  write(join(stub, 'version'), '45.5.0');
  write(join(stub, 'LICENSE'), 'MIT\n');
  mkdirSync(join(stub, 'resources'));

  run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'electron-builder'),
    ['--config', join(ROOT, 'electron.config.ts'), '--projectDir', project, '--linux', 'dir'],
    { env: { ...process.env, SITROOM_ELECTRON_DIST: stub, CI: '1' }, encoding: 'utf8', timeout: 120_000 },
  );
  appDir = join(project, 'out', 'release', 'linux-unpacked');
});

after(() => temp.cleanup());

describe('packaging with electron.config.ts (offline, stub Electron)', () => {
  test('electron-builder succeeds', () => {
    assert.equal(run.status, 0, `${String(run.stdout)}\n${String(run.stderr)}`);
  });

  test('the packaged binary has the fuses flipped as configured', () => {
    assert.deepEqual(readFuseWire(readFileSync(join(appDir, 'sitroom'))), {
      RunAsNode: 'off',
      EnableCookieEncryption: 'on',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      LoadBrowserProcessSpecificV8Snapshot: 'off',
      GrantFileProtocolExtraPrivileges: 'off',
    });
  });

  test('app.asar holds the build output and package.json only, with main pointing into it', () => {
    const archive = readFileSync(join(appDir, 'resources', 'app.asar'));
    assert.deepEqual(listAsar(archive), [
      '/dist/main/main.js',
      '/dist/main/preload.cjs',
      '/dist/renderer/index.html',
      '/package.json',
    ]);
    assert.match(archive.toString('utf8'), /"main":\s*"dist\/main\/main\.js"/);
  });
});

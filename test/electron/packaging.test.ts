// Packaging (issue 4, ADR 011), proven on a real run: electron-builder, offline, packs THIS project
// — its real build output (dist/, built first if missing) and node_modules — with
// electron.config.ts into a stub Electron distribution whose binary carries a fuse wire in
// Electron 45's default state. The test then reads the fuse wire and app.asar back: what the app
// needs at run time is in it (main, preload, renderer, fonts, scenarios, the packages the bundled
// main loads), and nothing else is (no dev dependency, test, TypeScript source or source map).
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/paths.ts';
import { readAsar } from './support/asar.ts';
import type { AsarArchive } from './support/asar.ts';
import { dependencyClosure, importedPackages } from './support/runtime-packages.ts';
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

// Dev tools that must never ship, named so the failure reads plainly (every devDependency is also
// checked generically below).
const DEV_TOOLS = [
  'typescript',
  'vite',
  'svelte',
  'svelte-check',
  'eslint',
  'playwright-core',
  'electron',
  'electron-builder',
  '@doyensec/electronegativity',
  'fast-check',
  'prettier',
  'rolldown',
  'esbuild',
  'tsx',
];
// Packages with type declarations only (docx lists @types/node as a dependency); nothing loads them.
const TYPE_ONLY = /^(@types\/.+|undici-types)$/;

interface PackageJson {
  readonly main?: string;
  readonly type?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

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

/** Files under dir, as '/'-separated paths relative to ROOT. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const BUILT = ['dist/main/main.js', 'dist/main/preload.cjs', 'dist/renderer/index.html'];

let temp: { path: string; cleanup: () => void };
let run: ReturnType<typeof spawnSync>;
let appDir: string;
let asar: AsarArchive;
/** Hashes of the build output as it was packed (read right before packing). */
let built: Map<string, string>;

before(() => {
  if (!BUILT.every((file) => existsSync(join(ROOT, file)))) {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    assert.equal(build.status, 0, `npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
  built = new Map(
    [...filesUnder('dist/main'), ...filesUnder('dist/renderer')].map((file) => [
      file,
      sha256(readFileSync(join(ROOT, file))),
    ]),
  );

  temp = makeTempDir('sitroom-package');
  const stub = join(temp.path, 'electron-dist');
  mkdirSync(join(stub, 'resources'), { recursive: true });
  writeFileSync(
    join(stub, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]),
    ]),
  );
  chmodSync(join(stub, 'electron'), 0o755);
  writeFileSync(join(stub, 'version'), '45.5.0');
  writeFileSync(join(stub, 'LICENSE'), 'MIT\n');

  const output = join(temp.path, 'release');
  run = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'electron-builder'),
    [
      '--config',
      join(ROOT, 'electron.config.ts'),
      `-c.directories.output=${output}`,
      '--projectDir',
      ROOT,
      '--linux',
      'dir',
      '--publish',
      'never',
    ],
    { cwd: ROOT, env: { ...process.env, SITROOM_ELECTRON_DIST: stub, CI: '1' }, encoding: 'utf8', timeout: 300_000 },
  );
  appDir = join(output, 'linux-unpacked');
  if (run.status === 0) asar = readAsar(join(appDir, 'resources', 'app.asar'));
});

after(() => temp.cleanup());

const packed = (path: string) => asar.files.includes(path);
/** `name@version` of every package folder in the archive (hoisted or nested). */
const packedPackages = () =>
  new Set(
    asar.files
      .filter((f) => /\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(f))
      .map((f) => JSON.parse(asar.read(f).toString('utf8')) as { name: string; version: string })
      .map((manifest) => `${manifest.name}@${manifest.version}`),
  );
const nameOf = (nameAtVersion: string) => nameAtVersion.slice(0, nameAtVersion.lastIndexOf('@'));
/** npm packages the bundled main process (every chunk) loads at run time, with the files that load them. */
const mainRuntimePackages = () => {
  const users = new Map<string, string[]>();
  for (const file of [...built.keys()].filter((f) => f.startsWith('dist/main/') && /\.(m|c)?js$/.test(f))) {
    for (const name of importedPackages(readFileSync(join(ROOT, file), 'utf8')))
      users.set(name, [...(users.get(name) ?? []), file]);
  }
  return users;
};

describe('packaging with electron.config.ts (offline, stub Electron, the real build)', () => {
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

  test('app.asar holds the build output, the scenarios, the dependencies and package.json — nothing else at its root', (t: TestContext) => {
    const roots = new Set(asar.files.map((f) => f.split('/')[1]));
    assert.deepEqual([...roots].sort(), ['dist', 'node_modules', 'package.json', 'scenarios']);
    const distDirs = new Set(asar.files.filter((f) => f.startsWith('/dist/')).map((f) => f.split('/')[2]));
    assert.deepEqual([...distDirs].sort(), ['main', 'renderer']);
    assert.deepEqual(asar.unpacked, [], 'nothing needs unpacking (no native module)');
    t.diagnostic(
      `app.asar: ${asar.files.length} files, ${(statSync(join(appDir, 'resources', 'app.asar')).size / 1e6).toFixed(1)} MB`,
    );
  });

  test('package.json in the archive starts the bundled ESM main', () => {
    const packedPkg = JSON.parse(asar.read('/package.json').toString('utf8')) as PackageJson;
    assert.equal(packedPkg.main, 'dist/main/main.js');
    assert.equal(packedPkg.type, 'module');
  });

  test('the built main (with its chunks), preload and renderer are packed byte for byte', () => {
    for (const file of BUILT) assert.ok(built.has(file), `${file} was not built`);
    const missing: string[] = [];
    const changed: string[] = [];
    for (const [file, hash] of built) {
      if (file.endsWith('.map')) continue;
      if (!packed(`/${file}`)) missing.push(file);
      else if (sha256(asar.read(`/${file}`)) !== hash) changed.push(file);
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(changed, [], 'packed files differ from dist/ (was dist rebuilt while packing?)');
  });

  test('everything the renderer page and its CSS reference is packed', () => {
    const html = asar.read('/dist/renderer/index.html').toString('utf8');
    const fromHtml = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `/dist/renderer/${m[1]!}`);
    assert.ok(fromHtml.some((p) => p.endsWith('.js')) && fromHtml.some((p) => p.endsWith('.css')), html);
    const cssFiles = fromHtml.filter((p) => p.endsWith('.css'));
    const fromCss = cssFiles.flatMap((css) =>
      [
        ...asar
          .read(css)
          .toString('utf8')
          .matchAll(/url\(["']?(?!data:)([^)"'?#]+)/g),
      ].map((m) => fileURLToPath(new URL(m[1]!, pathToFileURL(css)))),
    );
    const missing = [...fromHtml, ...fromCss].filter((p) => !packed(p));
    assert.deepEqual(missing, []);
  });

  test('the Korean font ships inside the app: Noto Sans KR woff2 files the CSS uses, Hangul ranges included', () => {
    const woff2 = asar.files.filter((f) => /^\/dist\/renderer\/assets\/noto-sans-kr-.*\.woff2$/.test(f));
    assert.ok(woff2.length >= 100, `only ${woff2.length} Noto Sans KR woff2 files`);
    for (const weight of ['400', '700'])
      assert.ok(
        woff2.some((f) => f.includes(`-${weight}-normal`)),
        `weight ${weight}`,
      );
    const css = asar.files
      .filter((f) => /^\/dist\/renderer\/assets\/.*\.css$/.test(f))
      .map((f) => asar.read(f).toString('utf8'))
      .join('\n');
    assert.match(css, /font-family:\s*["']?Noto Sans KR/);
    // U+AC00 (가) is covered by a packed woff2: the Hangul syllables are really there.
    const faces = css.split('@font-face').slice(1);
    const hangul = faces.filter((face) => /noto-sans-kr-[^)]*\.woff2/.test(face) && coversCodePoint(face, 0xac00));
    assert.ok(hangul.length >= 2, 'no packed woff2 covers U+AC00 in both weights');
    const magic = asar.read(woff2[0]!).subarray(0, 4).toString('latin1');
    assert.equal(magic, 'wOF2');
  });

  test("the report's font files are packed: every woff2 fontsource's CSS names, no .woff fallback", (t: TestContext) => {
    const font = '@fontsource/noto-sans-kr';
    if (!mainRuntimePackages().has(font)) {
      t.diagnostic(`this main bundle does not load ${font}; nothing to check`);
      return;
    }
    const dir = `/node_modules/${font}`;
    for (const weight of ['400', '700']) {
      const css = asar.read(`${dir}/${weight}.css`).toString('utf8');
      const woff2 = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)].map((m) => `${dir}/files/${m[1]!}`);
      assert.ok(woff2.length >= 100, `${weight}.css names ${woff2.length} woff2 files`);
      assert.deepEqual(
        woff2.filter((f) => !packed(f)),
        [],
        `weight ${weight}`,
      );
    }
    assert.deepEqual(
      asar.files.filter((f) => f.startsWith(`${dir}/files/`) && f.endsWith('.woff')),
      [],
    );
  });

  test('the shipped scenarios are where scenario-library.ts looks in the packaged app', () => {
    const shipped = readdirSync(join(ROOT, 'scenarios'))
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    assert.ok(shipped.length > 0);
    const inArchive = asar.files.filter((f) => f.startsWith('/scenarios/'));
    assert.deepEqual(
      inArchive,
      shipped.map((name) => `/scenarios/${name}`),
      'only the scenario YAML (no playthroughs, no JSON Schema)',
    );
    for (const name of shipped)
      assert.equal(sha256(asar.read(`/scenarios/${name}`)), sha256(readFileSync(join(ROOT, 'scenarios', name))), name);
    // The bundled main resolves the library relative to itself: app.asar/dist/main/main.js -> app.asar/scenarios/.
    const main = readFileSync(join(ROOT, 'dist', 'main', 'main.js'), 'utf8');
    const relativeUrl = /new URL\(\s*["']([^"']*scenarios\/?)["']\s*,\s*import\.meta\.url\s*\)/.exec(main)?.[1];
    assert.ok(
      relativeUrl !== undefined,
      'the bundled main no longer locates scenarios with new URL(…, import.meta.url)',
    );
    const asarRoot = '/opt/Sitroom/resources/app.asar';
    const resolved = fileURLToPath(new URL(relativeUrl, pathToFileURL(`${asarRoot}/dist/main/main.js`)));
    assert.equal(resolved.replace(/\/$/, ''), `${asarRoot}/scenarios`);
  });

  test('every package the bundled main loads is a production dependency, packed with all it needs', () => {
    const needed = mainRuntimePackages();
    const notProduction = [...needed]
      .filter(([name]) => pkg.dependencies?.[name] === undefined)
      .map(([name, files]) => `${name} (loaded by ${files.join(', ')})`);
    assert.deepEqual(notProduction, [], 'not in package.json "dependencies", so the packaged app cannot load it');
    const closure = dependencyClosure(ROOT, needed.keys());
    assert.deepEqual(closure.missing, []);
    const present = packedPackages();
    const absent = [...closure.packages].filter((p) => !TYPE_ONLY.test(nameOf(p)) && !present.has(p));
    assert.deepEqual(absent, [], 'needed at run time, not packed');
  });

  test('no dev dependency, CLI-only package or type-only package is packed', (t: TestContext) => {
    const production = dependencyClosure(ROOT, Object.keys(pkg.dependencies ?? {})).packages;
    const present = [...packedPackages()];
    assert.deepEqual(
      present.filter((p) => !production.has(p)),
      [],
      'packed packages that no production dependency pulls in',
    );
    const productionNames = new Set([...production].map(nameOf));
    const devOnly = Object.keys(pkg.devDependencies ?? {}).filter((name) => !productionNames.has(name));
    const named = [...new Set([...DEV_TOOLS, ...devOnly])];
    assert.deepEqual(
      named.filter((name) => present.some((p) => nameOf(p) === name)),
      [],
    );
    assert.deepEqual(
      present.filter((p) => TYPE_ONLY.test(nameOf(p))),
      [],
    );
    // Packed because package.json says so, though this build of the main does not load them.
    const loaded = dependencyClosure(ROOT, mainRuntimePackages().keys()).packages;
    const unused = present.filter((p) => !loaded.has(p));
    if (unused.length > 0) t.diagnostic(`packed, not loaded by this main bundle: ${unused.join(', ')}`);
  });

  test('no tests, no TypeScript sources, no source maps', () => {
    const offending = asar.files.filter(
      (f) =>
        /\.(map|ts|mts|cts|tsx)$/.test(f) ||
        /\.(test|spec)\.[cm]?[jt]s$/.test(f) ||
        /^\/(src-main|src-renderer|scripts|bin|docs|\.ci)\//.test(f) ||
        /\/(__tests__|tests?)\//.test(f),
    );
    assert.deepEqual(offending, []);
  });
});

describe('npm run dist where Electron cannot be downloaded', () => {
  test('fails in one clear line, before building anything, with no stack trace', async () => {
    // A loopback port nobody listens on stands in for an unreachable GitHub: no request leaves.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: join(temp.path, 'no-cache'),
    };
    delete env['SITROOM_ELECTRON_DIST'];
    const dist = spawnSync(process.execPath, [join(ROOT, 'scripts', 'dist.mjs')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(dist.status, 1);
    assert.equal(dist.stdout, '', 'nothing was built or packed');
    const lines = dist.stderr.split('\n').filter((line) => line.trim() !== '');
    assert.equal(lines.length, 1, dist.stderr);
    assert.match(
      lines[0]!,
      /^npm run dist: cannot download Electron 45\.5\.0 for \w+-\w+ \(connect ECONNREFUSED 127\.0\.0\.1:\d+\); .*SITROOM_ELECTRON_DIST/,
    );
  });
});

/** Whether an @font-face block's unicode-range covers the code point. */
function coversCodePoint(face: string, codePoint: number): boolean {
  const range = /unicode-range:\s*([^;}]+)/.exec(face)?.[1];
  if (range === undefined) return false;
  return range.split(',').some((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from ?? '', 16);
    const end = to === undefined ? start : Number.parseInt(to, 16);
    return codePoint >= start && codePoint <= end;
  });
}

/**
 * Size benchmark (not a test): what the app weighs on disk and over the wire. Builds first (the
 * real `node scripts/build.mjs`), then measures dist/renderer (entry and every chunk, raw and
 * gzipped at level 9 file by file, as a server would send them; the Noto Sans KR fonts apart),
 * dist/main, and the packed app.asar — electron-builder run offline against a stub Electron
 * distribution, as test/electron/packaging.test.ts does, and the archive read back.
 *
 *   node --import tsx scripts/bench-size.ts [--no-build] [--no-asar]
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readAsar } from '../test/electron/support/asar.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const RENDERER = join(ROOT, 'dist', 'renderer');
const MAIN = join(ROOT, 'dist', 'main');
const args = process.argv.slice(2);

interface Measured {
  readonly files: number;
  readonly bytes: number;
  readonly gzip: number;
}

const NONE: Measured = { files: 0, bytes: 0, gzip: 0 };
const add = (a: Measured, b: Measured): Measured => ({ files: a.files + b.files, bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip });

/** One file, raw and gzip -9 (fonts are not gzipped: woff2 is already compressed, servers skip it). */
function measure(path: string, gzip = true): Measured {
  const bytes = readFileSync(path);
  return { files: 1, bytes: bytes.length, gzip: gzip ? gzipSync(bytes, { level: 9 }).length : bytes.length };
}

/** Files under dir, '/'-separated and relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
const line = (name: string, value: number | string) => console.log(`bench: ${name}=${value}`);

function build(): void {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) throw new Error(`node scripts/build.mjs failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const ms = performance.now() - started;
  console.log(`built in ${(ms / 1000).toFixed(1)} s`);
  line('size_build_ms', ms.toFixed(0));
}

function renderer(): void {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  // The entry is what index.html loads; everything else is a chunk it may import later.
  const entryJs = [...html.matchAll(/<script[^>]*\ssrc="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const entryCss = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"/g)].map((m) => m[1]!);
  if (entryJs.length === 0 || entryCss.length === 0) throw new Error(`index.html names no entry script or stylesheet:\n${html}`);
  let js = NONE;
  let css = NONE;
  let woff2 = NONE;
  let woff = NONE;
  let other = NONE;
  let total = NONE;
  for (const file of filesUnder(RENDERER)) {
    const path = join(RENDERER, file);
    const font = /\.woff2?$/.test(file);
    const m = measure(path, !font);
    total = add(total, m);
    if (file.endsWith('.js')) js = add(js, m);
    else if (file.endsWith('.css')) css = add(css, m);
    else if (/noto-sans-kr-.*\.woff2$/.test(file)) woff2 = add(woff2, m);
    else if (/noto-sans-kr-.*\.woff$/.test(file)) woff = add(woff, m);
    else other = add(other, m);
  }
  const sum = (files: string[]) => files.map((f) => measure(join(RENDERER, f))).reduce(add, NONE);
  const eJs = sum(entryJs);
  const eCss = sum(entryCss);
  const fontFiles = filesUnder(RENDERER).filter((f) => /\.woff2?$/.test(f) && !/noto-sans-kr-/.test(f));
  if (fontFiles.length > 0) console.log(`(fonts other than Noto Sans KR, counted under "other": ${fontFiles.join(', ')})`);

  const rows: [string, Measured][] = [
    [`entry JS (${entryJs.join(', ')})`, eJs],
    [`entry CSS (${entryCss.join(', ')})`, eCss],
    [`all JS (${js.files} file${js.files === 1 ? '' : 's'})`, js],
    [`all CSS (${css.files} file${css.files === 1 ? '' : 's'})`, css],
    [`Noto Sans KR woff2 (${woff2.files} files, not gzipped)`, woff2],
    [`Noto Sans KR woff fallbacks (${woff.files} files; Chromium loads woff2)`, woff],
    [`other (${other.files} files: index.html, icons…)`, other],
    [`dist/renderer total (${total.files} files)`, total],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\ndist/renderer${' '.repeat(Math.max(0, width - 13))} |        raw |    gzip -9`);
  for (const [label, m] of rows) console.log(`${label.padEnd(width)} | ${kb(m.bytes).padStart(10)} | ${kb(m.gzip).padStart(10)}`);

  line('size_renderer_total_bytes', total.bytes);
  line('size_renderer_files', total.files);
  line('size_renderer_entry_js_bytes', eJs.bytes);
  line('size_renderer_entry_js_gzip_bytes', eJs.gzip);
  line('size_renderer_entry_css_bytes', eCss.bytes);
  line('size_renderer_entry_css_gzip_bytes', eCss.gzip);
  line('size_renderer_js_files', js.files);
  line('size_renderer_js_bytes', js.bytes);
  line('size_renderer_js_gzip_bytes', js.gzip);
  line('size_renderer_css_bytes', css.bytes);
  line('size_renderer_css_gzip_bytes', css.gzip);
  line('size_renderer_js_css_gzip_bytes', js.gzip + css.gzip);
  line('size_fonts_woff2_files', woff2.files);
  line('size_fonts_woff2_bytes', woff2.bytes);
  line('size_fonts_woff_files', woff.files);
  line('size_fonts_woff_bytes', woff.bytes);
}

function mainProcess(): void {
  let total = NONE;
  let js = NONE;
  console.log('\ndist/main');
  for (const file of filesUnder(MAIN)) {
    if (file.endsWith('.map')) continue;
    const m = measure(join(MAIN, file));
    total = add(total, m);
    if (/\.(m|c)?js$/.test(file)) js = add(js, m);
    console.log(`  ${file.padEnd(40)} | ${kb(m.bytes).padStart(10)} | ${kb(m.gzip).padStart(10)}`);
  }
  console.log(`  ${`total (${total.files} files)`.padEnd(40)} | ${kb(total.bytes).padStart(10)} | ${kb(total.gzip).padStart(10)}`);
  line('size_main_files', total.files);
  line('size_main_bytes', total.bytes);
  line('size_main_gzip_bytes', total.gzip);
  line('size_main_js_bytes', js.bytes);
}

// @electron/fuses' sentinel and Electron 45's default wire: electron-builder flips fuses in the
// binary it copies, so the stub must carry them (as in test/electron/packaging.test.ts).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = [0x31, 0x30, 0x31, 0x31, 0x30, 0x30, 0x30, 0x31];

function asar(): void {
  const builder = join(ROOT, 'node_modules', '.bin', 'electron-builder');
  if (!existsSync(builder)) {
    console.log(`\napp.asar: skipped — ${builder} is not installed`);
    return;
  }
  const temp = mkdtempSync(join(tmpdir(), 'sitroom-bench-size-'));
  try {
    const stub = join(temp, 'electron-dist');
    mkdirSync(join(stub, 'resources'), { recursive: true });
    writeFileSync(join(stub, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE])]));
    chmodSync(join(stub, 'electron'), 0o755);
    writeFileSync(join(stub, 'version'), '45.5.0');
    writeFileSync(join(stub, 'LICENSE'), 'MIT\n');
    const output = join(temp, 'release');
    const started = performance.now();
    const run = spawnSync(builder, ['--config', join(ROOT, 'electron.config.ts'), `-c.directories.output=${output}`, '--projectDir', ROOT, '--linux', 'dir', '--publish', 'never'], {
      cwd: ROOT,
      env: { ...process.env, SITROOM_ELECTRON_DIST: stub, CI: '1' },
      encoding: 'utf8',
      timeout: 300_000,
    });
    const packMs = performance.now() - started;
    const archive = join(output, 'linux-unpacked', 'resources', 'app.asar');
    if (run.status !== 0 || !existsSync(archive)) {
      const why = (run.error?.message ?? `${run.stderr}${run.stdout}`).trim().split('\n').slice(-3).join(' / ');
      console.log(`\napp.asar: skipped — electron-builder could not pack offline (exit ${run.status}): ${why}`);
      return;
    }
    const bytes = statSync(archive).size;
    const read = readAsar(archive);
    const unpackedDir = `${archive}.unpacked`;
    const unpacked = existsSync(unpackedDir) ? filesUnder(unpackedDir).length : 0;
    // Bytes by where they come from, to see what the archive is made of.
    const byPart = new Map<string, number>();
    const byPackage = new Map<string, number>();
    for (const file of read.files) {
      if (read.unpacked.includes(file)) continue;
      const size = read.read(file).length;
      const parts = file.split('/');
      const part = parts[1] === 'dist' ? `dist/${parts[2] ?? ''}` : (parts[1] ?? '');
      byPart.set(part, (byPart.get(part) ?? 0) + size);
      const at = parts.lastIndexOf('node_modules');
      if (at >= 0) {
        const name = parts[at + 1]?.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2] ?? ''}` : (parts[at + 1] ?? '');
        byPackage.set(name, (byPackage.get(name) ?? 0) + size);
      }
    }
    console.log(`\napp.asar (electron-builder --linux dir, offline, stub Electron; packed in ${(packMs / 1000).toFixed(1)} s): ${mb(bytes)}, ${read.files.length} files, ${unpacked} unpacked`);
    for (const [part, size] of [...byPart].sort((a, b) => b[1] - a[1])) console.log(`  ${part.padEnd(16)} ${mb(size).padStart(10)}`);
    const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`  largest packages: ${top.map(([name, size]) => `${name} ${mb(size)}`).join(', ')}`);
    line('size_app_asar_bytes', bytes);
    line('size_app_asar_files', read.files.length);
    line('size_app_asar_unpacked_files', unpacked);
    line('size_app_asar_node_modules_bytes', byPart.get('node_modules') ?? 0);
    line('size_app_asar_pack_ms', packMs.toFixed(0));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (!args.includes('--no-build')) build();
renderer();
mainProcess();
if (args.includes('--no-asar')) console.log('\napp.asar: skipped (--no-asar)');
else asar();

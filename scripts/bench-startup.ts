/**
 * Start-up benchmark (not a test): how long a facilitator waits after `npm start` on a machine
 * without the Electron binary (the browser fallback, docs/adr/006), measured from outside as a
 * person would: spawn the real command, poll `GET /` on its port until the app's HTML comes back.
 *
 *   node --import tsx scripts/bench-startup.ts [--quick] [--runs N]
 *
 * (a) `npm start` in full: the build (~5–10 s) and then `sitroom serve`, until the first page;
 * (b) `node bin/sitroom.js serve` alone, on a fresh data dir and on one holding 20 exercises;
 * (c) the same runs until the page is usable in Chromium (the library lists the scenarios and
 *     every exercise), the browser already open as it would be;
 * and the limit, in the same run: `node -e` with a bare http.createServer serving the same
 * index.html. Medians of 5 runs (3 for `npm start`; --quick: 3 and 1). The page's moments are
 * timed in the page itself. Every child runs in its own process group, killed as a group even when
 * a run fails.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { readPlaythrough } from '../src-main/services/playthrough/load.ts';
import { runPlaythrough } from '../src-main/services/playthrough/run.ts';
import { resolveScenario } from '../src-main/services/scenario-library.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const INDEX_HTML = join(ROOT, 'dist', 'renderer', 'index.html');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 3 : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number of runs, at least 1');
const NPM_RUNS = quick ? 1 : 3;
const SEEDED = 20;
/** A run that has not served its first page by then has failed, not been slow. */
const READY_TIMEOUT_MS = 120_000;

// ---- child processes, always killed as a group ------------------------------------------------

interface Child {
  readonly proc: ChildProcess;
  readonly startedAt: number;
  /** performance.now() when each marker first appeared in the child's output. */
  readonly seen: Map<string, number>;
  output(): string;
  exited(): boolean;
}

const live = new Set<ChildProcess>();

function killGroupNow(proc: ChildProcess): void {
  if (proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

// Whatever happens to this script, no server is left behind on the machine.
process.on('exit', () => live.forEach(killGroupNow));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    live.forEach(killGroupNow);
    process.exit(130);
  });
}

function startChild(command: string, argv: readonly string[], markers: readonly string[], env: NodeJS.ProcessEnv = process.env): Child {
  const seen = new Map<string, number>();
  let text = '';
  let exited = false;
  const startedAt = performance.now();
  // detached: the child leads a new process group, so npm → start.mjs → serve die together.
  const proc = spawn(command, argv, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  const onData = (chunk: Buffer) => {
    const at = performance.now();
    text += chunk.toString('utf8');
    for (const marker of markers) if (!seen.has(marker) && text.includes(marker)) seen.set(marker, at);
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  proc.on('exit', () => {
    exited = true;
  });
  return { proc, startedAt, seen, output: () => text, exited: () => exited };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group (the servers close cleanly), SIGKILL whatever is left after 5 s. */
async function stopChild(child: Child): Promise<void> {
  const pid = child.proc.pid;
  live.delete(child.proc);
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = performance.now() + 5_000;
  while (groupAlive(pid) && performance.now() < deadline) await sleep(20);
  if (groupAlive(pid)) killGroupNow(child.proc);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function getRoot(port: number): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: '/', timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), type: res.headers['content-type'] ?? '' }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** The app's page, not any 200: the built index.html with the mount point. */
const isAppHtml = (r: { status: number; body: string; type: string }) => r.status === 200 && r.type.startsWith('text/html') && r.body.includes('<title>Sitroom</title>') && r.body.includes('id="app"');

/** Polls `GET /` every 5 ms until the app's HTML answers; returns when, as performance.now(). */
async function waitForPage(child: Child, port: number, what: string): Promise<number> {
  const deadline = child.startedAt + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exited()) throw new Error(`${what} exited before serving a page:\n${child.output()}`);
    if (performance.now() > deadline) throw new Error(`${what} served no page within ${READY_TIMEOUT_MS / 1000} s:\n${child.output()}`);
    try {
      const reply = await getRoot(port);
      const at = performance.now();
      if (isAppHtml(reply)) return at;
      throw new Error(`${what} answered GET / with ${reply.status} ${reply.type}, not the app's page:\n${reply.body.slice(0, 300)}`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Not listening yet: try again. Anything else is a real failure.
      if (code !== 'ECONNREFUSED' && code !== 'ECONNRESET') throw error;
    }
    await sleep(5);
  }
}

// ---- what is measured --------------------------------------------------------------------------

/** The floor: Node itself, one module, one file served. Reads the file per request like a static server. */
const LIMIT_SERVER = `const http=require('node:http'),fs=require('node:fs');const [file,port]=process.argv.slice(1);http.createServer((q,s)=>fs.readFile(file,(e,b)=>{if(e){s.writeHead(500);s.end();return}s.writeHead(200,{'content-type':'text/html; charset=utf-8'});s.end(b)})).listen(Number(port),'127.0.0.1')`;

async function limitRun(): Promise<number> {
  const port = await freePort();
  const child = startChild(process.execPath, ['-e', LIMIT_SERVER, INDEX_HTML, String(port)], []);
  try {
    return (await waitForPage(child, port, 'the bare node server')) - child.startedAt;
  } finally {
    await stopChild(child);
  }
}

const SERVING = 'Sitroom is serving on';
const BUILT = 'built dist/renderer';
const NO_ELECTRON = 'Electron is not available on this machine';

interface NpmRun {
  readonly total: number;
  readonly build: number;
}

async function npmStartRun(dataDir: string): Promise<NpmRun> {
  const port = await freePort();
  // Only the fallback is measured here: an Electron binary named by the environment would be launched instead.
  const env = { ...process.env };
  delete env['ELECTRON_OVERRIDE_DIST_PATH'];
  const child = startChild('npm', ['start', '--', '--port', String(port), '--data-dir', dataDir], [BUILT, NO_ELECTRON, SERVING], env);
  try {
    const ready = await waitForPage(child, port, 'npm start');
    if (!child.seen.has(NO_ELECTRON)) throw new Error(`npm start did not take the browser fallback:\n${child.output()}`);
    const built = child.seen.get(BUILT);
    if (built === undefined) throw new Error(`npm start served without saying it built:\n${child.output()}`);
    return { total: ready - child.startedAt, build: built - child.startedAt };
  } finally {
    await stopChild(child);
  }
}

interface ServeRun {
  /** spawn → first page served. */
  readonly served: number;
  /** spawn → the "serving on" line. */
  readonly announced: number;
  /** spawn → the library usable in Chromium. */
  readonly usable: number;
  /** page.goto → the library usable. */
  readonly browser: number;
  /** page.goto → DOMContentLoaded (the bundle fetched, parsed and run). */
  readonly dcl: number;
  /** page.goto → the last API answer (scenarios, exercises, settings) received. */
  readonly api: number;
}

/**
 * Usable = the scenario cards are shown and the exercises section has finished loading with every
 * exercise listed. Timed IN the page (a MutationObserver installed before the app's script runs),
 * since Playwright's waits poll with back-off and would add up to half a second. Injected as an
 * init script, not evaluated: the app's CSP (rightly) forbids eval.
 */
const markUsable = (exercises: number) => `(() => {
  const mark = () => {
    if (window.__sitroomUsableAt !== undefined) return;
    const section = document.querySelector('section[aria-labelledby="exercises-heading"]');
    if (section === null || document.querySelector('article.scenario') === null) return;
    // While loading, the section shows a p.muted with role=status; the empty list is a plain p.muted.
    const listed = ${exercises} === 0 ? section.querySelector('p.muted:not([role])') !== null : section.querySelectorAll('tbody tr').length === ${exercises};
    if (!listed) return;
    window.__sitroomUsableAt = performance.timeOrigin + performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(mark);
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Epoch ms (high resolution) of the page's marks, read once the page is usable. */
interface PageMarks {
  readonly usableAt: number | undefined;
  readonly dclAt: number;
  readonly lastApiAt: number;
}

async function pageMarks(page: Page): Promise<PageMarks> {
  // Runs in the page; this file is compiled without the DOM library.
  return page.evaluate(() => {
    const timing = performance as unknown as { timeOrigin: number; getEntriesByType(type: string): unknown[] };
    const origin = timing.timeOrigin;
    const nav = timing.getEntriesByType('navigation')[0] as { domContentLoadedEventEnd: number } | undefined;
    const api = (timing.getEntriesByType('resource') as { name: string; responseEnd: number }[]).filter((e) => new URL(e.name).pathname.startsWith('/api/'));
    return {
      usableAt: (globalThis as unknown as { __sitroomUsableAt?: number }).__sitroomUsableAt,
      dclAt: origin + (nav?.domContentLoadedEventEnd ?? Number.NaN),
      lastApiAt: api.length === 0 ? Number.NaN : origin + Math.max(...api.map((e) => e.responseEnd)),
    };
  });
}

async function libraryUsable(page: Page, exercises: number): Promise<void> {
  const options = { timeout: READY_TIMEOUT_MS };
  const section = page.locator('section[aria-labelledby="exercises-heading"]');
  await Promise.all([
    page.locator('article.scenario').first().waitFor(options),
    exercises === 0 ? section.locator('p.muted:not([role])').waitFor(options) : section.locator('tbody tr').nth(exercises - 1).waitFor(options),
  ]);
  const rows = await section.locator('tbody tr').count();
  if (rows !== exercises) throw new Error(`the library lists ${rows} exercises, expected ${exercises}`);
}

async function serveRun(browser: Browser, dataDir: string, exercises: number): Promise<ServeRun> {
  const port = await freePort();
  // The browser context and tab exist before the server starts, as a window already open would.
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: markUsable(exercises) });
  const child = startChild(process.execPath, [join(ROOT, 'bin', 'sitroom.js'), 'serve', '--port', String(port), '--data-dir', dataDir], [SERVING]);
  try {
    const served = await waitForPage(child, port, 'sitroom serve');
    // Page marks are epoch times from the browser's clock; these are on the same (system) clock.
    const epoch = (t: number) => performance.timeOrigin + t;
    const opening = epoch(performance.now());
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit', timeout: READY_TIMEOUT_MS });
    await libraryUsable(page, exercises);
    const marks = await pageMarks(page);
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    if (marks.usableAt === undefined || marks.usableAt < opening) throw new Error(`the page's usable mark is missing or before page.goto (${String(marks.usableAt)} < ${opening})`);
    const announced = child.seen.get(SERVING);
    if (announced === undefined) throw new Error(`sitroom serve never printed "${SERVING}":\n${child.output()}`);
    const spawned = epoch(child.startedAt);
    return {
      served: served - child.startedAt,
      announced: announced - child.startedAt,
      usable: marks.usableAt - spawned,
      browser: marks.usableAt - opening,
      dcl: marks.dclAt - opening,
      api: marks.lastApiAt - opening,
    };
  } finally {
    await stopChild(child);
    await context.close().catch(() => undefined);
  }
}

/** 20 finished exercises (both shipped scenarios, strong and weak runs), journaled as live ones. */
async function seedExercises(dataDir: string, count: number): Promise<void> {
  const plans = [
    ['pangyo-datacenter-fire', 'strong'],
    ['pangyo-datacenter-fire', 'weak'],
    ['nirs-government-datacenter-fire', 'strong'],
    ['nirs-government-datacenter-fire', 'weak'],
  ] as const;
  for (let i = 0; i < count; i++) {
    const [scenarioId, name] = plans[i % plans.length]!;
    const scenario = await resolveScenario(scenarioId);
    const { playthrough } = await readPlaythrough(scenarioId, name);
    const { session } = await runPlaythrough(scenario, { ...playthrough, exercise: { ...playthrough.exercise, title: `${playthrough.exercise.title} #${i + 1}` } }, { dataDir, startWall: Date.parse('2026-11-01T09:00:00+09:00') + i * 86_400_000 });
    await session.close();
  }
}

/**
 * The CLI's fixed cost: node, tsx and the whole `sitroom` module graph (every command), i.e. what
 * `serve` pays before it does anything of its own. `--help` loads it all and exits.
 */
async function cliLoadRun(): Promise<number> {
  const child = startChild(process.execPath, [join(ROOT, 'bin', 'sitroom.js'), '--help'], []);
  try {
    const code = await new Promise<number | null>((resolve) => child.proc.once('exit', (c) => resolve(c)));
    if (code !== 0) throw new Error(`sitroom --help exited ${code}:\n${child.output()}`);
    return performance.now() - child.startedAt;
  } finally {
    await stopChild(child);
  }
}

// ---- the run -----------------------------------------------------------------------------------

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};

const line = (name: string, value: number, digits = 0) => console.log(`bench: ${name}=${value.toFixed(digits)}`);

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'sitroom-bench-startup-'));
  let browser: Browser | undefined;
  try {
    // npm start first: it rebuilds dist/, so the serve runs below serve what is checked out.
    const npmRuns: NpmRun[] = [];
    for (let r = 0; r < NPM_RUNS; r++) {
      const run = await npmStartRun(await mkdtemp(join(scratch, 'npm-')));
      npmRuns.push(run);
      console.log(`  npm start run ${r + 1}/${NPM_RUNS}: first page after ${run.total.toFixed(0)} ms (build ${run.build.toFixed(0)} ms)`);
    }
    const npmTotal = median(npmRuns.map((run) => run.total));
    const npmBuild = median(npmRuns.map((run) => run.build));
    // Printed at once: if the suite stops this script later for time, these figures are kept.
    line('startup_npm_start_ms', npmTotal);
    line('startup_npm_start_build_ms', npmBuild);

    const seeded = join(scratch, 'seeded');
    let t = performance.now();
    await seedExercises(seeded, SEEDED);
    console.log(`  seeded ${SEEDED} exercises in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    console.log(`  Chromium launched in ${(performance.now() - t).toFixed(0)} ms (not counted: the browser is already open)`);

    const limits: number[] = [];
    const cliLoads: number[] = [];
    const fresh: ServeRun[] = [];
    const full: ServeRun[] = [];
    for (let r = 0; r < RUNS; r++) {
      // Interleaved, so the limit and both data dirs see the same machine load.
      limits.push(await limitRun());
      // --quick (the suite's plan) probes the CLI's fixed cost once, to save ~10 s of the budget.
      if (!quick || r === 0) cliLoads.push(await cliLoadRun());
      fresh.push(await serveRun(browser, await mkdtemp(join(scratch, 'fresh-')), 0));
      full.push(await serveRun(browser, seeded, SEEDED));
      const last = (xs: ServeRun[]) => `${xs.at(-1)!.served.toFixed(0)} / ${xs.at(-1)!.usable.toFixed(0)}`;
      console.log(`  run ${r + 1}/${RUNS}: limit ${limits.at(-1)!.toFixed(0)} ms, CLI load ${cliLoads.length > r ? `${cliLoads[r]!.toFixed(0)} ms` : '(probed once)'}; served / usable: fresh ${last(fresh)} ms, ${SEEDED} exercises ${last(full)} ms`);
    }

    const limit = median(limits);
    const m = (runs: readonly ServeRun[], key: keyof ServeRun) => median(runs.map((run) => run[key]));
    const cliLoad = median(cliLoads);
    const rows: [string, number | null, number | null][] = [
      [`npm start, build included (${NPM_RUNS} run${NPM_RUNS === 1 ? '' : 's'}) → first page`, npmTotal, null],
      ['  of which the build (until "built dist/…")', npmBuild, null],
      ['sitroom serve → first page', m(fresh, 'served'), m(full, 'served')],
      [`  of which node + tsx + the CLI modules (sitroom --help${cliLoads.length === 1 ? ', 1 run' : ''})`, cliLoad, null],
      ['  "serving on" printed', m(fresh, 'announced'), m(full, 'announced')],
      ['sitroom serve → library usable in Chromium', m(fresh, 'usable'), m(full, 'usable')],
      ['  browser part: page.goto → usable', m(fresh, 'browser'), m(full, 'browser')],
      ['    page.goto → DOMContentLoaded', m(fresh, 'dcl'), m(full, 'dcl')],
      ['    page.goto → last API answer (scenarios, exercises, settings)', m(fresh, 'api'), m(full, 'api')],
      ['bare node http.createServer → first page (the limit)', limit, null],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    const cell = (ms: number | null) => (ms === null ? ''.padStart(17) : `${ms.toFixed(0).padStart(6)} ms ${`${(ms / limit).toFixed(1)}×`.padStart(6)}`);
    console.log(`\nstart-up, median of ${RUNS} runs (× = ratio to the limit); first page = GET / answers 200 with the app's HTML`);
    console.log(`${''.padEnd(width)} | ${'fresh data dir'.padStart(17)} | ${`${SEEDED} exercises`.padStart(17)}`);
    for (const [label, a, b] of rows) console.log(`${label.padEnd(width)} | ${cell(a)} | ${cell(b)}`);
    console.log('');

    line('startup_limit_ms', limit);
    line('startup_cli_load_ms', cliLoad);
    line('startup_serve_fresh_ms', m(fresh, 'served'));
    line('startup_serve_20_ms', m(full, 'served'));
    line('startup_usable_fresh_ms', m(fresh, 'usable'));
    line('startup_usable_20_ms', m(full, 'usable'));
    line('startup_browser_fresh_ms', m(fresh, 'browser'));
    line('startup_browser_20_ms', m(full, 'browser'));
    line('startup_npm_start_ratio_to_limit', npmTotal / limit, 1);
    line('startup_serve_fresh_ratio_to_limit', m(fresh, 'served') / limit, 1);
    line('startup_serve_20_ratio_to_limit', m(full, 'served') / limit, 1);
    line('startup_usable_fresh_ratio_to_limit', m(fresh, 'usable') / limit, 1);
    line('startup_usable_20_ratio_to_limit', m(full, 'usable') / limit, 1);
  } finally {
    await browser?.close().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();

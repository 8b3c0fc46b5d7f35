/**
 * Console benchmark (not a test): the facilitator console in Debian's Chromium on a long exercise
 * (issue 7, "Speed at exercise scale"). The exercise is seeded straight into a data dir by the real
 * engine and store (bench-support/seed-exercise.ts), served by the real backend and loopback HTTP
 * server, and driven with playwright-core. The same figures at 1k and 10k events in one run, so the
 * growth is visible as a ratio; on this shared, noisy machine read the ratios, not the absolutes.
 *
 *   node --import tsx scripts/bench-console.ts [--quick]     (--quick: 1k only, fewer runs)
 *
 * Prints a table, then one `bench: NAME=VALUE` line per figure. Exits non-zero only when it could
 * not measure (no Chromium, a page that never became usable).
 *
 * What each figure is (all timings taken IN the page with performance.now(), so Playwright's round
 * trips are not counted, except tti which starts at the page.goto call):
 *   tti            page.goto → the log's first page rendered, "release now" enabled, and the main
 *                  thread quiet (no long task for QUIET_MS; tti is the end of the last long task
 *                  if that came after the log rendered). Median of RUNS fresh pages.
 *   release        a capturing click listener stamps "release now"; a MutationObserver on the log
 *                  stamps the inject-released entry appearing (the `painted` variant: the next
 *                  animation frame after that, i.e. when it can first be on screen).
 *   page_older     the same for the log's "older" button: click → the next page's rows in the DOM.
 *   scroll         requestAnimationFrame deltas while real wheel input scrolls the log column.
 *   load_*         main-thread time by kind until tti, Chromium's counters (Performance.getMetrics):
 *                  less sensitive to other jobs on the machine than the wall-clock tti.
 *   heap           CDP HeapProfiler.collectGarbage then Runtime.getHeapUsage().usedSize, MiB.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, chromiumAvailable, CHROMIUM, startApp } from '../test/e2e/harness.ts';
import type { App } from '../test/e2e/harness.ts';
import { seedLongExercise } from './bench-support/seed-exercise.ts';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000] : [1_000, 10_000];
const RUNS = 5;
const RELEASES = quick ? 5 : 7;
const PAGES = 20;
const QUIET_MS = 250;
const VIEWPORT = { width: 1600, height: 1000 };

/** Installed before any script of the page runs: the long-task log, the usable-probe, the stamps. */
const INIT_SCRIPT = `(() => {
  const b = (window.__bench = { longTasks: [], ready: null, releases: [], pages: [], frames: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const releaseButton = () => document.querySelector('#console-msel li[data-group="upcoming"] .actions button');
  const usable = () => {
    if (!document.querySelector('#console-log li[data-seq]')) return false;
    const button = releaseButton();
    return button !== null && !button.disabled;
  };
  const probe = () => {
    if (usable()) b.ready = performance.now();
    else requestAnimationFrame(probe);
  };
  requestAnimationFrame(probe);
  const firstSeq = () => Number(document.querySelector('#console-log li[data-seq]')?.getAttribute('data-seq') ?? 0);
  // Stamps a change of the log: 'seen' when the DOM has it, 'painted' at the next frame.
  const watch = (record, done) => {
    const log = document.querySelector('#console-log');
    const check = () => {
      if (!done()) return false;
      record.seen = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => (record.painted = performance.now()));
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(log, { childList: true, subtree: true, characterData: true });
  };
  window.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    const row = button.closest('#console-msel li[data-group="upcoming"]');
    if (row && button === row.querySelector('.actions button')) {
      const before = firstSeq();
      const record = { inject: row.getAttribute('data-inject'), before, clicked: performance.now(), seen: null, painted: null, seq: null };
      b.releases.push(record);
      watch(record, () => {
        const entry = [...document.querySelectorAll('#console-log li[data-type="inject-released"]')].find(
          (li) => Number(li.getAttribute('data-seq')) > before,
        );
        if (entry) record.seq = Number(entry.getAttribute('data-seq'));
        return entry !== undefined;
      });
    } else if (button.closest('#console-log .pager')) {
      const before = firstSeq();
      const record = { before, clicked: performance.now(), seen: null, painted: null };
      b.pages.push(record);
      watch(record, () => firstSeq() !== before && firstSeq() !== 0);
    }
  }, true);
})();`;

/** Resolves when the console became usable and the main thread has stayed quiet for QUIET_MS. */
const WAIT_INTERACTIVE = `(async () => {
  const b = window.__bench;
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    if (b.ready === null) continue;
    const lastEnd = Math.max(b.ready, ...b.longTasks.map((t) => t[1]));
    if (performance.now() - lastEnd >= ${QUIET_MS}) {
      return {
        ready: b.ready,
        tti: lastEnd,
        origin: performance.timeOrigin,
        longTasks: b.longTasks.length,
        longTaskMs: b.longTasks.reduce((s, t) => s + t[1] - t[0], 0),
        maxLongTaskMs: Math.max(0, ...b.longTasks.map((t) => t[1] - t[0])),
      };
    }
  }
})()`;

interface Interactive {
  ready: number;
  tti: number;
  origin: number;
  longTasks: number;
  longTaskMs: number;
  maxLongTaskMs: number;
}

interface Stamp {
  clicked: number;
  seen: number | null;
  painted: number | null;
}

interface Figures {
  tti: number;
  ttiNav: number;
  ready: number;
  loadLongTaskMs: number;
  loadMaxLongTaskMs: number;
  loadScript: number;
  loadLayout: number;
  loadStyle: number;
  loadTask: number;
  domRows: number;
  domElements: number;
  heapLoad: number;
  heapAfter: number;
  releaseP50: number;
  releaseMax: number;
  releasePaintedP50: number;
  releasePaintedMax: number;
  olderP50: number;
  olderMax: number;
  frameP95: number;
  frameMax: number;
  frames: number;
  scrollLongTasks: number;
  scrolled: number;
}

const median = (xs: readonly number[]): number => quantile(xs, 0.5);
function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
const max = (xs: readonly number[]): number => Math.max(...xs);

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/**
 * Polls `condition` in the page. Not page.waitForFunction: its polling evaluates the string in the
 * page, which the app's CSP (no 'unsafe-eval') refuses; one evaluate of a loop goes through CDP.
 */
async function waitFor(page: Page, condition: string, what: string): Promise<void> {
  const ok = await page.evaluate<boolean>(`(async () => {
    const deadline = performance.now() + 30000;
    while (!(${condition})) {
      if (performance.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 10));
    }
    return true;
  })()`);
  if (!ok) throw new Error(`${what}: not seen within 30 s`);
}

/** Main-thread time by kind, from Chromium's own counters (CDP Performance.getMetrics), in ms. */
interface LoadWork {
  script: number;
  layout: number;
  style: number;
  task: number;
}

async function openConsole(
  app: App,
  id: string,
): Promise<{ page: Page; interactive: Interactive; fromGoto: number; work: LoadWork; errors: string[] }> {
  const { page, errors } = await app.newPage({ viewport: VIEWPORT });
  await page.addInitScript({ content: INIT_SCRIPT });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const started = performance.timeOrigin + performance.now();
  await page.goto(new URL(`#/exercise/${id}/console`, app.url).href);
  const interactive = await page.evaluate<Interactive>(WAIT_INTERACTIVE);
  const metrics = new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]));
  await cdp.detach();
  const work = {
    script: metrics.get('ScriptDuration') ?? Number.NaN,
    layout: metrics.get('LayoutDuration') ?? Number.NaN,
    style: metrics.get('RecalcStyleDuration') ?? Number.NaN,
    task: metrics.get('TaskDuration') ?? Number.NaN,
  };
  return { page, interactive, fromGoto: interactive.origin + interactive.tti - started, work, errors };
}

async function measure(app: App, id: string, size: number): Promise<Figures> {
  const ttis: number[] = [];
  const ttiNavs: number[] = [];
  const readies: number[] = [];
  const loadLong: number[] = [];
  const loadMax: number[] = [];
  const heaps: number[] = [];
  const works: LoadWork[] = [];
  let opened: Awaited<ReturnType<typeof openConsole>> | null = null;
  for (let run = 0; run < RUNS; run++) {
    if (opened) await opened.page.context().close();
    opened = await openConsole(app, id);
    ttis.push(opened.fromGoto);
    ttiNavs.push(opened.interactive.tti);
    readies.push(opened.interactive.ready);
    loadLong.push(opened.interactive.longTaskMs);
    loadMax.push(opened.interactive.maxLongTaskMs);
    works.push(opened.work);
    heaps.push(await heapMb(opened.page));
  }
  if (!opened) throw new Error('no page was opened');
  const { page, errors } = opened;

  const dom = await page.evaluate<{ rows: number; elements: number; pending: number; types: string[] }>(
    `({ rows: document.querySelectorAll('#console-log li[data-seq]').length, elements: document.getElementsByTagName('*').length,
        pending: document.querySelectorAll('#console-msel li[data-group="upcoming"]').length,
        types: [...new Set([...document.querySelectorAll('#console-log li[data-type]')].map((li) => li.getAttribute('data-type')))] })`,
  );
  if (dom.pending === 0) throw new Error(`the ${size}-event exercise shows no pending inject`);
  if (size === 10_000) {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.screenshot({ path: join(ARTIFACTS, 'bench-console-10k.png') });
    console.error(`screenshot: test-artifacts/bench-console-10k.png (log shows ${dom.types.join(', ')}; ${dom.pending} pending injects)`);
  }

  // Release now, RELEASES times, each from a settled page.
  for (let i = 0; i < RELEASES; i++) {
    const button = page.locator('#console-msel li[data-group="upcoming"] .actions button').first();
    await button.click();
    await waitFor(page, `window.__bench.releases.length === ${i + 1} && window.__bench.releases[${i}].painted !== null`, `release ${i + 1}`);
    await page.evaluate(WAIT_QUIET);
  }
  const releases = await page.evaluate<(Stamp & { inject: string; seq: number })[]>('window.__bench.releases');
  const heapAfter = await heapMb(page);

  // The log's older pages, one click each.
  const older = page.locator('#console-log .pager button').nth(2);
  for (let i = 0; i < PAGES; i++) {
    await older.click();
    await waitFor(page, `window.__bench.pages.length === ${i + 1} && window.__bench.pages[${i}].painted !== null`, `older page ${i + 1}`);
  }
  const pages = await page.evaluate<Stamp[]>('window.__bench.pages');
  await page.locator('#console-log .pager button').first().click();

  // Real wheel input over the log column (the scroll container, fixed on screen: the log panel
  // itself may be scrolled out of view by now), down and back up, while every frame is timed.
  const box = await page.evaluate<{ x: number; y: number; width: number; height: number }>(
    `(() => { const r = document.querySelector('#console-log').closest('.col').getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })()`,
  );
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
  await page.evaluate(START_FRAMES);
  for (const dy of [...Array<number>(30).fill(120), ...Array<number>(30).fill(-120), ...Array<number>(30).fill(120)]) {
    await page.mouse.wheel(0, dy);
  }
  await page.waitForTimeout(300);
  const scroll = await page.evaluate<{ deltas: number[]; longTasks: number; scrolled: number }>(STOP_FRAMES);
  if (scroll.scrolled === 0) throw new Error('the wheel did not scroll the log column: no scroll figure');

  if (errors.length > 0) throw new Error(`the page logged errors: ${errors.join('; ')}`);
  await page.context().close();

  const seen = (xs: Stamp[], key: 'seen' | 'painted') => xs.map((x) => (x[key] ?? Number.NaN) - x.clicked);
  return {
    tti: median(ttis),
    ttiNav: median(ttiNavs),
    ready: median(readies),
    loadLongTaskMs: median(loadLong),
    loadMaxLongTaskMs: median(loadMax),
    loadScript: median(works.map((w) => w.script)),
    loadLayout: median(works.map((w) => w.layout)),
    loadStyle: median(works.map((w) => w.style)),
    loadTask: median(works.map((w) => w.task)),
    domRows: dom.rows,
    domElements: dom.elements,
    heapLoad: median(heaps),
    heapAfter,
    releaseP50: median(seen(releases, 'seen')),
    releaseMax: max(seen(releases, 'seen')),
    releasePaintedP50: median(seen(releases, 'painted')),
    releasePaintedMax: max(seen(releases, 'painted')),
    olderP50: median(seen(pages, 'seen')),
    olderMax: max(seen(pages, 'seen')),
    frameP95: quantile(scroll.deltas, 0.95),
    frameMax: max(scroll.deltas),
    frames: scroll.deltas.length,
    scrollLongTasks: scroll.longTasks,
    scrolled: scroll.scrolled,
  };
}

const WAIT_QUIET = `(async () => {
  const b = window.__bench;
  const since = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const lastEnd = Math.max(since, ...b.longTasks.map((t) => t[1]));
    if (performance.now() - lastEnd >= ${QUIET_MS}) return true;
  }
})()`;

const START_FRAMES = `(() => {
  const b = window.__bench;
  const column = document.querySelector('#console-log').closest('.col');
  // Start from the top: the pager clicks before this left the column scrolled to its end.
  column.scrollTop = 0;
  const frames = (b.frames = { start: performance.now(), last: null, deltas: [], stop: false, column, top: column.scrollTop, travelled: 0 });
  const tick = (t) => {
    if (frames.stop) return;
    if (frames.last !== null) frames.deltas.push(t - frames.last);
    frames.last = t;
    frames.travelled += Math.abs(column.scrollTop - frames.top);
    frames.top = column.scrollTop;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return true;
})()`;

const STOP_FRAMES = `(() => {
  const b = window.__bench;
  const f = b.frames;
  f.stop = true;
  const longTasks = b.longTasks.filter((t) => t[1] > f.start && t[1] - t[0] > 50).length;
  return { deltas: f.deltas, longTasks, scrolled: f.travelled };
})()`;

// ---------------------------------------------------------------------------------------------

if (!(await chromiumAvailable())) {
  console.error(`bench-console: no Chromium at ${CHROMIUM}; cannot measure`);
  process.exit(2);
}
const began = performance.now();
const dataDir = await mkdtemp(join(tmpdir(), 'sitroom-bench-console-'));
const results = new Map<number, Figures>();
let app: App | null = null;
try {
  const seeded = new Map<number, string>();
  for (const size of SIZES) {
    const t = performance.now();
    const s = await seedLongExercise({ dataDir, events: size });
    console.error(`seeded ${s.eventCount} events (${s.pendingInjects} injects pending, ${s.releasedInjects} released) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    seeded.set(size, s.exerciseId);
  }
  app = await startApp({ dataDir });
  await app.backend.handlers['settings:update']({ language: 'ko', theme: 'dark' });
  for (const size of SIZES) {
    const id = seeded.get(size);
    if (id === undefined) throw new Error(`no exercise of ${size} events`);
    results.set(size, await measure(app, id, size));
  }
} catch (error) {
  console.error(`bench-console: could not measure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
}
if (process.exitCode === 1) process.exit(1);

// ---------------------------------------------------------------------------------------------

const ROWS: [label: string, key: keyof Figures, digits: number, name: string, unit: 'ms' | 'mb' | 'count', target: string][] = [
  ['time to interactive (from goto)', 'tti', 0, 'tti', 'ms', '< 1500'],
  ['  … from navigation start', 'ttiNav', 0, 'tti_nav', 'ms', ''],
  ['  log + release ready', 'ready', 0, 'ready', 'ms', ''],
  ['  long tasks during load, total', 'loadLongTaskMs', 0, 'load_long_tasks', 'ms', ''],
  ['  longest task during load', 'loadMaxLongTaskMs', 0, 'load_longest_task', 'ms', ''],
  ['  main thread busy during load', 'loadTask', 0, 'load_main_thread', 'ms', ''],
  ['    of which script', 'loadScript', 0, 'load_script', 'ms', ''],
  ['    of which layout', 'loadLayout', 0, 'load_layout', 'ms', ''],
  ['    of which style', 'loadStyle', 0, 'load_style', 'ms', ''],
  ['release → visible p50', 'releaseP50', 1, 'release_visible_p50', 'ms', '< 100'],
  ['release → visible max', 'releaseMax', 1, 'release_visible_max', 'ms', '< 100'],
  ['release → next frame p50', 'releasePaintedP50', 1, 'release_painted_p50', 'ms', ''],
  ['release → next frame max', 'releasePaintedMax', 1, 'release_painted_max', 'ms', ''],
  ['older page p50', 'olderP50', 1, 'page_older_p50', 'ms', ''],
  ['older page max', 'olderMax', 1, 'page_older_max', 'ms', ''],
  ['scroll frame p95', 'frameP95', 1, 'scroll_frame_p95', 'ms', '~16.7'],
  ['scroll frame max', 'frameMax', 1, 'scroll_frame_max', 'ms', ''],
  ['scroll long tasks > 50 ms', 'scrollLongTasks', 0, 'scroll_long_tasks', 'count', '0'],
  ['scroll frames', 'frames', 0, 'scroll_frames', 'count', ''],
  ['scroll distance travelled (px)', 'scrolled', 0, 'scroll_px', 'count', '> 0'],
  ['log rows in the DOM', 'domRows', 0, 'dom_rows', 'count', '40'],
  ['elements in the DOM', 'domElements', 0, 'dom_elements', 'count', ''],
  ['JS heap after load (MiB)', 'heapLoad', 1, 'heap', 'mb', '< 150'],
  ['JS heap after releases (MiB)', 'heapAfter', 1, 'heap_after_releases', 'mb', '< 150'],
];
const k = (size: number) => `${size / 1000}k`;

const small = results.get(1_000);
const large = results.get(10_000);
console.log(`figure                            |     1k | ${large ? '   10k | 10k÷1k | ' : ''}target`);
for (const [label, key, digits, , , target] of ROWS) {
  const a = small?.[key] ?? Number.NaN;
  const b = large?.[key];
  const cells = [label.padEnd(33), a.toFixed(digits).padStart(6)];
  if (b !== undefined) cells.push(b.toFixed(digits).padStart(6), (a === 0 ? '—' : `${(b / a).toFixed(2)}×`).padStart(6));
  cells.push(target);
  console.log(cells.join(' | '));
}
for (const [size, figures] of results) {
  for (const [, key, digits, name, unit] of ROWS) console.log(`bench: console_${name}_${k(size)}_${unit}=${figures[key].toFixed(digits)}`);
}
console.error(
  `bench-console: ${cpus().length} cores, ${((performance.now() - began) / 1000).toFixed(0)} s, ${RUNS} loads per size, ${RELEASES} releases, ${PAGES} older pages`,
);

/**
 * Report benchmark (not a test): what it costs to score a long exercise and turn it into the
 * after-action report, at 1 000 and 10 000 events on the flagship, so growth shows.
 *
 * - The record: `seedLongExercise` (bench-support/seed-exercise.ts) writes it through the real
 *   journal; this script then ends the exercise and finalises the AAR through the real engine and
 *   journal (so the report is a FINAL one, not a draft), and reads it back as the CLI does.
 *   A second record, `busyRoom`, plays the whole 128 h scenario with every inject released, so
 *   scoring runs its no-response baseline that far: printed beside, as `report_room_*`.
 * - Scoring (`computeScores`) and the report model (`buildReport`), apart and together: the first
 *   call on a freshly loaded exercise (new scenario object, so no memo helps; the code already
 *   compiled), median of RUNS; scoring the same state again (`*_repeat_*`: a second language, a
 *   second format); and both as the first call in a new Node process (`*_cold_process_*`: JIT
 *   cold, what a one-off `sitroom report` pays).
 * - AAR HTML: the CLI's html format (`renderReportFile`: probe render, font subset, fonts inlined).
 * - AAR PDF: `generateReport` with `CHROMIUM_PDF`, exactly the CLI's path (read + verify + replay +
 *   score + model + HTML + launch Chromium + print + close), bytes and pages (pdfinfo).
 * - The limit: Chromium printing the very HTML the PDF path prints, as a static file beside the same
 *   font files, with `page.goto(file://…)` + `page.pdf()` and PdfPrinter's flags and PDF options;
 *   cold = launch + print + close, warm = the print alone in a browser already up.
 *   `report_pdf_ratio_to_static` = CLI PDF ÷ the COLD static print (wall time): `CHROMIUM_PDF`
 *   launches a browser per report, so that is the like-for-like limit. The same ratio in CPU time
 *   (Chromium's included) is printed beside, since on a shared machine wall time mostly measures
 *   waiting for a core; without --quick, also our PdfPrinter's print ÷ the warm static print.
 *
 *   node --import tsx scripts/bench-report.ts [--quick] [--print-runs N]
 *
 * --quick (what `npm run bench` runs): 3 in-process runs, 1 cold process, browser figures at 10k
 * only, without the PdfPrinter comparison. Default: 5 runs, 3 cold processes, browser figures at
 * both sizes. About 1 min (--quick) and 1.5 min on this machine when quiet; 2.5 and 4 min at a
 * load average of 10.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { chromium } from 'playwright-core';
import { decide, evolve, owning, replay } from '../src-main/core/engine/index.ts';
import type { Actor, Command, ExerciseEvent, ExerciseState } from '../src-main/core/engine/index.ts';
import { buildReport } from '../src-main/core/report/build.ts';
import type { ReportModel } from '../src-main/core/report/model.ts';
import { computeScores } from '../src-main/core/scoring/index.ts';
import type { Scores } from '../src-main/core/scoring/index.ts';
import { fontFilesDir } from '../src-main/services/report/fonts.ts';
import { generateReport, renderReportFile, reportHtml } from '../src-main/services/report/generate.ts';
import { loadExerciseReadOnly } from '../src-main/services/report/load-exercise.ts';
import type { LoadedExercise } from '../src-main/services/report/load-exercise.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PDF, chromiumPath, PdfPrinter } from '../src-main/services/report/pdf.ts';
import { openJournal } from '../src-main/store/journal/index.ts';
import { busyRoom, loadFlagship } from './bench-support/busy-room.ts';
import { seedLongExercise } from './bench-support/seed-exercise.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const SIZES = [1_000, 10_000];
/** Runs of the in-process figures (median). */
const RUNS = quick ? 3 : 5;
/** Browser runs per figure (median): a 10k report is a 120-page print, tens of seconds here. */
const PRINT_RUNS = args.includes('--print-runs') ? Math.max(1, Number(args[args.indexOf('--print-runs') + 1]) || 1) : 1;
const printsAt = (size: number) => !quick || size === 10_000;
/** Child processes timing the first scoring + model in a fresh process (median). */
const COLD_RUNS = quick ? 1 : 3;
const START_WALL = Date.parse('2026-11-30T09:00:00+09:00');
const NOW = new Date('2026-12-01T09:00:00+09:00');
const FACILITATOR: Actor = { person: 'facilitator', cell: 'control' };
/** Events EndEx + finalising add to the seeded record (checked; re-seeded if it ever changes). */
const CLOSING_GUESS = 3;
/** PdfPrinter's PDF options (pdf.ts), so the limit differs from our path only in what we add. */
const PDF_OPTIONS = { format: 'A4', landscape: false, printBackground: true, preferCSSPageSize: true, tagged: true, outline: true } as const;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const k = (size: number) => `${size / 1000}k`;

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU time (ms) used so far by this process (µs resolution) and by its children that have exited
 * and been waited for (/proc, clock ticks) — a Chromium closed after printing counts, with every
 * renderer it reaped. On this shared, oversubscribed machine wall time mostly measures waiting for
 * a core; CPU time does not. Children are counted on Linux only.
 */
function cpuMs(): number {
  const self = process.cpuUsage();
  let children: number;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after "(comm) " start at field 3, so cutime/cstime (16, 17) sit at 13, 14.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    children = Number.NaN;
  }
  return (self.user + self.system) / 1000 + children;
}

/**
 * A full collection before each in-process timing, so the garbage of loading the exercise (10 000
 * events replayed) is not collected on the scorer's time. Exposed without a node flag, since
 * `npm run bench` starts every script the same way.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Timed<T> {
  readonly ms: number;
  readonly cpuMs: number;
  readonly value: T;
}

async function timed<T>(work: () => Promise<T> | T): Promise<Timed<T>> {
  const cpu = cpuMs();
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, cpuMs: cpuMs() - cpu, value };
}

/** EndEx and the AAR finalised, decided by the real engine on the state given. */
function closingEvents(state: ExerciseState, now: number): ExerciseEvent[] {
  const events: ExerciseEvent[] = [];
  let current = state;
  for (const command of [{ type: 'end-exercise' }, { type: 'finalise-aar' }] satisfies Command[]) {
    const result = decide(command, current, { now: now + events.length * 1000, actor: FACILITATOR });
    if (!result.ok) throw new Error(`${command.type} was refused: ${result.error.message}`);
    current = owning(() => result.value.reduce(evolve, current));
    events.push(...result.value);
  }
  return events;
}

/**
 * The seeded record on disk with EndEx and the AAR finalised appended through the journal, read
 * back as the CLI reads it: exactly `size` events.
 */
async function seededExercise(dataDir: string, size: number, closing = CLOSING_GUESS): Promise<LoadedExercise> {
  const seeded = await seedLongExercise({ dataDir, events: size - closing, startWall: START_WALL, exerciseId: `bench-report-${size}-${closing}` });
  const open = await loadExerciseReadOnly(dataDir, seeded.exerciseId);
  const events = closingEvents(open.state, START_WALL + (size + 10) * 1000);
  if (events.length !== closing) return seededExercise(dataDir, size, events.length);
  const journal = await openJournal(join(dataDir, 'exercises', seeded.exerciseId), { minFreeBytes: 0 });
  try {
    await journal.append(events);
  } finally {
    await journal.close();
  }
  return loadExerciseReadOnly(dataDir, seeded.exerciseId);
}

function modelOf(exercise: LoadedExercise, state: ExerciseState, scores: Scores): ReportModel {
  return buildReport({
    state,
    scores,
    journal: { exerciseId: exercise.meta.exerciseId, seq: exercise.head.seq, head: exercise.head.hash },
    generatedAt: NOW.toISOString(),
    language: 'ko',
  });
}

interface InProcess {
  readonly scoringMs: number;
  readonly modelMs: number;
  /** Scoring then the model, back to back on one fresh state: what the CLI does. */
  readonly bothMs: number;
  readonly bothCpuMs: number;
  readonly repeatMs: number;
  readonly freshMs: number;
  readonly model: ReportModel;
}

/**
 * Every timed first call is on a state just loaded (`fresh`, untimed): a new scenario object, as
 * `sitroom report` has, so no memo from an earlier run answers for it (scoring keeps the last
 * no-response baseline per scenario object). Then scoring the same state again: the repeat.
 */
async function inProcess(fresh: () => Promise<ExerciseState>, model: (state: ExerciseState, scores: Scores) => ReportModel): Promise<InProcess> {
  // The first calls in the process also compile and optimise: not counted.
  const warm = await fresh();
  for (let i = 0; i < 3; i++) model(warm, computeScores(warm));
  const runs: { scoring: Timed<Scores>; model: Timed<ReportModel>; repeat: number; fresh: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const loaded = await timed(fresh);
    const state = loaded.value;
    collectGarbage();
    const scoring = await timed(() => computeScores(state));
    const modelled = await timed(() => model(state, scoring.value));
    collectGarbage();
    const repeat = await timed(() => computeScores(state));
    runs.push({ scoring, model: modelled, repeat: repeat.ms, fresh: loaded.ms });
  }
  return {
    scoringMs: median(runs.map((r) => r.scoring.ms)),
    modelMs: median(runs.map((r) => r.model.ms)),
    bothMs: median(runs.map((r) => r.scoring.ms + r.model.ms)),
    bothCpuMs: median(runs.map((r) => r.scoring.cpuMs + r.model.cpuMs)),
    repeatMs: median(runs.map((r) => r.repeat)),
    freshMs: median(runs.map((r) => r.fresh)),
    model: (runs.at(-1) as (typeof runs)[number]).model.value,
  };
}

/** Page count of a PDF from pdfinfo (a real PDF reader, not our own parse). */
async function pdfPages(bytes: Uint8Array, dir: string): Promise<number> {
  const file = join(dir, 'report.pdf');
  await writeFile(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

/**
 * One browser session: launch, print once, close — each timed. Cold = all three (what a one-off
 * report pays), warm = the print alone (a browser already up): one session gives both, which
 * matters on a machine where a 10k print takes tens of seconds.
 */
interface Session {
  readonly coldMs: number;
  /** CPU of the whole session, the browser's included (it has exited by then). */
  readonly coldCpuMs: number;
  readonly warmMs: number;
  readonly bytes: number;
}

async function session(open: () => Promise<{ print: () => Promise<number>; close: () => Promise<void> }>): Promise<Session> {
  const cpu = cpuMs();
  const launched = await timed(open);
  const printed = await timed(launched.value.print);
  const closed = await timed(launched.value.close);
  return { coldMs: launched.ms + printed.ms + closed.ms, coldCpuMs: cpuMs() - cpu, warmMs: printed.ms, bytes: printed.value };
}

/** The limit: bare Chromium printing the static file, PdfPrinter's launch flags and PDF options. */
function staticSession(url: string): Promise<Session> {
  return session(async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
    return {
      print: async () => {
        const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
        try {
          await page.goto(url, { waitUntil: 'load' });
          return (await page.pdf(PDF_OPTIONS)).length;
        } finally {
          await page.close();
        }
      },
      close: () => browser.close(),
    };
  });
}

/** Our printer (pdf.ts) on the same HTML: its temp page beside a font link, font check, request filter. */
function printerSession(html: string): Promise<Session> {
  return session(async () => {
    const printer = await PdfPrinter.launch();
    return { print: async () => (await printer.print(html)).length, close: () => printer.close() };
  });
}

const medianOfSessions = (runs: readonly Session[]): Session => ({
  coldMs: median(runs.map((r) => r.coldMs)),
  coldCpuMs: median(runs.map((r) => r.coldCpuMs)),
  warmMs: median(runs.map((r) => r.warmMs)),
  bytes: runs[0]?.bytes ?? 0,
});

interface Printed {
  readonly cli: { readonly ms: number; readonly cpuMs: number; readonly bytes: number; readonly pages: number };
  readonly limit: Session;
  readonly printer: Session | null;
}

/** The CLI's PDF against the limit, interleaved so a burst of load falls on every path alike. */
async function printFigures(dir: string, dataDir: string, exerciseId: string, model: ReportModel): Promise<Printed> {
  // The page the PDF path prints (fonts as files), saved as a static file beside the same fonts.
  const html = reportHtml(model, 'files');
  await mkdir(dir);
  await symlink(fontFilesDir(), join(dir, 'fonts'), 'dir');
  const page = join(dir, 'report.html');
  await writeFile(page, html, 'utf8');
  const cli: Timed<Uint8Array>[] = [];
  const limit: Session[] = [];
  const ours: Session[] = [];
  for (let i = 0; i < PRINT_RUNS; i++) {
    limit.push(await staticSession(pathToFileURL(page).href));
    // As `sitroom report --format pdf`: a fresh read of the journal, a browser launched for it.
    cli.push(await timed(async () => (await generateReport({ dataDir, exerciseId, format: 'pdf', language: 'ko', now: NOW, pdf: CHROMIUM_PDF })).bytes));
    if (!quick) ours.push(await printerSession(html));
  }
  const bytes = cli[0]?.value ?? new Uint8Array();
  return {
    cli: { ms: median(cli.map((r) => r.ms)), cpuMs: median(cli.map((r) => r.cpuMs)), bytes: bytes.length, pages: await pdfPages(bytes, dir) },
    limit: medianOfSessions(limit),
    printer: ours.length > 0 ? medianOfSessions(ours) : null,
  };
}

const report = (name: string, value: number, digits = 1) => console.log(`bench: ${name}=${value.toFixed(digits)}`);
const cell = (value: number | undefined, width: number, digits = 0) => (value === undefined ? '–' : value.toFixed(digits)).padStart(width);

/**
 * The first scoring and model in a new Node process, as `sitroom report` pays them: nothing
 * compiled or optimised yet. This script runs itself as that child (`--cold DATA_DIR ID`), which
 * loads the exercise (untimed), times scoring + model once and prints the figures as JSON.
 */
async function coldChild(dataDir: string, id: string): Promise<void> {
  const exercise = await loadExerciseReadOnly(dataDir, id);
  const run = await timed(() => modelOf(exercise, exercise.state, computeScores(exercise.state)));
  console.log(JSON.stringify({ ms: run.ms, cpuMs: run.cpuMs }));
}

function coldProcess(dataDir: string, id: string): { ms: number; cpuMs: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--cold', dataDir, id], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { ms: number; cpuMs: number };
}

async function main(): Promise<void> {
  console.log(`report bench on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, node ${process.version}${quick ? ' (quick)' : ''}`);
  const root = await mkdtemp(join(tmpdir(), 'sitroom-bench-report-'));
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const n = k(size);
      const dataDir = join(root, `data-${size}`);
      const exercise = await seededExercise(dataDir, size);
      const id = exercise.meta.exerciseId;
      const seeded = await inProcess(async () => (await loadExerciseReadOnly(dataDir, id)).state, (state, scores) => modelOf(exercise, state, scores));
      const colds: { ms: number; cpuMs: number }[] = [];
      for (let i = 0; i < COLD_RUNS; i++) colds.push(coldProcess(dataDir, id));
      const cold = { ms: median(colds.map((c) => c.ms)), cpuMs: median(colds.map((c) => c.cpuMs)) };
      // The room record, in memory: replayed onto a freshly loaded scenario for every run.
      const { scenario } = await loadFlagship();
      const room = busyRoom(scenario, size - 2, START_WALL);
      const roomEvents = [...room.events, ...closingEvents(replay(scenario, room.events), START_WALL + 500_000)];
      const roomed = await inProcess(async () => replay((await loadFlagship()).scenario, roomEvents), (state, scores) => modelOf(exercise, state, scores));
      const htmlRuns: Timed<number>[] = [];
      for (let i = 0; i < RUNS; i++) htmlRuns.push(await timed(async () => (await renderReportFile(seeded.model, 'html', exercise)).bytes.length));
      const html = { ms: median(htmlRuns.map((r) => r.ms)), bytes: htmlRuns[0]?.value ?? 0 };
      const printed = printsAt(size) ? await printFigures(join(root, `print-${size}`), dataDir, id, seeded.model) : null;

      console.log(`${n}: ${exercise.head.seq} events on disk (${exercise.state.log.length} folded), room record ${roomEvents.length} events`);
      report(`report_load_${n}_ms`, seeded.freshMs);
      report(`report_scoring_${n}_ms`, seeded.scoringMs);
      report(`report_model_${n}_ms`, seeded.modelMs);
      report(`report_scoring_plus_model_${n}_ms`, seeded.bothMs);
      report(`report_scoring_plus_model_${n}_cpu_ms`, seeded.bothCpuMs);
      report(`report_scoring_repeat_${n}_ms`, seeded.repeatMs);
      report(`report_scoring_plus_model_cold_process_${n}_ms`, cold.ms);
      report(`report_scoring_plus_model_cold_process_${n}_cpu_ms`, cold.cpuMs);
      report(`report_room_scoring_${n}_ms`, roomed.scoringMs);
      report(`report_room_model_${n}_ms`, roomed.modelMs);
      report(`report_room_scoring_plus_model_${n}_ms`, roomed.bothMs);
      report(`report_room_scoring_plus_model_${n}_cpu_ms`, roomed.bothCpuMs);
      report(`report_room_scoring_repeat_${n}_ms`, roomed.repeatMs);
      report(`report_html_${n}_ms`, html.ms);
      report(`report_html_${n}_mb`, html.bytes / 1e6, 2);
      if (printed !== null) {
        const { cli, limit, printer } = printed;
        report(`report_pdf_${n}_ms`, cli.ms, 0);
        report(`report_pdf_${n}_cpu_ms`, cli.cpuMs, 0);
        report(`report_pdf_${n}_mb`, cli.bytes / 1e6, 2);
        report(`report_pdf_${n}_pages_count`, cli.pages, 0);
        report(`report_static_print_${n}_ms`, limit.coldMs, 0);
        report(`report_static_print_${n}_cpu_ms`, limit.coldCpuMs, 0);
        report(`report_static_print_warm_${n}_ms`, limit.warmMs, 0);
        report(`report_static_pdf_${n}_mb`, limit.bytes / 1e6, 2);
        // The headline ratio: CLI PDF ÷ static print, both with their browser launch (wall time).
        report(size === 10_000 ? 'report_pdf_ratio_to_static' : `report_pdf_ratio_to_static_${n}`, cli.ms / limit.coldMs, 2);
        report(`report_pdf_cpu_ratio_to_static_${n}`, cli.cpuMs / limit.coldCpuMs, 2);
        if (printer !== null) {
          report(`report_pdf_printer_warm_${n}_ms`, printer.warmMs, 0);
          report(`report_pdf_printer_warm_ratio_to_static_warm_${n}`, printer.warmMs / limit.warmMs, 2);
        }
      }
      rows.push(
        [
          String(exercise.head.seq).padStart(6),
          cell(seeded.scoringMs, 8, 1),
          cell(seeded.modelMs, 6, 1),
          cell(seeded.bothMs, 6, 1),
          cell(seeded.repeatMs, 6, 1),
          cell(cold.ms, 12, 1),
          cell(roomed.bothMs, 9, 1),
          `${html.ms.toFixed(0)} ms ${(html.bytes / 1e6).toFixed(2)} MB`.padStart(16),
          (printed === null ? '–' : `${printed.cli.ms.toFixed(0)} ms ${printed.cli.pages} p ${(printed.cli.bytes / 1e6).toFixed(2)} MB`).padStart(24),
          (printed === null ? '–' : `${printed.limit.coldMs.toFixed(0)} / ${printed.limit.warmMs.toFixed(0)}`).padStart(16),
          (printed === null ? '–' : `${(printed.cli.ms / printed.limit.coldMs).toFixed(2)} / ${(printed.cli.cpuMs / printed.limit.coldCpuMs).toFixed(2)}`).padStart(12),
        ].join(' | '),
      );
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }

  console.log('\nevents | score ms | model |   both | repeat | cold process | room both |         AAR HTML |            AAR PDF (CLI) | static cold/warm | ratio wall/cpu');
  for (const row of rows) console.log(row);
  console.log(
    `(medians of ${RUNS} in-process and ${PRINT_RUNS} browser runs; score/model/both: first call on a freshly loaded exercise, repeat: scoring it again; ` +
      `cold process: scoring + model as the first call in a new Node process (JIT cold), as \`sitroom report\` pays it; ` +
      `room: busyRoom, the whole 128 h played; ratio: CLI PDF ÷ static print, both launching Chromium, in wall and in CPU time)`,
  );
}

if (args[0] === '--cold') await coldChild(args[1] ?? '', args[2] ?? '');
else await main();

/**
 * The app's backend: one handler per contract channel, over the exercise service, the scenario
 * library and the settings. Both transports (Electron IPC, HTTP + WebSocket) call exactly these
 * handlers after validating the request with the contract's schema, and push the same events.
 */
import type { ReportPdf } from './report/generate.ts';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { formatPath } from '../core/scenario/index.ts';
import type { Finding } from '../core/scenario/index.ts';
import { fail, ok } from '../contract/result.ts';
import type { Result } from '../contract/result.ts';
import type { ChannelName, Channels, PushEventName, PushOf, RequestOf, ResponseOf } from '../contract/channels.ts';
import { ExerciseService } from './exercise-service.ts';
import type { ExerciseSession } from './exercise-session.ts';
import { listLibrary, resolveScenario, SHIPPED_SCENARIOS_DIR } from './scenario-library.ts';
import { openSettings } from './settings.ts';
import type { SettingsStore } from './settings.ts';
import type { FileSystem } from '../store/file-system.ts';
import { createRoomBackend } from './room/room-backend.ts';
import type { RoomListenerFactory, SeatApi } from './room/room-backend.ts';

export type BackendHandlers = {
  readonly [C in ChannelName]: (request: z.output<Channels[C]['request']>) => Promise<Result<ResponseOf<C>>>;
};

export type PushListener = <E extends PushEventName>(event: E, payload: PushOf<E>) => void;

export interface Backend {
  readonly handlers: BackendHandlers;
  readonly dataDir: string;
  /** What the room network's listener offers joined seats (never reachable from the loopback API). */
  readonly seats: SeatApi;
  onPush(listener: PushListener): () => void;
  close(): Promise<void>;
}

export interface BackendOptions {
  readonly dataDir: string;
  readonly scenarioDirs?: readonly string[];
  readonly now?: () => number;
  /** Run each open exercise's ticker (off in tests that drive the clock by hand). */
  readonly ticker?: boolean;
  /** Electron opens the situation display in a second window; without it the renderer opens a tab. */
  readonly openDisplay?: (exerciseId: string, screen: number | null) => boolean;
  /**
   * The file system under the exercise journals. For fault-injection tests only (a disk that fails
   * mid-exercise, to show NOT RECORDED end to end): neither `sitroom serve` nor Electron passes
   * it, and no argument or environment variable maps to it, so a real run always writes through
   * node:fs (test/transport/journal-fs-scope.test.ts keeps it that way).
   */
  readonly journalFs?: FileSystem;
  /**
   * HTML → PDF for `report:export`: Electron's printToPDF in the app, Chromium through
   * playwright-core for `sitroom serve`. Without one, PDF export is refused with a clear message.
   */
  readonly pdf?: ReportPdf;
  /** Starts the room network's listener (`sitroom serve`); without it `room:open` is refused. */
  readonly roomListener?: RoomListenerFactory;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const scenarioDirs = options.scenarioDirs ?? [SHIPPED_SCENARIOS_DIR, join(options.dataDir, 'scenarios')];
  const settings: SettingsStore = await openSettings(options.dataDir);
  const listeners = new Set<PushListener>();
  const wired = new Set<string>();
  const push: PushListener = (event, payload) => listeners.forEach((l) => l(event, payload));

  const wire = (session: ExerciseSession): ExerciseSession => {
    if (wired.has(session.id)) return session;
    wired.add(session.id);
    session.subscribe(({ events, head }) => push('exercise:events', { id: session.id, events: [...events], head }));
    if (options.ticker !== false && !session.readOnly) session.startTicker();
    return session;
  };
  const service = new ExerciseService(options.dataDir, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.journalFs ? { fs: options.journalFs } : {}),
    onSession: wire,
  });
  const openSession = async (id: string): Promise<Result<ExerciseSession>> => {
    try {
      return ok(wire(await service.open(id)));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' || /does not exist|no such file/i.test(String(error))) return fail('not-found', `There is no exercise "${id}".`);
      return fail('internal', `The exercise "${id}" could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const room = createRoomBackend({ dataDir: options.dataDir, openSession, listener: options.roomListener, ...(options.now ? { now: options.now } : {}) });
  const statusOf = (session: ExerciseSession) => {
    const s = session.status;
    return { state: s.state, reason: s.state === 'read-only' ? s.reason : null };
  };

  const handlers: BackendHandlers = {
    'library:list-scenarios': async () => {
      const entries = await listLibrary(scenarioDirs);
      return ok(
        entries.map((e) => ({
          file: e.file,
          id: e.result.ok ? e.result.scenario.id : null,
          title: e.result.ok ? e.result.scenario.title : null,
          ok: e.result.ok,
          counts: e.result.ok ? e.result.counts : null,
          errors: e.result.ok ? [] : e.result.errors.map(plainFinding),
          warnings: e.result.warnings.map(plainFinding),
        })),
      );
    },
    'library:get-scenario': async ({ file }) => {
      // Only files the library lists can be read: a request never names an arbitrary path.
      const entry = (await listLibrary(scenarioDirs)).find((e) => resolve(e.file) === resolve(file));
      if (!entry) return fail('not-found', 'That scenario is not in the library.');
      if (!entry.result.ok) return fail('invalid-scenario', `The scenario has ${entry.result.errors.length} errors; fix them before planning an exercise.`);
      return ok({ file: entry.file, scenario: entry.result.scenario, warnings: entry.result.warnings.map(plainFinding) });
    },
    'exercise:list': async () => ok(await service.list()),
    'exercise:create': async ({ scenarioFile, setup }) => {
      // Only a scenario from the library may be used: a request never names an arbitrary path.
      const library = await listLibrary(scenarioDirs);
      const entry = library.find((e) => resolve(e.file) === resolve(scenarioFile));
      if (!entry) return fail('not-found', 'That scenario is not in the library.');
      if (!entry.result.ok) return fail('invalid-scenario', `The scenario has ${entry.result.errors.length} errors; fix them before planning an exercise.`);
      const scenario = await resolveScenario(entry.file);
      const unknownCell = setup.participants.find((p) => !scenario.scenario.cells.some((c) => c.id === p.cell));
      if (unknownCell) return fail('bad-request', `Participant ${unknownCell.name} is assigned to an unknown cell "${unknownCell.cell}".`);
      const control = scenario.scenario.cells.find((c) => c.role === 'control')?.id ?? 'control';
      const { session, created } = await service.create(scenario, setup, { person: 'facilitator', cell: control });
      if (!created.ok) return fail('refused', created.error.message);
      wire(session);
      return ok({ id: session.id });
    },
    'exercise:open': async ({ id }) => {
      const opened = await openSession(id);
      if (!opened.ok) return opened;
      const session = opened.value;
      const recovery = session.recovery;
      return ok({
        id: session.id,
        scenario: session.scenario,
        events: [...session.state.log],
        head: session.head,
        status: statusOf(session),
        recovery: recovery ? { discardedBytes: recovery.discardedBytes, lastGoodSeq: recovery.lastGoodSeq } : null,
      });
    },
    'exercise:dispatch': async ({ id, command, actor, key }) => {
      const opened = await openSession(id);
      if (!opened.ok) return opened;
      const session = opened.value;
      if (!session.scenario.cells.some((c) => c.id === actor.cell)) return fail('forbidden', `Unknown cell "${actor.cell}".`);
      const result = await session.dispatch(command, actor, key === undefined ? undefined : `console:${key}`);
      if (!result.ok) {
        if (result.error.code !== 'refused') push('exercise:status', { id, status: statusOf(session) });
        return fail(result.error.code, result.error.message);
      }
      return ok({ head: result.head, seqs: result.events.map((e) => e.seq) });
    },
    'exercise:events-since': async ({ id, afterSeq }) => {
      const opened = await openSession(id);
      if (!opened.ok) return opened;
      const events = opened.value.state.log.filter((e) => e.seq > afterSeq);
      return ok({ events, head: opened.value.head });
    },
    'display:open': ({ id, screen }) => Promise.resolve(ok({ opened: options.openDisplay?.(id, screen) ?? false })),
    'report:export': ({ id, format, lang }) => exportReport(options, id, format, lang),
    ...room.handlers,
    'seat:view': () => Promise.resolve(fail('forbidden', 'Only a seat that joined through the room network has a seat view.')),
    'settings:get': async () => ok(await settings.get()),
    'settings:update': async (patch) => ok(await settings.update(patch)),
  };

  return {
    handlers,
    dataDir: options.dataDir,
    seats: room.seats,
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await room.close();
      await service.closeAll();
    },
  };
}

/** Builds the report from the journal on disk (verified, read-only) and hands back its bytes. */
async function exportReport(options: BackendOptions, exerciseId: string, format: RequestOf<'report:export'>['format'], language: 'en' | 'ko' | undefined): Promise<Result<ResponseOf<'report:export'>>> {
  // Loaded on first export: the report stack (scoring, docx, the PDF printer) stays out of startup.
  let inputError: (new (...args: never[]) => Error) | null = null;
  try {
    const { generateReport, ReportInputError } = await import('./report/generate.ts');
    inputError = ReportInputError;
    const file = await generateReport({ dataDir: options.dataDir, exerciseId, format, ...(language ? { language } : {}), ...(options.pdf ? { pdf: options.pdf } : {}) });
    return ok({ filename: file.filename, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64') });
  } catch (error) {
    // Bounded: the contract caps an error message, and a renderer's stack trace is no use to a person.
    const why = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
    return fail(inputError && error instanceof inputError ? 'refused' : 'internal', `The report could not be built: ${why}`);
  }
}

function plainFinding(f: Finding) {
  return { severity: f.severity, code: f.code, path: formatPath(f.path), message: f.message, line: f.line, col: f.col };
}

export type { RequestOf };

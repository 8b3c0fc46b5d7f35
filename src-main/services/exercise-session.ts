/**
 * One open exercise: the authoritative state, its journal, and the path every command takes —
 * decide → append (fdatasync) → acknowledge → notify subscribers (design.md §3). Commands are
 * serialized, so `decide` always runs on the state the journal's head describes.
 */
import { decide, ENGINE_ACTOR, evolve, nextDueTime, owning, replay } from '../core/engine/index.ts';
import type { Actor, Command, EngineError, ExerciseEvent, ExerciseState } from '../core/engine/index.ts';
import type { Scenario } from '../core/scenario/index.ts';
import type { FileJournal, JournalEntry, JournalHead } from '../store/journal/index.ts';
import { isJournalError } from '../store/journal/index.ts';
import type { ExerciseMeta } from '../store/exercise-files.ts';
import type { FileSystem } from '../store/file-system.ts';

export type DispatchError =
  | { readonly code: 'refused'; readonly message: string; readonly engine: EngineError }
  /** The journal could not store the events: nothing was recorded and the exercise is now read-only. */
  | { readonly code: 'not-recorded'; readonly message: string }
  | { readonly code: 'read-only'; readonly message: string };

export type DispatchResult =
  | { readonly ok: true; readonly events: readonly ExerciseEvent[]; readonly head: JournalHead }
  | { readonly ok: false; readonly error: DispatchError };

export interface Acknowledged {
  readonly events: readonly ExerciseEvent[];
  readonly head: JournalHead;
}

export type SessionListener = (update: Acknowledged) => void;

/**
 * How many idempotency keys a session remembers. A client retries within seconds of its first
 * attempt; 4096 keys is many minutes of a busy room, and the memory stays bounded.
 */
export const REMEMBERED_KEYS = 4096;

export interface SessionOptions {
  /** Wall clock in ms; a virtual clock in the demo and in tests. */
  readonly now?: () => number;
  /** The file system under the journal; tests inject faults through it. */
  readonly fs?: FileSystem;
}

export class ExerciseSession {
  readonly #journal: FileJournal;
  readonly #now: () => number;
  readonly #listeners = new Set<SessionListener>();
  #state: ExerciseState;
  #queue: Promise<unknown> = Promise.resolve();
  #ticker: ReturnType<typeof setTimeout> | null = null;
  #tickerOn = false;
  /** Recent idempotency keys → the command they carried and the answer it got (oldest first). */
  readonly #keys = new Map<string, { readonly fingerprint: string; readonly result: Promise<DispatchResult> }>();

  constructor(
    readonly meta: ExerciseMeta,
    readonly scenario: Scenario,
    readonly scenarioText: string,
    journal: FileJournal,
    state: ExerciseState,
    options: SessionOptions = {},
  ) {
    this.#journal = journal;
    this.#state = state;
    this.#now = options.now ?? Date.now;
  }

  /** Folds the journal's entries into the state (the same `evolve` the live run used). */
  static async load(meta: ExerciseMeta, scenario: Scenario, scenarioText: string, journal: FileJournal, options: SessionOptions = {}): Promise<ExerciseSession> {
    const entries = await journal.entries();
    return new ExerciseSession(meta, scenario, scenarioText, journal, replay(scenario, eventsFromEntries(entries)), options);
  }

  get id(): string {
    return this.meta.exerciseId;
  }
  get state(): ExerciseState {
    return this.#state;
  }
  get head(): JournalHead {
    return this.#journal.head;
  }
  get journalPath(): string {
    return this.#journal.path;
  }
  get status() {
    return this.#journal.status;
  }
  get recovery() {
    return this.#journal.recovery;
  }
  get readOnly(): boolean {
    return this.#journal.status.state !== 'ok';
  }

  subscribe(listener: SessionListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Decides, appends durably, and only then acknowledges. Resolves in call order.
   *
   * With a `key`, a second dispatch under the same key (a client retrying after a lost answer) is
   * not decided again: it gets the first attempt's result, and nothing more is recorded. The keys
   * live in memory only (bounded, see REMEMBERED_KEYS): after a restart of the facilitator's app a
   * retry is decided afresh — see docs/adr/012-room-network.md for why that is acceptable.
   */
  dispatch(command: Command, actor: Actor, key?: string): Promise<DispatchResult> {
    const fingerprint = key === undefined ? '' : JSON.stringify([command, actor]);
    if (key !== undefined) {
      const seen = this.#keys.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return Promise.resolve({ ok: false, error: { code: 'refused', message: 'This request key was already used for a different command; nothing was recorded.', engine: { code: 'invalid-command', message: 'idempotency key reused' } } });
        }
        return seen.result;
      }
    }
    const run = this.#queue.then(() => this.#dispatchNow(command, actor));
    this.#queue = run.catch(() => undefined);
    if (key !== undefined) {
      this.#keys.set(key, { fingerprint, result: run });
      while (this.#keys.size > REMEMBERED_KEYS) this.#keys.delete(this.#keys.keys().next().value as string);
    }
    return run;
  }

  async #dispatchNow(command: Command, actor: Actor): Promise<DispatchResult> {
    const status = this.#journal.status;
    if (status.state !== 'ok') {
      const why = status.state === 'read-only' ? status.reason : 'the exercise is closed';
      return { ok: false, error: { code: 'read-only', message: `This exercise is read-only (${why}); nothing can be recorded.` } };
    }
    const decided = decide(command, this.#state, { now: this.#now(), actor });
    if (!decided.ok) return { ok: false, error: { code: 'refused', message: decided.error.message, engine: decided.error } };
    const events = decided.value;
    if (events.length === 0) return { ok: true, events, head: this.#journal.head };
    try {
      const entries = await this.#journal.append(events, { ts: events[0]!.wallTime });
      // decide numbered the events from the state's lastSeq; the journal must agree, or the
      // record and the state would describe different histories.
      entries.forEach((entry, i) => {
        if (entry.seq !== events[i]!.seq) throw new Error(`journal seq ${entry.seq} does not match event seq ${events[i]!.seq}`);
      });
    } catch (error: unknown) {
      this.#stopTicker();
      const reason = isJournalError(error) || error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'not-recorded', message: `NOT RECORDED. ${reason}` } };
    }
    // The session is the one owner of its state and keeps only the latest: `owning` lets the fold
    // grow the log in place instead of copying it per event. Readers of `state` use it at once
    // (a snapshot is serialized, scores computed synchronously); none keeps a state across a dispatch.
    this.#state = owning(() => events.reduce(evolve, this.#state));
    const update = { events, head: this.#journal.head };
    for (const listener of this.#listeners) {
      try {
        listener(update);
      } catch {
        // A failing view must not undo or block an acknowledged record.
      }
    }
    if (this.#tickerOn) this.#schedule();
    return { ok: true, ...update };
  }

  /** Releases due injects on time by waking at the engine's next due time (real clock only). */
  startTicker(): void {
    this.#tickerOn = true;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#ticker !== null) clearTimeout(this.#ticker);
    this.#ticker = null;
    const due = nextDueTime(this.#state);
    if (due === null || this.readOnly) return;
    // setTimeout's limit is 2^31-1 ms; wake at least every minute so a changed clock is noticed.
    const delay = Math.max(0, Math.min(due - this.#now(), 60_000));
    this.#ticker = setTimeout(() => {
      this.#ticker = null;
      void this.dispatch({ type: 'tick' }, ENGINE_ACTOR).then(() => this.#tickerOn && this.#schedule());
    }, delay);
    this.#ticker.unref?.();
  }

  #stopTicker(): void {
    this.#tickerOn = false;
    if (this.#ticker !== null) clearTimeout(this.#ticker);
    this.#ticker = null;
  }

  async close(): Promise<void> {
    this.#stopTicker();
    await this.#queue;
    await this.#journal.close();
  }
}

/** Journal entries → engine events. The store's own recovery note becomes an engine event too. */
export function eventsFromEntries(entries: readonly JournalEntry[]): ExerciseEvent[] {
  const events: ExerciseEvent[] = [];
  let scenarioTime = 0;
  for (const entry of entries) {
    const body = entry.body as { type?: unknown };
    if (body.type === 'journal-recovered' && !('v' in body)) {
      const recovered = entry.body as { discardedBytes: number; lastGoodSeq: number };
      events.push({
        v: 1,
        seq: entry.seq,
        wallTime: entry.ts,
        scenarioTime,
        actor: ENGINE_ACTOR,
        type: 'journal-recovered',
        discardedBytes: recovered.discardedBytes,
        lastGoodSeq: recovered.lastGoodSeq,
      });
      continue;
    }
    const event = entry.body as ExerciseEvent;
    if (typeof event !== 'object' || event === null || event.seq !== entry.seq || typeof event.type !== 'string') {
      throw new Error(`journal entry ${entry.seq} does not hold an exercise event with that seq`);
    }
    scenarioTime = Math.max(scenarioTime, event.scenarioTime);
    events.push(event);
  }
  return events;
}

/**
 * One open exercise in a view: the scenario and the events from the backend, folded with the same
 * `evolve` main uses (design.md §3). New events arrive pushed; a gap in seq is filled by asking
 * for what was missed. Commands go to main, which is authoritative; the view never guesses.
 */
import { decide, evolve, replay, scenarioTimeAt } from '@core/engine/index.ts';
import type { Actor, Command, ExerciseEvent, ExerciseState } from '@core/engine/index.ts';
import type { Scenario } from '@core/scenario/schema.ts';
import type { AppError, Result } from '@contract/result.ts';
import { api } from './api.ts';
import { currentLanguage } from './locale.svelte.ts';
import { refusalText } from '@core/i18n/refusal-text.ts';

export interface Acknowledgement {
  readonly seq: number;
  readonly hash: string;
}

export class ExerciseStore {
  readonly id: string;
  scenario = $state.raw<Scenario | null>(null);
  exercise = $state.raw<ExerciseState | null>(null);
  head = $state.raw<Acknowledgement>({ seq: 0, hash: '' });
  status = $state.raw<{ state: 'ok' | 'read-only' | 'closed'; reason: string | null }>({ state: 'ok', reason: null });
  loadError = $state<string | null>(null);
  /** Set when a command was NOT recorded (a write failed): the console blocks until acknowledged. */
  writeFailure = $state<string | null>(null);
  /**
   * What that command would have put on the record (the engine's events for it, never stored), so
   * the notice can show the entry itself: the person has to note it on paper.
   */
  unrecorded = $state.raw<readonly ExerciseEvent[]>([]);
  /**
   * Wall time at which the scenario clock stopped for this view: once nothing can be recorded, the
   * backend releases no more injects, so a clock that kept running would promise what cannot happen.
   */
  frozenAt = $state<number | null>(null);
  lastAck = $state.raw<Acknowledgement | null>(null);
  /** Wall clock, refreshed a few times a second, so the scenario clock on screen moves. */
  now = $state(Date.now());
  readonly #unsubscribe: (() => void)[] = [];
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(id: string) {
    this.id = id;
  }

  get scenarioTime(): number {
    return this.exercise ? scenarioTimeAt(this.exercise, this.frozenAt ?? this.now) : 0;
  }

  /** Read-only from now on (a failed write, a damaged record, a closed journal): stop the clock. */
  #freeze(at: number): void {
    this.frozenAt ??= at;
  }

  async load(): Promise<void> {
    const client = api();
    this.#unsubscribe.push(
      client.subscribe('exercise:events', (payload) => {
        if (payload.id === this.id) void this.#receive(payload.events as ExerciseEvent[], payload.head);
      }),
      client.subscribe('exercise:status', (payload) => {
        if (payload.id !== this.id) return;
        this.status = payload.status;
        if (payload.status.state !== 'ok') this.#freeze(Date.now());
      }),
      client.onConnection((state) => {
        if (state === 'open') void this.#catchUp();
      }),
    );
    const opened = await client.request('exercise:open', { id: this.id });
    if (!opened.ok) {
      this.loadError = opened.error.message;
      return;
    }
    this.scenario = opened.value.scenario as Scenario;
    this.exercise = replay(this.scenario, opened.value.events as ExerciseEvent[]);
    this.head = opened.value.head;
    this.status = opened.value.status;
    if (this.status.state !== 'ok') {
      // A record opened read-only stands where its last entry left it, not at today's wall clock.
      const last = this.exercise.log.at(-1);
      this.#freeze(last ? Date.parse(last.wallTime) : Date.now());
    }
    this.#timer = setInterval(() => (this.now = Date.now()), 250);
  }

  async #receive(events: readonly ExerciseEvent[], head: Acknowledgement): Promise<void> {
    if (!this.exercise) return;
    // Some of these may already be folded (our own command's reply may have fetched them).
    const fresh = events.filter((e) => e.seq > (this.exercise?.lastSeq ?? 0));
    const first = fresh[0];
    if (first === undefined) return;
    if (first.seq !== this.exercise.lastSeq + 1) {
      await this.#catchUp();
      return;
    }
    this.exercise = fresh.reduce(evolve, this.exercise);
    this.head = head;
  }

  async #catchUp(): Promise<void> {
    if (!this.exercise) return;
    const missed = await api().request('exercise:events-since', { id: this.id, afterSeq: this.exercise.lastSeq });
    if (!missed.ok) return;
    const events = (missed.value.events as ExerciseEvent[]).filter((e) => e.seq > (this.exercise?.lastSeq ?? 0));
    if (events.length > 0) this.exercise = events.reduce(evolve, this.exercise);
    this.head = missed.value.head;
  }

  /** Sends a command; on success the events arrive by push (and are folded exactly once). */
  async dispatch(command: Command, actor: Actor): Promise<Result<Acknowledgement>> {
    const result = await api().request('exercise:dispatch', { id: this.id, command, actor });
    if (!result.ok && result.error.code === 'refused' && this.exercise) {
      // The engine's refusals are English; the same pure decision on this view's state gives the
      // refusal's code, and so the sentence in the reader's language.
      const local = decide(command, this.exercise, { now: Date.now(), actor });
      if (!local.ok) return { ok: false, error: { ...result.error, message: refusalText(currentLanguage(), local.error) } };
    }
    if (!result.ok) {
      if (result.error.code === 'not-recorded') {
        // The same pure decision main made, on the state this view shows: what was lost, in words.
        const lost = this.exercise ? decide(command, this.exercise, { now: Date.now(), actor }) : null;
        this.unrecorded = lost?.ok ? lost.value : [];
        this.writeFailure = result.error.message;
      }
      if (result.error.code === 'not-recorded' || result.error.code === 'read-only') {
        this.status = { state: 'read-only', reason: result.error.message };
        this.#freeze(Date.now());
      }
      return result;
    }
    this.lastAck = result.value.head;
    if (this.exercise && result.value.head.seq > this.exercise.lastSeq) await this.#catchUp();
    return { ok: true, value: result.value.head };
  }

  errorText(error: AppError): string {
    return error.message;
  }

  close(): void {
    this.#unsubscribe.forEach((u) => u());
    if (this.#timer !== null) clearInterval(this.#timer);
  }
}

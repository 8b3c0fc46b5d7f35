/**
 * One facilitator console over one exercise: the store, the control cell the facilitator acts as,
 * the derived boards every panel reads, and per-panel progress and errors so a refusal shows up
 * next to the button that caused it.
 */
import { correctedLog, mselBoard, phaseOf } from '@core/engine/index.ts';
import type { Command, ExerciseState, Phase } from '@core/engine/index.ts';
import type { MessageKey } from '@core/i18n/translate.ts';
import type { Scenario } from '@core/scenario/schema.ts';
import type { ErrorCode } from '@contract/result.ts';
import { ExerciseStore } from '../../lib/exercise.svelte.ts';
import { controlCellOf, indexInjects, nextInject } from './queries.ts';

/** What went wrong with an action: a translated heading, and the backend's words as detail. */
export interface PanelError {
  readonly heading: MessageKey;
  readonly detail: string | null;
}

const ERROR_HEADINGS: Readonly<Record<ErrorCode, MessageKey>> = {
  'bad-request': 'console.error.bad-request',
  forbidden: 'console.error.forbidden',
  'not-found': 'console.error.not-found',
  refused: 'console.error.refused',
  'not-recorded': 'console.error.not-recorded',
  'read-only': 'console.error.read-only',
  'invalid-scenario': 'console.error.invalid-scenario',
  conflict: 'console.error.conflict',
  'too-large': 'console.error.too-large',
  'rate-limited': 'console.error.rate-limited',
  internal: 'console.error.internal',
};

export class ConsoleModel {
  readonly store: ExerciseStore;
  /** Keyed by where the action sits: a panel (`clock`) or a row (`msel:inj-007`). */
  errors = $state<Record<string, PanelError | undefined>>({});
  busy = $state<Record<string, boolean | undefined>>({});

  // Closures, because `store` is assigned in the constructor; deriveds are evaluated on first read.
  readonly board = $derived.by(() => (this.store.exercise ? mselBoard(this.store.exercise) : []));
  readonly log = $derived.by(() => (this.store.exercise ? correctedLog(this.store.exercise) : []));
  readonly next = $derived.by(() => (this.store.exercise ? nextInject(this.store.exercise) : null));
  readonly injectIndex = $derived.by(() => indexInjects(this.store.scenario));

  constructor(id: string) {
    this.store = new ExerciseStore(id);
  }

  get state(): ExerciseState | null {
    return this.store.exercise;
  }

  get scenario(): Scenario | null {
    return this.store.scenario;
  }

  get phase(): Phase {
    return this.store.exercise ? phaseOf(this.store.exercise) : 'new';
  }

  get controlCell(): string {
    return this.store.scenario ? controlCellOf(this.store.scenario) : 'control';
  }

  /** Nothing may be sent once the journal refused a write or went read-only. */
  get writable(): boolean {
    return this.store.status.state === 'ok' && this.store.writeFailure === null;
  }

  /** Play commands need a running exercise; corrections also work after EndEx. */
  get inPlay(): boolean {
    return this.writable && this.phase === 'conduct';
  }

  /**
   * Sends a command as the facilitator, seated in the control cell or, when recording for a cell,
   * in that cell. Resolves true when it was recorded.
   */
  async send(where: string, command: Command, cell: string = this.controlCell): Promise<boolean> {
    if (this.busy[where]) return false;
    this.busy[where] = true;
    this.errors[where] = undefined;
    try {
      const result = await this.store.dispatch(command, { person: 'facilitator', cell });
      if (result.ok) return true;
      this.errors[where] = { heading: ERROR_HEADINGS[result.error.code], detail: result.error.message };
      return false;
    } finally {
      this.busy[where] = false;
    }
  }

  /** Space: pause a running clock, resume a paused one. */
  async togglePause(): Promise<void> {
    const kind = this.state?.clock.kind;
    if (kind === 'paused') await this.send('clock', { type: 'resume-clock' });
    else if (kind === 'running' || kind === 'stepped') await this.send('clock', { type: 'pause-clock' });
  }

  /** "Release now", from the MSEL row (`msel:ID`) or the next-inject panel (`next`). */
  release(inject: string, where: string = `msel:${inject}`): Promise<boolean> {
    return this.send(where, { type: 'release-inject', inject });
  }

  /** R: release whatever the clock would release next. */
  async releaseNext(): Promise<void> {
    if (this.next) await this.release(this.next.id, 'next');
  }

  /** A check the console makes itself before sending (a missing reason, no cell chosen). */
  refuse(where: string, heading: MessageKey): void {
    this.errors[where] = { heading, detail: null };
  }

  clear(where: string): void {
    this.errors[where] = undefined;
  }

  async load(): Promise<void> {
    await this.store.load();
  }

  close(): void {
    this.store.close();
  }
}

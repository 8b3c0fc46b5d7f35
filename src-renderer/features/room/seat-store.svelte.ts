/**
 * A joined seat's screen state: its view from the facilitator's machine, fetched again whenever
 * the record grows past what it shows (`seat:changed`) and whenever the connection comes back —
 * the view at the current head holds everything missed, so a reconnect resumes from the last seq.
 * Commands are refused with a notice while the connection is down: never sent into the void.
 */
import type { Command } from '@core/engine/index.ts';
import type { SeatView } from '@contract/seat-view.ts';
import { api, NOT_SENT } from '../../lib/api.ts';

export type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly notSent: boolean; readonly message: string };

export class SeatStore {
  view = $state.raw<SeatView | null>(null);
  /** Not joined, or revoked: the server answered 401/forbidden. */
  lost = $state(false);
  error = $state<string | null>(null);
  connection = $state<'open' | 'connecting' | 'closed'>('connecting');
  readonly #unsubscribe: (() => void)[] = [];
  #loading: Promise<void> | null = null;
  #again = false;

  load(): void {
    const client = api();
    this.connection = client.connection();
    this.#unsubscribe.push(
      client.subscribe('seat:changed', (payload) => {
        if (payload.toSeq > (this.view?.head.seq ?? 0)) void this.refresh();
      }),
      client.onConnection((state) => {
        this.connection = state;
        // On reconnect: fetch what was missed. On a drop: ask once whether the seat still exists
        // (a revoked seat's socket is closed by the server, and its requests get 401).
        void this.refresh();
      }),
    );
    void this.refresh();
  }

  /** One fetch at a time; a change during a fetch triggers exactly one more. */
  refresh(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = (async () => {
      do {
        this.#again = false;
        const result = await api().request('seat:view', {});
        if (result.ok) {
          const next = result.value as SeatView;
          // Answers can cross on the wire; never step back to an older view.
          if (!this.view || next.head.seq >= this.view.head.seq) this.view = next;
          this.lost = false;
          this.error = null;
        } else if (result.error.code === 'forbidden') {
          this.lost = true;
        } else {
          this.error = result.error.message;
        }
      } while (this.#again);
    })().finally(() => (this.#loading = null));
    return this.#loading;
  }

  async send(command: Command): Promise<SendOutcome> {
    const view = this.view;
    if (!view) return { ok: false, notSent: true, message: NOT_SENT };
    if (this.connection !== 'open') return { ok: false, notSent: true, message: NOT_SENT };
    // The actor is decided by the server from the seat; this one is only there for the schema.
    const result = await api().request('exercise:dispatch', { id: view.exerciseId, command, actor: { person: view.seat.id, cell: view.seat.cell ?? 'none' } });
    if (!result.ok) return { ok: false, notSent: result.error.message === NOT_SENT, message: result.error.message };
    await this.refresh();
    return { ok: true };
  }

  close(): void {
    this.#unsubscribe.forEach((u) => u());
  }
}

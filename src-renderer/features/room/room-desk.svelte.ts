/**
 * The facilitator's room page state: the room's status (polled, so connections show up), the
 * exercise's cells and evaluators to seat, and the codes issued in this page (shown with their QR).
 */
import { replay } from '@core/engine/index.ts';
import type { ExerciseEvent } from '@core/engine/index.ts';
import type { Cell, Scenario } from '@core/scenario/schema.ts';
import type { ResponseOf } from '@contract/channels.ts';
import { api } from '../../lib/api.ts';

export type RoomStatus = ResponseOf<'room:status'>;
export type IssuedCode = ResponseOf<'room:create-seat'>;

export class RoomDesk {
  readonly id: string;
  status = $state.raw<RoomStatus | null>(null);
  cells = $state.raw<readonly Cell[]>([]);
  evaluators = $state.raw<readonly { id: string; name: string }[]>([]);
  /** Codes issued while this page is open, by seat: the only time a code and its QR are shown. */
  issued = $state.raw<Readonly<Record<string, IssuedCode>>>({});
  error = $state<string | null>(null);
  busy = $state(false);
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(id: string) {
    this.id = id;
  }

  async load(): Promise<void> {
    const opened = await api().request('exercise:open', { id: this.id });
    if (!opened.ok) {
      this.error = opened.error.message;
      return;
    }
    const scenario = opened.value.scenario as Scenario;
    this.cells = scenario.cells.filter((c) => c.role === 'player');
    this.evaluators = replay(scenario, opened.value.events as ExerciseEvent[]).setup?.evaluators ?? [];
    await this.refresh();
    this.#timer = setInterval(() => void this.refresh(), 2_000);
  }

  async refresh(): Promise<void> {
    const status = await api().request('room:status', { id: this.id });
    if (status.ok) this.status = status.value;
  }

  async #run<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T | null> {
    this.busy = true;
    const result = await work();
    this.busy = false;
    this.error = result.ok ? null : result.error.message;
    await this.refresh();
    return result.ok ? result.value : null;
  }

  open(host: string, port: number) {
    return this.#run(() => api().request('room:open', { id: this.id, host, port }));
  }
  close() {
    this.issued = {};
    return this.#run(() => api().request('room:close', {}));
  }
  async createSeat(seat: { role: RoomStatus['seats'][number]['role']; cell: string | null; evaluator: string | null; label: string }) {
    const issued = await this.#run(() => api().request('room:create-seat', { id: this.id, ...seat }));
    if (issued) this.issued = { ...this.issued, [issued.seatId]: issued };
    return issued;
  }
  async newCode(seatId: string) {
    const issued = await this.#run(() => api().request('room:new-code', { seatId }));
    if (issued) this.issued = { ...this.issued, [issued.seatId]: issued };
  }
  async revoke(seatId: string) {
    this.issued = Object.fromEntries(Object.entries(this.issued).filter(([id]) => id !== seatId));
    await this.#run(() => api().request('room:revoke-seat', { seatId }));
  }

  dispose(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
  }
}

/** The QR code's SVG as an image URL: shown through <img>, where an SVG can run no script. */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

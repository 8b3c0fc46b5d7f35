/** The clock paces a facilitator picks from, as select values and back. */
import type { ClockPace } from '@core/engine/index.ts';

export const SPEEDS = [2, 5, 10, 30, 60, 120] as const;

export const PACE_VALUES: readonly string[] = ['realtime', ...SPEEDS.map(String), 'stepped'];

export function paceValue(pace: ClockPace | null | undefined): string {
  if (!pace) return 'realtime';
  return pace.mode === 'compressed' ? String(pace.speed) : pace.mode;
}

export function paceFromValue(value: string): ClockPace {
  if (value === 'realtime' || value === 'stepped') return { mode: value };
  const speed = Number(value);
  return Number.isInteger(speed) && speed >= 2 ? { mode: 'compressed', speed } : { mode: 'realtime' };
}

/** Scenario steps offered in stepped mode. */
export const STEPS_MS = [15 * 60_000, 60 * 60_000] as const;

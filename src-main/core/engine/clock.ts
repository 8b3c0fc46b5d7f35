/**
 * The scenario clock, derived from the log (StartEx, pauses, resumes, pace changes, steps, EndEx).
 *
 * Everything that waits (injects, decision deadlines, statutory timers) waits in SCENARIO time.
 * A paused clock does not advance scenario time, so every pending due time moves later in wall
 * time by exactly the length of the pause, with no bookkeeping that could drift.
 *
 * Arithmetic is on integer milliseconds and integer speeds, so readings are exact.
 */
import { assertNever } from './assert-never.ts';

/** How the clock advances: with the wall clock (×1 or ×N), or only when the facilitator steps it. */
export type ClockPace =
  | { readonly mode: 'realtime' }
  | { readonly mode: 'compressed'; readonly speed: number }
  | { readonly mode: 'stepped' };

export type ClockState =
  | { readonly kind: 'not-started' }
  | {
      readonly kind: 'running';
      /** Wall time (ms since the Unix epoch) of the last re-anchoring: StartEx, resume or pace change. */
      readonly anchorWall: number;
      /** Scenario time (ms since T0) at `anchorWall`. */
      readonly anchorScenario: number;
      readonly speed: number;
    }
  | { readonly kind: 'paused'; readonly scenarioTime: number; readonly resume: ClockPace }
  | { readonly kind: 'stepped'; readonly scenarioTime: number }
  | { readonly kind: 'ended'; readonly scenarioTime: number };

/** Upper bound on compression: a day of scenario in under 90 seconds is already beyond any TTX. */
export const MAX_SPEED = 1000;

export function speedOf(pace: ClockPace): number | null {
  switch (pace.mode) {
    case 'realtime':
      return 1;
    case 'compressed':
      return pace.speed;
    case 'stepped':
      return null;
    default:
      return assertNever(pace, 'clock pace');
  }
}

/** The clock that starts (or resumes) with `pace` at the given wall and scenario time. */
export function clockWithPace(pace: ClockPace, wall: number, scenarioTime: number): ClockState {
  const speed = speedOf(pace);
  return speed === null
    ? { kind: 'stepped', scenarioTime }
    : { kind: 'running', anchorWall: wall, anchorScenario: scenarioTime, speed };
}

export function paceOf(clock: ClockState): ClockPace | null {
  switch (clock.kind) {
    case 'running':
      return clock.speed === 1 ? { mode: 'realtime' } : { mode: 'compressed', speed: clock.speed };
    case 'stepped':
      return { mode: 'stepped' };
    case 'paused':
      return clock.resume;
    case 'not-started':
    case 'ended':
      return null;
    default:
      return assertNever(clock, 'clock state');
  }
}

/**
 * What the clock itself reads at a wall time. A wall time before the anchor (the laptop's clock was
 * set back) reads as the anchor: scenario time holds still until the wall clock catches up.
 */
export function clockReading(clock: ClockState, wall: number): number {
  switch (clock.kind) {
    case 'not-started':
      return 0;
    case 'running':
      return clock.anchorScenario + Math.max(0, wall - clock.anchorWall) * clock.speed;
    case 'paused':
    case 'stepped':
    case 'ended':
      return clock.scenarioTime;
    default:
      return assertNever(clock, 'clock state');
  }
}

/**
 * The first wall time at which a running clock reads `scenarioTime` or later; null when the clock
 * does not move by itself (not started, paused, stepped, ended).
 */
export function wallTimeWhen(clock: ClockState, scenarioTime: number): number | null {
  if (clock.kind !== 'running') return null;
  const ahead = scenarioTime - clock.anchorScenario;
  if (ahead <= 0) return clock.anchorWall;
  return clock.anchorWall + Math.ceil(ahead / clock.speed);
}

export function isConducting(clock: ClockState): boolean {
  return clock.kind === 'running' || clock.kind === 'paused' || clock.kind === 'stepped';
}

export function toIso(wall: number): string {
  return new Date(wall).toISOString();
}

export function fromIso(iso: string): number {
  return Date.parse(iso);
}

/**
 * Scenario time notation used by planners, and its conversion to milliseconds.
 *
 * Scenario times are offsets from the scenario's T0, written `T+HH:MM` (hours may exceed 24:
 * `T+127:40` is five days in). Durations are written `1h30m`, `45m`, `2d` — the way a facilitator
 * says them. Internally everything is integer milliseconds so the clock arithmetic is exact.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const SCENARIO_TIME_PATTERN = /^T\+(\d{1,3}):([0-5]\d)$/;
export const DURATION_PATTERN = /^(?=\d)(?:(\d{1,3})d)?(?:(\d{1,4})h)?(?:(\d{1,5})m)?$/;

/** `T+01:33` → 5 580 000. Returns undefined for text that is not a scenario time. */
export function parseScenarioTime(text: string): number | undefined {
  const match = SCENARIO_TIME_PATTERN.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS;
}

/** `1h30m` → 5 400 000. Returns undefined for text that is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match || text.length === 0) return undefined;
  const [, d, h, m] = match;
  return Number(d ?? 0) * DAY_MS + Number(h ?? 0) * HOUR_MS + Number(m ?? 0) * MINUTE_MS;
}

/** 5 580 000 → `T+01:33`; negative offsets (before T0) render as `T-00:05`. */
export function formatScenarioTime(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const totalMinutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return `T${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** 5 400 000 → `1h30m`. */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.round(ms / MINUTE_MS);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''];
  return parts.join('') || '0m';
}

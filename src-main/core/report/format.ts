/**
 * How figures read in the report, the same in every format: scenario times as T+hh:mm, durations
 * in hours and minutes in the reader's language, whole numbers grouped by thousands. Written out
 * rather than left to Intl so a report reads the same wherever it is rendered (Node, Electron).
 */
import type { Language } from '../scenario/text.ts';
import type { Rating } from '../engine/events.ts';
import { translate } from '../i18n/translate.ts';
import { formatScenarioTime, HOUR_MS, MINUTE_MS } from '../time.ts';

export { formatScenarioTime };

/** 1234567.8 → "1,234,568". */
export function formatInt(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${grouped}` : grouped;
}

/** One decimal, trailing ".0" dropped: 4.25 → "4.3", 4 → "4". */
export function formatDecimal(value: number, places = 1): string {
  const factor = 10 ** places;
  return String(Math.round(value * factor) / factor);
}

/** 5 h 12 min / 5시간 12분; past two days, days and hours (5 d 8 h / 5일 8시간). */
export function formatDurationText(ms: number, language: Language): string {
  const totalMinutes = Math.round(Math.max(0, ms) / MINUTE_MS);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours >= 48) {
    const days = Math.floor(hours / 24);
    const rest = hours % 24;
    if (language === 'ko') return rest === 0 ? `${days}일` : `${days}일 ${rest}시간`;
    return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
  }
  if (language === 'ko') {
    if (hours === 0) return `${minutes}분`;
    return minutes === 0 ? `${hours}시간` : `${hours}시간 ${minutes}분`;
  }
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

export function hoursOf(ms: number): number {
  return ms / HOUR_MS;
}

/** "S — Performed with some challenges". */
export function ratingText(language: Language, rating: Rating | null): string {
  if (rating === null) return '—';
  return `${rating} — ${translate(language, `rating.${rating}`)}`;
}

/** A 0–100 figure, or "n/a" when nothing could be scored. */
export function scoreText(language: Language, value: number | null): string {
  return value === null ? translate(language, 'report.scores.na') : formatDecimal(value);
}

/** The UTC offset a scenario's T0 is written with ("+09:00"), used to print wall times locally. */
export function offsetOf(t0: string): string {
  const match = /([+-]\d{2}:\d{2}|Z)$/.exec(t0);
  return match?.[1] === undefined || match[1] === 'Z' ? '+00:00' : match[1];
}

/** A wall time (ISO, recorded in UTC) as "2026-11-30 09:12" in the given offset ("+09:00"). */
export function wallText(iso: string | null, offset: string): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (Number.isNaN(ms) || !match) return iso;
  const shift = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * MINUTE_MS;
  const local = new Date(ms + shift).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

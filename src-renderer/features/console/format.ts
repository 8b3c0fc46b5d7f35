/**
 * How the console writes times. Scenario times are offsets from T0 and may run past 99 hours,
 * so they are never formatted as a time of day; wall and in-world times go through Intl.
 */
import type { Language } from '@core/scenario/text.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function hms(ms: number): [number, number, number] {
  const total = Math.floor(Math.abs(ms) / 1000);
  return [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
}

/** 4 530 000 → `T+01:15:30`, the live scenario clock. */
export function clockText(ms: number): string {
  const [h, m, s] = hms(ms);
  return `T${ms < 0 ? '-' : '+'}${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** 4 530 000 → `T+01:15`: due times in lists, where seconds are noise. */
export function dueText(ms: number): string {
  const [h, m] = hms(ms);
  return `T${ms < 0 ? '-' : '+'}${pad(h)}:${pad(m)}`;
}

/** A remaining duration: `1:05:30`, `05:30`; seconds are dropped past ten hours. */
export function spanText(ms: number): string {
  const [h, m, s] = hms(ms);
  if (h >= 10) return `${h}h ${pad(m)}m`;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

function intlLocale(language: Language): string {
  return language === 'ko' ? 'ko-KR' : 'en-GB';
}

/** The wall clock of the room. */
export function wallText(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

/** An ISO wall time of an event, as a time of day in the room. */
export function wallTimeOf(iso: string, language: Language): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : wallText(ms, language);
}

/** Offset in ms of a `…+09:00` / `…Z` timestamp, so in-world time reads as the scenario's own zone. */
function offsetOf(iso: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** What the clocks say inside the scenario: T0 plus scenario time, e.g. `10. 15. (토) 15:31`. */
export function inWorldText(t0: string, scenarioMs: number, language: Language): string {
  const base = Date.parse(t0);
  if (Number.isNaN(base)) return '';
  const shifted = base + scenarioMs + offsetOf(t0);
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(shifted);
}

/** The journal head as people read it aloud: the first twelve hex digits. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/**
 * Small, pure helpers the exercise screens share: scenario time as people read it, and the names
 * of cells. Shared by the cell, evaluator, hot-wash and display screens.
 */
import type { Cell, Scenario } from '@core/scenario/schema.ts';
import { localize } from '@core/scenario/text.ts';
import type { Language } from '@core/scenario/text.ts';
import { formatScenarioTime } from '@core/time.ts';

/** `T+01:33`, the notation of the MSEL. */
export const scenarioClock = formatScenarioTime;

/** The UTC offset of an ISO time such as `2022-10-15T15:19:00+09:00`, in minutes. */
function utcOffsetMinutes(iso: string): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The scenario's own calendar time at an offset from T0, in T0's time zone: the room reads
 * "Sat 15 Oct 16:52" in the zone the scenario is set in, whatever the laptop's zone is.
 */
export function scenarioDateTime(scenario: Scenario, ms: number, language: Language, options: { readonly year?: boolean } = {}): string {
  const shifted = new Date(Date.parse(scenario.t0) + ms + utcOffsetMinutes(scenario.t0) * 60_000);
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: 'UTC',
    ...(options.year ? { year: 'numeric' } : {}),
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(shifted);
}

/** A wall time (ISO) in the reader's language, to the minute. */
export function wallDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function cellName(scenario: Scenario, id: string, language: Language): string {
  const cell = scenario.cells.find((c) => c.id === id);
  return cell ? localize(cell.name, language) : id;
}

export function playerCells(scenario: Scenario): readonly Cell[] {
  return scenario.cells.filter((c) => c.role === 'player');
}

/** The cell that runs the exercise; the facilitator and evaluators act as it. */
export function controlCell(scenario: Scenario): string {
  return scenario.cells.find((c) => c.role === 'control')?.id ?? 'control';
}

/** A journal hash as people compare it: the first 12 hex digits. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/**
 * Scenario prose is hard-wrapped in the YAML; a line break inside a paragraph is a soft break
 * (as in CommonMark), so it becomes a space. Blank lines, list items and headings stay as they are.
 */
export function unwrapProse(source: string): string {
  return source.replace(/([^\n])\n(?![\n\s]*$)(?!\s*\n)(?!\s*(?:[-*+]|\d+[.)])\s)(?!\s*#)/g, '$1 ');
}

/** A duration in days, hours and minutes, for people (the scenario writes `5d8h`). */
export function durationParts(ms: number): { readonly days: number; readonly hours: number; readonly minutes: number } {
  const minutesTotal = Math.round(ms / 60_000);
  return { days: Math.floor(minutesTotal / 1440), hours: Math.floor((minutesTotal % 1440) / 60), minutes: minutesTotal % 60 };
}

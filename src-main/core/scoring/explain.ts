/**
 * Building blocks every scoring component shares: explanations, rounding, and the way times and
 * durations are written into message parameters.
 *
 * Parameters hold ids (cell, option, inject, service, metric…) and language-neutral notation
 * (T+hh:mm, 1h30m, plain numbers) so one explanation renders in Korean and in English.
 */
import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import { formatDuration, formatScenarioTime } from '../time.ts';
import type { Explanation, Figure } from './model.ts';

export function explain(key: MessageKey, params: MessageParams, events: Iterable<number | null | undefined>): Explanation {
  const seqs = new Set<number>();
  for (const seq of events) if (typeof seq === 'number') seqs.add(seq);
  return { key, params, events: [...seqs].sort((a, b) => a - b) };
}

export function figure(value: number | null, explanation: Explanation): Figure {
  return { value: value === null ? null : round1(clamp(value, 0, 100)), explanation };
}

/** Scores are shown and rolled up with one decimal, so a reader can redo every sum by hand. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Values of figures that have one (null figures are "not scored", not zero). */
export function valuesOf(figures: Iterable<Figure>): number[] {
  const values: number[] = [];
  for (const f of figures) if (f.value !== null) values.push(f.value);
  return values;
}

export function eventsOf(figures: Iterable<Figure>): number[] {
  const seqs: number[] = [];
  for (const f of figures) seqs.push(...f.explanation.events);
  return seqs;
}

export const at = (ms: number): string => formatScenarioTime(ms);
export const span = (ms: number): string => formatDuration(ms);
/** A missing number in a sentence. */
export const NONE = '–';
export const num = (value: number | null): string | number => (value === null ? NONE : value);

/** 15599400000 → "15,599,400,000" (the grouping reads the same in Korean and English). */
export function grouped(value: number): string {
  const whole = Math.round(Math.abs(value));
  const sign = value < 0 && whole !== 0 ? '-' : '';
  return sign + String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

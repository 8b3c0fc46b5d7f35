/**
 * The report model as JSON, for archives and other tools: `{ format, version, ...model }` with
 * keys sorted at every level, so the same report is the same bytes (diffable, hashable).
 */
import type { ReportModel } from './model.ts';

export const REPORT_JSON_FORMAT = 'sitroom-aar';
export const REPORT_JSON_VERSION = 1;

export function reportJson(model: ReportModel): string {
  const { meta, ...rest } = model;
  return `${JSON.stringify({ format: REPORT_JSON_FORMAT, version: REPORT_JSON_VERSION, meta, ...rest }, sortedKeys, 2)}\n`;
}

/** JSON.stringify replacer: plain objects come out with sorted keys; `format` and `version` lead. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

function rank(key: string): number {
  return key === 'format' ? 0 : key === 'version' ? 1 : 2;
}

/**
 * The full exercise log as CSV (RFC 4180): one row per journal event, corrected ones included and
 * marked. Spreadsheets execute cells that begin with = + - @ (or a tab or CR) as formulas, so such
 * a cell gets a leading apostrophe — the log must never run code on the reader's machine.
 */
import { own } from '../engine/records.ts';
import type { ExerciseState } from '../engine/state.ts';
import { translate } from '../i18n/translate.ts';
import type { Language } from '../scenario/text.ts';
import { formatScenarioTime } from '../time.ts';
import { eventText } from './event-text.ts';
import { lookupOf } from './names.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a cell a spreadsheet would evaluate as a formula. */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => quote(guardCell(cell))).join(',')).join('\r\n') + '\r\n';
}

export function logCsv(state: ExerciseState, language: Language): string {
  const names = lookupOf(state, language);
  const t = (key: Parameters<typeof translate>[1], params = {}) => translate(language, key, params);
  const header = [t('report.csv.seq'), t('report.csv.scenario-time'), t('report.csv.wall-time'), t('report.csv.type'), t('report.csv.actor'), t('report.csv.cell'), t('report.csv.text'), t('report.csv.corrected')];
  const rows = state.log.map((event) => {
    const described = eventText(event, event, names);
    const mark = own(state.corrections, String(event.seq));
    const cell = described.cell ?? (event.actor.cell.startsWith('@') ? null : event.actor.cell);
    return [
      String(event.seq),
      formatScenarioTime(event.scenarioTime),
      event.wallTime,
      event.type,
      names.person(event.actor.person),
      cell === null ? '' : names.cell(cell),
      described.text,
      mark === undefined ? '' : `${t(mark.kind === 'retracted' ? 'report.timeline.retracted' : 'report.timeline.amended', { target: event.seq, reason: mark.reason })} (#${mark.bySeq})`,
    ];
  });
  return toCsv([header, ...rows]);
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

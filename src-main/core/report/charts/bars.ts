/**
 * A horizontal bar chart, the shape three of the report's charts share: one row per item, a solid
 * bar for the value and, optionally, a second figure per row drawn as an outlined bar (a baseline)
 * or a tick (a percentile). A row whose value is unknown is drawn hatched-empty with a dash.
 */
import { clip, emptyBody, GREY, INK, LIGHT, line, niceScale, rect, svg, text, WIDTH } from './svg.ts';

export interface BarRow {
  readonly label: string;
  readonly value: number | null;
  readonly second?: number | null;
  /** Printed at the end of the bar (e.g. "not restored"); the value otherwise. */
  readonly note?: string;
  /** Draw the bar hatched (e.g. still out at the end of the exercise). */
  readonly hatched?: boolean;
}

export interface BarChartSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly rows: readonly BarRow[];
  readonly unit: string;
  /** How the second figure is drawn. */
  readonly second: 'none' | 'outline' | 'tick';
  readonly legend: readonly { readonly label: string; readonly kind: 'solid' | 'outline' | 'tick' | 'hatched' }[];
  readonly fixedMax?: number;
  readonly noData: string;
  readonly format: (value: number) => string;
}

const LABEL_W = 190;
const ROW_H = 22;
const TOP = 30;
const RIGHT = 58;

export function barChart(spec: BarChartSpec): string {
  if (spec.rows.length === 0) {
    return svg({ id: spec.id, title: spec.title, description: spec.description, height: 60, body: emptyBody(spec.noData, 60) });
  }
  const values = spec.rows.flatMap((r) => [r.value ?? 0, r.second ?? 0]);
  const scale = spec.fixedMax !== undefined ? { max: spec.fixedMax, step: spec.fixedMax / 5 } : niceScale(Math.max(...values));
  const plotW = WIDTH - LABEL_W - RIGHT;
  const x = (v: number) => LABEL_W + (Math.min(v, scale.max) / scale.max) * plotW;
  const height = TOP + spec.rows.length * ROW_H + 34;
  const parts: string[] = [];
  // Legend along the top.
  let lx = LABEL_W;
  for (const item of spec.legend) {
    parts.push(legendMark(spec.id, item.kind, lx, 8));
    parts.push(text(lx + 16, 17, item.label, `font-size="10"`));
    lx += 24 + Array.from(item.label).length * 7.5;
  }
  // Grid and axis.
  const axisY = TOP + spec.rows.length * ROW_H;
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
    parts.push(line(x(v), TOP - 4, x(v), axisY, `stroke="${LIGHT}" stroke-width="0.8"`));
    parts.push(text(x(v), axisY + 13, spec.format(v), `text-anchor="middle" font-size="9.5" fill="${GREY}"`));
  }
  parts.push(line(LABEL_W, axisY, LABEL_W + plotW, axisY, `stroke="${INK}" stroke-width="0.8"`));
  parts.push(text(LABEL_W + plotW / 2, axisY + 27, spec.unit, `text-anchor="middle" font-size="10" fill="${GREY}"`));
  spec.rows.forEach((row, i) => {
    const y = TOP + i * ROW_H;
    parts.push(text(LABEL_W - 6, y + 14, clip(row.label, LABEL_W - 12), `text-anchor="end"`));
    if (spec.second === 'outline' && row.second != null) {
      parts.push(rect(LABEL_W, y + 3, x(row.second) - LABEL_W, ROW_H - 6, `fill="none" stroke="${INK}" stroke-width="1" stroke-dasharray="3 2"`));
    }
    if (row.value !== null) {
      const fill = row.hatched ? `url(#${spec.id}-hatch)` : '#3a3a3a';
      parts.push(rect(LABEL_W, y + 6, x(row.value) - LABEL_W, ROW_H - 12, `fill="${fill}" stroke="${INK}" stroke-width="0.6"`));
    }
    if (spec.second === 'tick' && row.second != null) {
      const tx = x(row.second);
      parts.push(line(tx, y + 2, tx, y + ROW_H - 2, `stroke="${INK}" stroke-width="2.2"`));
    }
    const end = Math.max(row.value === null ? LABEL_W : x(row.value), spec.second === 'none' || row.second == null ? 0 : x(row.second));
    const note = row.note ?? (row.value === null ? '—' : spec.format(row.value));
    parts.push(text(Math.min(end + 5, WIDTH - RIGHT + 4), y + 14, note, `font-size="9.5"`));
  });
  return svg({ id: spec.id, title: spec.title, description: spec.description, height, body: parts.join('') });
}

function legendMark(id: string, kind: 'solid' | 'outline' | 'tick' | 'hatched', x: number, y: number): string {
  switch (kind) {
    case 'solid':
      return rect(x, y + 1, 12, 9, `fill="#3a3a3a"`);
    case 'outline':
      return rect(x, y + 1, 12, 9, `fill="none" stroke="${INK}" stroke-dasharray="3 2"`);
    case 'hatched':
      return rect(x, y + 1, 12, 9, `fill="url(#${id}-hatch)" stroke="${INK}" stroke-width="0.6"`);
    case 'tick':
      return line(x + 6, y - 1, x + 6, y + 12, `stroke="${INK}" stroke-width="2.2"`);
  }
}

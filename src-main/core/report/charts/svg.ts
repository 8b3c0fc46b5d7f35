/**
 * Building blocks of the report's SVG charts: strings, no library, no script. Every chart is an
 * accessible image (role="img" named by its <title> and <desc>), drawn in black, greys and
 * patterns so it reads on a black-and-white printer; every piece of text is escaped.
 */
import { escapeHtml } from '../html-escape.ts';

export const WIDTH = 640;
export const FONT = "'Noto Sans KR', 'Noto Sans', sans-serif";
export const INK = '#111';
export const GREY = '#767676';
export const LIGHT = '#d9d9d9';

export interface Chart {
  /** A stable id prefix, unique within the document (charts share one page). */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly height: number;
  readonly body: string;
}

/** The outer <svg>. Ids are derived from `chart.id`, so a document stays deterministic. */
export function svg(chart: Chart): string {
  const t = `${chart.id}-title`;
  const d = `${chart.id}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${t} ${d}" viewBox="0 0 ${WIDTH} ${chart.height}" width="${WIDTH}" height="${chart.height}" font-family="${escapeHtml(FONT)}" font-size="11" fill="${INK}">`,
    `<title id="${t}">${escapeHtml(chart.title)}</title>`,
    `<desc id="${d}">${escapeHtml(chart.description)}</desc>`,
    `<defs><pattern id="${chart.id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${INK}" stroke-width="2"/></pattern></defs>`,
    chart.body,
    '</svg>',
  ].join('');
}

export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}"${attrs === '' ? '' : ` ${attrs}`}>${escapeHtml(content)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(Math.max(0, w))}" height="${fmt(Math.max(0, h))}" ${attrs}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs: string): string {
  return `<line x1="${fmt(x1)}" y1="${fmt(y1)}" x2="${fmt(x2)}" y2="${fmt(y2)}" ${attrs}/>`;
}

/** Two decimals at most: short, stable output. */
export function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * Labels are cut to fit the label column (by estimated width: a Hangul or CJK character is about
 * twice as wide as a Latin one); the full name stays in the tables beside the chart.
 */
export function clip(label: string, maxWidth: number, fontSize = 11): string {
  // Code points, not UTF-16 units: a Hangul syllable or CJK character is never cut in half.
  const chars = Array.from(label);
  const widthOf = (ch: string) => ((ch.codePointAt(0) ?? 0) >= 0x1100 ? 1 : 0.56) * fontSize;
  let width = 0;
  for (const [i, ch] of chars.entries()) {
    width += widthOf(ch);
    if (width > maxWidth) return `${chars.slice(0, Math.max(1, i - 1)).join('')}…`;
  }
  return label;
}

/** A "nice" axis maximum and step: 1, 2 or 5 × 10^n. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return { max: Math.ceil(max / step) * step, step };
}

/** A chart with nothing to draw still says so (and still has its title). */
export function emptyBody(message: string, height: number): string {
  return rect(0.5, 0.5, WIDTH - 1, height - 1, `fill="none" stroke="${LIGHT}"`) + text(WIDTH / 2, height / 2 + 4, message, `text-anchor="middle" fill="${GREY}"`);
}

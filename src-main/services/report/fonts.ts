/**
 * Noto Sans KR, the font the app ships (no system font is assumed: a secure-room laptop may have
 * no Korean font at all). `@fontsource/noto-sans-kr` splits each weight into ~125 files by
 * unicode-range; its own CSS says which file covers which characters, so we read that CSS rather
 * than hard-coding file names, and keep only the files whose ranges meet the text being printed.
 * A Korean report touches a few dozen of those files (~0.5 MB a weight) instead of all (2.6 MB).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'Noto Sans KR';
export type FontWeight = 400 | 700;
export const REPORT_WEIGHTS: readonly FontWeight[] = [400, 700];

export interface FontFile {
  readonly weight: FontWeight;
  /** File name inside the package's `files/` folder (woff2). */
  readonly file: string;
  /** Inclusive code-point ranges the file covers. */
  readonly ranges: readonly (readonly [number, number])[];
  /** The `unicode-range` descriptor as fontsource wrote it. */
  readonly unicodeRange: string;
}

const require = createRequire(import.meta.url);

/** The package's `files/` folder (resolved like any import, so it works from node_modules or app.asar). */
export function fontFilesDir(): string {
  return join(dirname(require.resolve('@fontsource/noto-sans-kr/400.css')), 'files');
}

const cache = new Map<FontWeight, readonly FontFile[]>();

/** Every file of one weight, read from fontsource's CSS for that weight. */
export function fontFilesOf(weight: FontWeight): readonly FontFile[] {
  const known = cache.get(weight);
  if (known) return known;
  const css = readFileSync(require.resolve(`@fontsource/noto-sans-kr/${weight}.css`), 'utf8');
  const files: FontFile[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim();
    if (file === undefined || unicodeRange === undefined) continue;
    files.push({ weight, file, unicodeRange, ranges: parseUnicodeRange(unicodeRange) });
  }
  if (files.length === 0) throw new Error(`no font files found in @fontsource/noto-sans-kr/${weight}.css`);
  cache.set(weight, files);
  return files;
}

export function parseUnicodeRange(descriptor: string): [number, number][] {
  return descriptor.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from ?? '', 16);
    return [start, to === undefined ? start : Number.parseInt(to, 16)] as [number, number];
  });
}

/**
 * The files needed to draw `text` in the given weights. Without a text, every file (the report's
 * words are not known, e.g. a template). Latin is always kept: numbers and the marking use it.
 */
export function fontFilesFor(weights: readonly FontWeight[], text?: string): FontFile[] {
  const points = text === undefined ? null : codePoints(text);
  return weights.flatMap((weight) =>
    fontFilesOf(weight).filter((f) => points === null || f.file.includes('-latin-') || f.ranges.some(([a, b]) => points.some((p) => p >= a && p <= b))),
  );
}

function codePoints(text: string): number[] {
  const set = new Set<number>();
  for (const ch of text) set.add(ch.codePointAt(0) ?? 0);
  return [...set].sort((a, b) => a - b);
}

export type FontMode = 'files' | 'inline';

/**
 * `@font-face` rules for Noto Sans KR. `files`: `url(fonts/<file>)`, relative to a page that has
 * the font files in a `fonts/` folder beside it (the PDF printer sets that up). `inline`: the font
 * bytes as base64 `data:` URIs, for the self-contained HTML report (nothing to fetch, ever).
 */
export function fontFaceCss(mode: FontMode, weights: readonly FontWeight[] = REPORT_WEIGHTS, options: { readonly text?: string; readonly folder?: string } = {}): string {
  const dir = fontFilesDir();
  const folder = options.folder ?? 'fonts';
  return fontFilesFor(weights, options.text)
    .map((f) => {
      const src = mode === 'files' ? `url(${folder}/${f.file})` : `url(data:font/woff2;base64,${readFileSync(join(dir, f.file)).toString('base64')})`;
      return `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-display:block;font-weight:${f.weight};src:${src} format('woff2');unicode-range:${f.unicodeRange};}`;
    })
    .join('\n');
}

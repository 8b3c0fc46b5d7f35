/**
 * One after-action report file from an exercise on disk: load it read-only and verified
 * (load-exercise.ts), score it, build the report model and render the asked format. The model names
 * the journal head it was built from, so `sitroom verify --head` can tie the file to the record.
 */
import type { Language } from '../../core/scenario/text.ts';
import type { ReportModel } from '../../core/report/model.ts';
import { renderReportHtml } from '../../core/report/html.ts';
import { renderReportMarkdown } from '../../core/report/markdown.ts';
import { reportJson } from '../../core/report/json.ts';
import { logCsv } from '../../core/report/csv.ts';
import { loadExerciseReadOnly, ReportInputError, reportModelOf } from './load-exercise.ts';
import type { LoadedExercise } from './load-exercise.ts';
import { reportDocx } from './docx.ts';
import { fontFaceCss, REPORT_WEIGHTS } from './fonts.ts';
import type { FontMode } from './fonts.ts';

export { loadExerciseReadOnly, ReportInputError, reportModelOf } from './load-exercise.ts';
export type { LoadedExercise } from './load-exercise.ts';

export const REPORT_FORMATS = ['pdf', 'docx', 'html', 'md', 'json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MIME_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
};

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

export interface GenerateOptions {
  readonly dataDir: string;
  readonly exerciseId: string;
  readonly format: ReportFormat;
  /** Default: the exercise's own language. */
  readonly language?: Language;
  /** Wall time printed as "generated at" (the core has no clock). */
  readonly now?: Date;
  /** HTML → PDF. Without one, the PDF format is refused (other formats need no browser). */
  readonly pdf?: ReportPdf;
}

/**
 * Who turns the report's HTML into a PDF, and how that HTML must carry its fonts: the CLI and the
 * browser fallback print with Chromium through playwright-core, from files beside the page
 * (pdf.ts); the desktop app prints with Electron's own Chromium from a self-contained page
 * (electron/print-pdf.ts). Passed in, never imported here, so the Electron bundle does not carry
 * playwright-core (a dev dependency) and the app never tries to start a second browser.
 */
export interface ReportPdf {
  readonly fonts: 'files' | 'inline';
  readonly print: (html: string) => Promise<Uint8Array>;
}

export interface ReportFile {
  readonly filename: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  /** The journal the report names (and `sitroom verify --head` checks). */
  readonly journal: ReportModel['meta']['journal'];
}

export async function generateReport(opts: GenerateOptions): Promise<ReportFile> {
  if (!isReportFormat(opts.format)) throw new ReportInputError(`unknown format "${String(opts.format)}"; use one of ${REPORT_FORMATS.join(', ')}`);
  const exercise = await loadExerciseReadOnly(opts.dataDir, opts.exerciseId);
  const model = reportModelOf(exercise, opts.language, opts.now ?? new Date());
  return renderReportFile(model, opts.format, exercise, opts.pdf);
}

/** Renders one model; several formats of one exercise share the model (and one PDF browser). */
export async function renderReportFile(model: ReportModel, format: ReportFormat, exercise: LoadedExercise, pdf?: ReportPdf): Promise<ReportFile> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const filename = reportFilename(exercise.state.setup?.title ?? exercise.meta.exerciseId, exercise.meta.exerciseId, model.meta.language, format);
  const file = (bytes: Uint8Array): ReportFile => ({ filename, mime: MIME_TYPES[format], bytes, journal: model.meta.journal });
  switch (format) {
    case 'pdf': {
      if (pdf === undefined) throw new ReportInputError('PDF printing is not available here; choose HTML, DOCX, Markdown, JSON or CSV');
      return file(await pdf.print(reportHtml(model, pdf.fonts)));
    }
    case 'html':
      return file(encode(reportHtml(model, 'inline')));
    case 'docx':
      return file(await reportDocx(model));
    case 'md':
      return file(encode(renderReportMarkdown(model)));
    case 'json':
      return file(encode(reportJson(model)));
    case 'csv':
      return file(encode(logCsv(exercise.state, model.meta.language)));
  }
}

/**
 * The report as HTML with Noto Sans KR limited to the characters it uses: rendered once without
 * fonts to learn its text, then with the @font-face rules for exactly the font files that cover it.
 */
export function reportHtml(model: ReportModel, mode: FontMode): string {
  const probe = renderReportHtml(model, { fontFaceCss: '' });
  return renderReportHtml(model, { fontFaceCss: fontFaceCss(mode, REPORT_WEIGHTS, { text: probe }) });
}

/** `<title-slug>-aar-<lang>.<ext>`; Hangul stays (a Korean title gives a Korean file name). */
export function reportFilename(title: string, fallback: string, language: Language, format: ReportFormat): string {
  return `${slugify(title) || slugify(fallback) || 'exercise'}-aar-${language}.${format}`;
}

export function slugify(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * Every report format of one exercise, in several languages, into one folder — what
 * `sitroom demo --out` writes. The exercise is read and verified once, one model is built per
 * language, and one Chromium prints every PDF.
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { Language } from '../../core/scenario/text.ts';
import { REPORT_FORMATS, renderReportFile, type ReportPdf } from './generate.ts';
import type { ReportFormat } from './generate.ts';
import { loadExerciseReadOnly, reportModelOf } from './load-exercise.ts';
import { withPdfPrinter } from './pdf.ts';

export interface WrittenReport {
  readonly path: string;
  readonly format: ReportFormat;
  readonly language: Language;
  readonly bytes: number;
}

export async function writeAllReports(opts: {
  readonly dataDir: string;
  readonly exerciseId: string;
  readonly languages: readonly Language[];
  readonly outDir: string;
  readonly formats?: readonly ReportFormat[];
  readonly now?: Date;
}): Promise<WrittenReport[]> {
  const exercise = await loadExerciseReadOnly(opts.dataDir, opts.exerciseId);
  const formats = opts.formats ?? REPORT_FORMATS;
  const now = opts.now ?? new Date();
  const run = async (pdf?: ReportPdf) => {
    const written: WrittenReport[] = [];
    for (const language of opts.languages) {
      const model = reportModelOf(exercise, language, now);
      for (const format of formats) {
        const file = await renderReportFile(model, format, exercise, pdf);
        const path = join(opts.outDir, file.filename);
        await writeFile(path, file.bytes);
        written.push({ path, format, language, bytes: file.bytes.length });
      }
    }
    return written;
  };
  return formats.includes('pdf') ? withPdfPrinter((printer) => run({ fonts: 'files', print: (html) => printer.print(html) })) : run();
}

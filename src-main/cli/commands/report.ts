/**
 * `sitroom report <exercise> --format F --out FILE`: the after-action report of an exercise as
 * PDF, DOCX, HTML, Markdown, JSON or CSV, built from its verified journal. Prints where it wrote
 * the file and the journal head the report names, so `sitroom verify --head` can check it later.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isLanguage } from '../../core/i18n/translate.ts';
import type { Language } from '../../core/scenario/text.ts';
import { EXERCISES_FOLDER } from '../../store/exercise-files.ts';
import { generateReport, isReportFormat, REPORT_FORMATS, ReportInputError } from '../../services/report/generate.ts';
import type { ReportFormat } from '../../services/report/generate.ts';
import { CHROMIUM_PDF, ChromiumMissingError } from '../../services/report/pdf.ts';
import { EXIT, UsageError } from '../io.ts';
import type { CliIo } from '../io.ts';
import { isDirectory, OutputError, writeOutputFile } from './write-output.ts';

export const reportHelp = `Usage: sitroom report <exercise-id | exercise-folder | journal.jsonl> --out FILE
                      [--format pdf|docx|html|md|json|csv] [--lang en|ko] [--data-dir DIR]

Writes the after-action report / improvement plan (HSEEP AAR/IP) of an exercise, built from its
journal after checking the whole hash chain. The report names the journal head it came from;
"sitroom verify <exercise> --head HASH" checks a journal against it.

  --format F       pdf (default; needs Chromium), docx (editable), html (one self-contained
                   file), md, json (the report model), csv (the full log)
  --lang en|ko     default: the exercise's language
  --out FILE       the file to write; if FILE is a folder, the report's own name is used in it
  --data-dir DIR   where to look up an exercise id`;

export interface ReportArgs {
  readonly target: string | undefined;
  readonly format: string | undefined;
  readonly lang: string | undefined;
  readonly out: string | undefined;
  readonly dataDir: string;
  readonly now?: Date;
}

export function parseLanguage(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (!isLanguage(value)) throw new UsageError(`--lang takes en or ko, not "${value}"`);
  return value;
}

export function parseFormat(value: string | undefined): ReportFormat {
  if (value === undefined) return 'pdf';
  if (!isReportFormat(value)) throw new UsageError(`unknown format "${value}"; use one of ${REPORT_FORMATS.join(', ')}`);
  return value;
}

/**
 * An exercise given by id (looked up in the data dir), or by its folder or journal path — then the
 * data dir is the folder above `exercises/`, wherever that is.
 */
export async function locateExercise(target: string, dataDir: string): Promise<{ dataDir: string; exerciseId: string }> {
  let path = resolve(target);
  try {
    const info = await stat(path);
    if (info.isFile()) path = dirname(path);
    if (basename(dirname(path)) !== EXERCISES_FOLDER) throw new ReportInputError(`${target} is not inside an exercises folder of a data directory (…/${EXERCISES_FOLDER}/<id>/journal.jsonl)`);
    return { dataDir: dirname(dirname(path)), exerciseId: basename(path) };
  } catch (error) {
    if (error instanceof ReportInputError) throw error;
    return { dataDir, exerciseId: target };
  }
}

export async function reportCommand(args: ReportArgs, io: CliIo): Promise<number> {
  if (args.target === undefined) throw new UsageError('report needs an exercise id, folder or journal (see "sitroom list")');
  if (args.out === undefined) throw new UsageError('report needs --out FILE');
  const format = parseFormat(args.format);
  const language = parseLanguage(args.lang);
  try {
    const where = await locateExercise(args.target, args.dataDir);
    const file = await generateReport({ ...where, format, pdf: CHROMIUM_PDF, ...(language ? { language } : {}), ...(args.now ? { now: args.now } : {}) });
    const out = (await isDirectory(args.out)) ? join(args.out, file.filename) : args.out;
    await writeOutputFile(out, file.bytes);
    io.out(`wrote ${out} (${format}, ${file.bytes.length.toLocaleString('en')} bytes)`);
    io.out(`journal ${file.journal.exerciseId} #${file.journal.seq} head ${file.journal.head}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ReportInputError || error instanceof ChromiumMissingError || error instanceof OutputError) {
      io.err(`report: ${error.message}`);
      return EXIT.invalid;
    }
    throw error;
  }
}

/**
 * Prints the exercise pack of a scenario — situation manual, inject cards, evaluation guides and
 * the participant feedback form — as PDF files into a folder, with one Chromium for all four.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACK_BUILDERS, PACK_DOCUMENTS } from '../../core/pack/index.ts';
import type { PackDocument, PackInput } from '../../core/pack/index.ts';
import type { Language } from '../../core/scenario/text.ts';
import type { LoadedScenario } from '../scenario-library.ts';
import { fontFaceCss, REPORT_WEIGHTS } from './fonts.ts';
import type { FontMode } from './fonts.ts';
import { withPdfPrinter } from './pdf.ts';
import type { PdfPrinter } from './pdf.ts';

export interface PackFile {
  readonly document: PackDocument;
  readonly path: string;
  readonly bytes: number;
}

/** One pack document as HTML, with Noto Sans KR limited to the characters it prints. */
export function packHtml(document: PackDocument, scenario: LoadedScenario, language: Language, mode: FontMode = 'files'): string {
  const input = (css: string): PackInput => ({ scenario: scenario.scenario, scenarioHash: scenario.sha256, language, fontFaceCss: css });
  const build = PACK_BUILDERS[document];
  return build(input(fontFaceCss(mode, REPORT_WEIGHTS, { text: build(input('')) })));
}

export function packFilename(scenarioId: string, document: PackDocument, language: Language): string {
  return `${scenarioId}-${document}-${language}.pdf`;
}

export async function writePack(opts: { readonly scenario: LoadedScenario; readonly language: Language; readonly outDir: string; readonly printer?: PdfPrinter }): Promise<PackFile[]> {
  await mkdir(opts.outDir, { recursive: true });
  const print = async (printer: PdfPrinter) => {
    const files: PackFile[] = [];
    for (const document of PACK_DOCUMENTS) {
      const pdf = await printer.print(packHtml(document, opts.scenario, opts.language));
      const path = join(opts.outDir, packFilename(opts.scenario.scenario.id, document, opts.language));
      await writeFile(path, pdf);
      files.push({ document, path, bytes: pdf.length });
    }
    return files;
  };
  return opts.printer ? print(opts.printer) : withPdfPrinter(print);
}

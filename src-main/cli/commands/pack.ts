/**
 * `sitroom pack <scenario> --out DIR`: the printable exercise pack for rooms without screens —
 * situation manual, inject cards (one per page), evaluation guides per core capability and the
 * participant feedback form, as PDF files.
 */
import { resolveScenario, ScenarioInvalidError, ScenarioNotFoundError } from '../../services/scenario-library.ts';
import { writePack } from '../../services/report/pack.ts';
import { ChromiumMissingError } from '../../services/report/pdf.ts';
import { EXIT, UsageError } from '../io.ts';
import type { CliIo } from '../io.ts';
import { parseLanguage } from './report.ts';
import { ensureOutputDir, OutputError } from './write-output.ts';

export const packHelp = `Usage: sitroom pack <scenario-id | FILE.yaml> --out DIR [--lang en|ko]

Prints the exercise pack of a scenario as PDF files into DIR: the situation manual (overview,
objectives, rules, modules with discussion questions), the inject cards (one inject per page,
marked), the exercise evaluation guides (one sheet per core capability, P/S/M/U boxes) and the
participant feedback form. Needs Chromium (SITROOM_CHROMIUM, default /usr/bin/chromium).

  --lang en|ko     default: ko`;

export async function packCommand(args: { scenario: string | undefined; out: string | undefined; lang: string | undefined }, io: CliIo): Promise<number> {
  if (args.scenario === undefined) throw new UsageError('pack needs a scenario id or file');
  if (args.out === undefined) throw new UsageError('pack needs --out DIR');
  const language = parseLanguage(args.lang) ?? 'ko';
  try {
    const scenario = await resolveScenario(args.scenario);
    await ensureOutputDir(args.out);
    const files = await writePack({ scenario, language, outDir: args.out });
    for (const f of files) io.out(`wrote ${f.path} (${f.bytes.toLocaleString('en')} bytes)`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ScenarioNotFoundError || error instanceof ScenarioInvalidError || error instanceof ChromiumMissingError || error instanceof OutputError) {
      io.err(`pack: ${error.message}`);
      return EXIT.invalid;
    }
    throw error;
  }
}

/**
 * `sitroom validate <file>...`: checks scenario packages before an exercise. One OK line per valid
 * file with its counts, then its lint warnings; every error as FILE:LINE:COL. Exit 1 if any file is
 * invalid. Never a stack trace for bad input.
 */
import { readFile, stat } from 'node:fs/promises';
import { formatFinding, formatPath, loadScenario, MAX_SCENARIO_BYTES } from '../../core/scenario/index.ts';
import type { Finding, LoadResult } from '../../core/scenario/index.ts';
import { EXIT, UsageError } from '../io.ts';
import type { CliIo } from '../io.ts';

export const validateHelp = `Usage: sitroom validate [--json] <file.yaml>...

Checks scenario packages: safe YAML, the strict schema, every cross-reference, and design-time
lint (tasks no inject expects, unreachable injects, cells that receive nothing, ...).
Prints "OK FILE: counts" for each valid file and "FILE:LINE:COL: error: PATH: message" for
each problem. Exits 0 when every file is valid, 1 when any is not.

  --json   print the findings as JSON for tools`;

export async function validateCommand(args: { files: readonly string[]; json: boolean }, io: CliIo): Promise<number> {
  if (args.files.length === 0) throw new UsageError('validate needs at least one scenario file');
  const reports: { file: string; result: LoadResult }[] = [];
  for (const file of args.files) reports.push({ file, result: await loadFile(file) });

  if (args.json) {
    io.out(JSON.stringify(reports.map(({ file, result }) => toJson(file, result)), null, 2));
  } else {
    for (const { file, result } of reports) {
      if (result.ok) {
        const c = result.counts;
        io.out(`OK ${file}: ${c.injects} injects, ${c.cells} cells, ${c.objectives} objectives, ${c.tasks} critical tasks, ${c.decisionPoints} decision points`);
        for (const w of result.warnings) io.out(formatFinding(file, w));
      } else {
        for (const e of result.errors) io.err(formatFinding(file, e));
        io.err(`FAIL ${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
      }
    }
  }
  return reports.every((r) => r.result.ok) ? EXIT.ok : EXIT.invalid;
}

/** Reads a file with a size check first, turning file-system errors into findings. */
export async function loadFile(file: string): Promise<LoadResult> {
  const fileError = (message: string): LoadResult => ({
    ok: false,
    warnings: [],
    errors: [{ severity: 'error', code: 'file', path: [], line: 1, col: 1, message }],
  });
  try {
    const info = await stat(file);
    if (!info.isFile()) return fileError('not a file');
    if (info.size > MAX_SCENARIO_BYTES) {
      return fileError(`the file is ${(info.size / 1024 / 1024).toFixed(1)} MiB; a scenario may be at most 2 MiB`);
    }
    return loadScenario(new Uint8Array(await readFile(file)));
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fileError('no such file');
    if (code === 'EACCES') return fileError('permission denied');
    return fileError(`could not read the file (${code ?? String(error)})`);
  }
}

function toJson(file: string, result: LoadResult) {
  const finding = (f: Finding) => ({ ...f, path: formatPath(f.path) });
  return result.ok
    ? { file, ok: true, counts: result.counts, errors: [], warnings: result.warnings.map(finding) }
    : { file, ok: false, errors: result.errors.map(finding), warnings: result.warnings.map(finding) };
}

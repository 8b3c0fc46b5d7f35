/** `sitroom list`, `export` and `import`: moving exercise records between secure rooms. */
import { ExerciseService } from '../../services/exercise-service.ts';
import { EXIT, UsageError } from '../io.ts';
import type { CliIo } from '../io.ts';

export const listHelp = `Usage: sitroom list [--data-dir DIR]

Lists the exercises in the data directory with their event count, journal check and head hash.`;

export const exportHelp = `Usage: sitroom export <exercise-id> --out FILE.sitroom [--data-dir DIR]

Writes a self-contained archive (journal + scenario snapshot + metadata) to carry to another
machine. The journal is verified first; a damaged record is not exported.`;

export const importHelp = `Usage: sitroom import FILE.sitroom [--data-dir DIR]

Verifies an archive completely (format, hash chain, scenario hash) before writing anything, then
adds the exercise to the data directory. An existing exercise is never overwritten.`;

export async function listCommand(args: { dataDir: string }, io: CliIo): Promise<number> {
  const exercises = await new ExerciseService(args.dataDir).list();
  if (exercises.length === 0) {
    io.out(`no exercises in ${args.dataDir}`);
    return EXIT.ok;
  }
  for (const e of exercises) {
    io.out(`${e.id}  ${e.createdAt.slice(0, 16).replace('T', ' ')}  ${String(e.events).padStart(6)} events  ${e.verified.padEnd(9)}  ${e.head.slice(0, 12) || '-'}  ${e.title}`);
  }
  return EXIT.ok;
}

export async function exportCommand(args: { id: string | undefined; out: string | undefined; dataDir: string }, io: CliIo): Promise<number> {
  if (args.id === undefined) throw new UsageError('export needs an exercise id (see "sitroom list")');
  if (args.out === undefined) throw new UsageError('export needs --out FILE.sitroom');
  try {
    const { count, head } = await new ExerciseService(args.dataDir).exportArchive(args.id, args.out);
    io.out(`exported ${args.id}: ${count} events, head ${head.hash} → ${args.out}`);
    return EXIT.ok;
  } catch (error) {
    io.err(`export failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.invalid;
  }
}

export async function importCommand(args: { file: string | undefined; dataDir: string }, io: CliIo): Promise<number> {
  if (args.file === undefined) throw new UsageError('import needs an archive file');
  try {
    const { paths, count, head } = await new ExerciseService(args.dataDir).importArchive(args.file);
    io.out(`imported ${count} events, head ${head.hash} → ${paths.dir}`);
    return EXIT.ok;
  } catch (error) {
    io.err(`import refused, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.invalid;
  }
}

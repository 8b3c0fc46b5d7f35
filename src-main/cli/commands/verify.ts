/**
 * `sitroom verify <exercise-dir|exercise-id|archive>`: re-checks the hash chain of a journal, in
 * an exercise folder or inside an exported archive. `--head` also checks it against the head hash
 * printed on a report, which reveals a cut-off tail that a chain alone cannot.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArchive, ArchiveError } from '../../store/archive.ts';
import { verifyEntries, verifyJournalFile } from '../../store/journal/index.ts';
import type { VerifyResult } from '../../store/journal/verify.ts';
import { EXERCISES_FOLDER } from '../../store/exercise-files.ts';
import { EXIT, UsageError } from '../io.ts';
import type { CliIo } from '../io.ts';

export const verifyHelp = `Usage: sitroom verify <exercise-folder | exercise-id | FILE.sitroom> [--head HASH] [--data-dir DIR]

Re-checks the SHA-256 hash chain of an exercise journal. Prints "OK <n> events, head <hash>"
and exits 0, or "FAIL seq <n>: <reason>" and exits 1 when an entry was changed, removed,
reordered or damaged; a torn tail (an interrupted last write) is reported as such.

  --head HASH      also require this head hash (or a prefix of at least 12 characters), e.g. the
                   one printed in the footer of an after-action report
  --data-dir DIR   where to look up an exercise id (default: SITROOM_DATA_DIR or the user-data folder)`;

export async function verifyCommand(args: { target: string | undefined; head: string | undefined; dataDir: string }, io: CliIo): Promise<number> {
  if (args.target === undefined) throw new UsageError('verify needs an exercise folder, an exercise id or an archive');
  if (args.head !== undefined && !/^[0-9a-f]{12,64}$/.test(args.head)) throw new UsageError('--head takes a hex hash of at least 12 characters');

  let verdict: VerifyResult;
  let extra: string | null = null;
  const target = await locate(args.target, args.dataDir);
  if (target === null) {
    io.err(`FAIL ${args.target}: not an exercise folder, exercise id or archive`);
    return EXIT.invalid;
  }
  if (target.kind === 'archive') {
    const bytes = await readFile(target.path);
    const lines = bytes.toString('utf8').split('\n');
    verdict = verifyEntries(lines.slice(1));
    if (verdict.ok) {
      try {
        parseArchive(new Uint8Array(bytes));
      } catch (error) {
        extra = error instanceof ArchiveError ? error.message : String(error);
      }
    }
  } else {
    verdict = await verifyJournalFile(target.path);
  }

  if (!verdict.ok) {
    const kind = verdict.kind === 'torn-tail' ? 'torn tail (an interrupted write; reopening the exercise cuts it off and records it): ' : '';
    io.err(`FAIL seq ${verdict.seq}: ${kind}${verdict.reason}`);
    io.err(`the first ${verdict.count} events are intact, up to head ${verdict.head.hash}`);
    return EXIT.invalid;
  }
  if (extra !== null) {
    io.err(`FAIL archive: ${extra}`);
    return EXIT.invalid;
  }
  if (args.head !== undefined && !verdict.head.hash.startsWith(args.head)) {
    io.err(`FAIL seq ${verdict.head.seq}: the journal's head ${verdict.head.hash} is not the expected ${args.head}; events were added or cut off after it`);
    return EXIT.invalid;
  }
  io.out(`OK ${verdict.count} events, head ${verdict.head.hash}`);
  return EXIT.ok;
}

async function locate(target: string, dataDir: string): Promise<{ kind: 'journal' | 'archive'; path: string } | null> {
  const candidates: { kind: 'journal' | 'archive'; path: string }[] = [
    { kind: 'journal', path: join(target, 'journal.jsonl') },
    { kind: target.endsWith('.jsonl') ? 'journal' : 'archive', path: target },
    { kind: 'journal', path: join(dataDir, EXERCISES_FOLDER, target, 'journal.jsonl') },
  ];
  for (const candidate of candidates) {
    try {
      if ((await stat(candidate.path)).isFile()) return candidate;
    } catch {
      // try the next reading of the argument
    }
  }
  return null;
}

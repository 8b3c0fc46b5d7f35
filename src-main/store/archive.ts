/**
 * The `.sitroom` exercise archive, carried between secure rooms on removable media.
 *
 * Format: JSON lines. Line 1 is a header object
 *   { format: 'sitroom-archive', version: 1, exportedAt, metadata, scenarioText,
 *     journal: { entries, head: { seq, hash } } }
 * and every following line is a journal line, byte for byte as in `journal.jsonl`.
 * Why JSON lines rather than one JSON document: the journal lines stay exactly the bytes that were
 * hashed (no re-escaping), so `tail -n +2 x.sitroom` IS the journal and any verifier reads it
 * unchanged; and the header records the entry count and head hash, which catches an archive whose
 * last lines were cut off — a hash chain alone cannot reveal a missing tail.
 *
 * Everything is verified before anything is returned or written: an archive from another machine
 * is untrusted input.
 */
import { z } from 'zod';
import { nodeFileSystem, type FileSystem } from './file-system.ts';
import { replaceFileDurably } from './durable-write.ts';
import { IsoTime, Sha256Hex } from './formats.ts';
import { sha256Hex, type JournalHead } from './journal/entry.ts';
import { describeVerifyResult, verifyEntries, verifyJournalBytes } from './journal/verify.ts';
import {
  ExerciseFolderError,
  ExerciseMeta,
  readExerciseFolder,
  writeExerciseFolder,
  type ExercisePaths,
} from './exercise-files.ts';

export const ARCHIVE_FORMAT = 'sitroom-archive';
export const ARCHIVE_VERSION = 1;
export const ARCHIVE_EXTENSION = '.sitroom';
/** Far above any real exercise (100k events ≈ 40 MB), low enough to refuse a hostile file early. */
export const DEFAULT_MAX_ARCHIVE_BYTES = 512 * 1024 * 1024;
const MAX_SCENARIO_CHARS = 5 * 1024 * 1024;

const ArchiveHeader = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: IsoTime,
  metadata: ExerciseMeta,
  scenarioText: z.string().max(MAX_SCENARIO_CHARS),
  journal: z.strictObject({
    entries: z.number().int().nonnegative(),
    head: z.strictObject({ seq: z.number().int().nonnegative(), hash: Sha256Hex }),
  }),
});
type ArchiveHeader = z.infer<typeof ArchiveHeader>;

export type ArchiveErrorCode =
  | 'too-large'
  | 'not-an-archive'
  | 'unsupported-version'
  | 'bad-metadata'
  | 'scenario-mismatch'
  | 'journal-invalid'
  | 'journal-incomplete'
  | 'exercise-exists';

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';

  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ArchiveParts {
  readonly meta: ExerciseMeta;
  readonly scenarioText: string;
  /** Journal lines without newlines, exactly as stored. */
  readonly journalLines: readonly string[];
  readonly exportedAt?: Date;
}

export interface VerifiedArchive {
  readonly meta: ExerciseMeta;
  readonly scenarioText: string;
  readonly journalLines: readonly string[];
  readonly count: number;
  readonly head: JournalHead;
  readonly exportedAt: string;
}

export interface ArchiveOptions {
  readonly fs?: FileSystem;
  readonly maxBytes?: number;
}

function checkContent(meta: ExerciseMeta, scenarioText: string, journalLines: readonly string[]): { count: number; head: JournalHead } {
  if (sha256Hex(scenarioText) !== meta.scenarioSha256) {
    throw new ArchiveError(
      'scenario-mismatch',
      'The scenario in the archive does not match the SHA-256 recorded in its metadata: it was changed or damaged.',
    );
  }
  const verdict = verifyEntries(journalLines);
  if (!verdict.ok) throw new ArchiveError('journal-invalid', describeVerifyResult(verdict));
  return { count: verdict.count, head: verdict.head };
}

/** Writes a verified archive durably (temp, fsync, rename, fsync dir). Refuses broken content. */
export async function writeArchive(
  path: string,
  parts: ArchiveParts,
  options: ArchiveOptions = {},
): Promise<{ readonly count: number; readonly head: JournalHead }> {
  const parsedMeta = ExerciseMeta.safeParse(parts.meta);
  if (!parsedMeta.success) {
    throw new ArchiveError('bad-metadata', `The exercise metadata is not valid:\n${z.prettifyError(parsedMeta.error)}`);
  }
  for (const line of parts.journalLines) {
    if (line.includes('\n')) throw new ArchiveError('journal-invalid', 'A journal line contains a line break.');
  }
  const { count, head } = checkContent(parsedMeta.data, parts.scenarioText, parts.journalLines);
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: (parts.exportedAt ?? new Date()).toISOString(),
    metadata: parsedMeta.data,
    scenarioText: parts.scenarioText,
    journal: { entries: count, head },
  };
  const text = [JSON.stringify(header), ...parts.journalLines].join('\n') + '\n';
  await replaceFileDurably(options.fs ?? nodeFileSystem, path, new TextEncoder().encode(text));
  return { count, head };
}

/** Reads an archive and verifies all of it; throws `ArchiveError` saying what is wrong. */
export async function readArchive(path: string, options: ArchiveOptions = {}): Promise<VerifiedArchive> {
  const fs = options.fs ?? nodeFileSystem;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARCHIVE_BYTES;
  const { size } = await fs.stat(path);
  if (size > maxBytes) {
    throw new ArchiveError('too-large', `${path} is ${size} bytes, more than the ${maxBytes} an archive may have.`);
  }
  return parseArchive(await fs.readFile(path));
}

/** The verification of `readArchive`, on bytes already in memory. */
export function parseArchive(bytes: Uint8Array): VerifiedArchive {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new ArchiveError('not-an-archive', 'The file is not UTF-8 text, so it is not a Sitroom archive.', { cause: error });
  }
  const lines = text.split('\n');
  const headerLine = lines[0] ?? '';
  const header = parseHeader(headerLine);
  if (lines[lines.length - 1] !== '') {
    throw new ArchiveError('journal-incomplete', 'The archive ends in the middle of a line: it was cut off.');
  }
  const journalLines = lines.slice(1, -1);
  const { count, head } = checkContent(header.metadata, header.scenarioText, journalLines);
  if (count !== header.journal.entries || head.seq !== header.journal.head.seq || head.hash !== header.journal.head.hash) {
    throw new ArchiveError(
      'journal-incomplete',
      `The archive says its journal has ${header.journal.entries} entries ending at #${header.journal.head.seq} · ` +
        `${header.journal.head.hash.slice(0, 12)}, but it holds ${count} ending at #${head.seq} · ${head.hash.slice(0, 12)}.`,
    );
  }
  return {
    meta: header.metadata,
    scenarioText: header.scenarioText,
    journalLines,
    count,
    head,
    exportedAt: header.exportedAt,
  };
}

function parseHeader(line: string): ArchiveHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new ArchiveError('not-an-archive', 'The file does not start with a Sitroom archive header.', { cause: error });
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (record['format'] !== ARCHIVE_FORMAT) {
    throw new ArchiveError('not-an-archive', 'The file does not start with a Sitroom archive header.');
  }
  if (record['version'] !== ARCHIVE_VERSION) {
    const newer = typeof record['version'] === 'number' && record['version'] > ARCHIVE_VERSION;
    throw new ArchiveError(
      'unsupported-version',
      newer
        ? `The archive is version ${String(record['version'])}, made by a newer Sitroom; update Sitroom to import it.`
        : `The archive version ${JSON.stringify(record['version'])} is not one Sitroom knows.`,
    );
  }
  const parsed = ArchiveHeader.safeParse(value);
  if (!parsed.success) {
    throw new ArchiveError('bad-metadata', `The archive header is not valid:\n${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * Verifies an archive, then creates its exercise folder in `dataDir`. Writes nothing when
 * verification fails, and never replaces an existing exercise.
 */
export async function importArchive(
  archivePath: string,
  dataDir: string,
  options: ArchiveOptions = {},
): Promise<{ readonly paths: ExercisePaths; readonly count: number; readonly head: JournalHead }> {
  const fs = options.fs ?? nodeFileSystem;
  const archive = await readArchive(archivePath, options);
  const journalText = archive.journalLines.map((line) => line + '\n').join('');
  const journal = new TextEncoder().encode(journalText);
  // Belt and braces: the bytes about to be written are the bytes that were verified.
  const check = verifyJournalBytes(journal);
  if (!check.ok || check.head.hash !== archive.head.hash) {
    throw new ArchiveError('journal-invalid', describeVerifyResult(check));
  }
  try {
    const paths = await writeExerciseFolder(dataDir, { meta: archive.meta, scenarioText: archive.scenarioText, journal }, fs);
    return { paths, count: archive.count, head: archive.head };
  } catch (error) {
    if (error instanceof ExerciseFolderError && error.code === 'exists') {
      throw new ArchiveError('exercise-exists', error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * Exports an exercise folder to an archive. The journal must verify: a torn tail is recovered by
 * opening the exercise first. For a journal that is open and being written, build the lines from
 * its entries and call `writeArchive` instead.
 */
export async function exportExercise(
  dataDir: string,
  exerciseId: string,
  archivePath: string,
  options: ArchiveOptions & { readonly exportedAt?: Date } = {},
): Promise<{ readonly count: number; readonly head: JournalHead }> {
  const fs = options.fs ?? nodeFileSystem;
  const { paths, meta, scenarioText } = await readExerciseFolder(dataDir, exerciseId, fs);
  const bytes = await fs.readFile(paths.journal);
  const verdict = verifyJournalBytes(bytes);
  if (!verdict.ok) {
    throw new ArchiveError('journal-invalid', `Export refused. ${describeVerifyResult(verdict)}`);
  }
  const text = new TextDecoder().decode(bytes);
  const journalLines = text === '' ? [] : text.slice(0, -1).split('\n');
  const exportedAt = options.exportedAt ?? new Date();
  return writeArchive(archivePath, { meta, scenarioText, journalLines, exportedAt }, { fs });
}

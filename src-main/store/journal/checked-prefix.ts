/**
 * A note, beside the journal, of how many of its bytes have already passed the canonical-form check,
 * so that reopening a long exercise does not repeat it (docs/adr/005-journal-storage.md,
 * "Reopening fast").
 *
 * Opening verifies every entry: its hash against its contents, its place in the chain, its exact
 * bytes. Of that, proving each body is in canonical form (re-serializing it) is the largest single
 * cost, and the one check that protects nothing against an editor: an edited entry already fails its
 * hash, and anyone able to recompute hashes could as easily write canonical forgeries. So it is the
 * one check this note may skip — for bytes whose SHA-256 matches what was checked before. Hashes and
 * the chain are verified in full on every open, note or no note; `sitroom verify` ignores the note.
 *
 * The note is a hint, not a record: it is written without fsync, a missing, stale, damaged or forged
 * note only means the check runs again, and no failure to read or write it is ever an error.
 */
import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { withFile, writeAll, temporaryPathFor } from '../durable-write.ts';
import type { FileSystem } from '../file-system.ts';

export const CHECKED_PREFIX_FILE_NAME = 'journal.checked.json';
const NOTE_VERSION = 1;
/** A note is a few dozen bytes; anything bigger is not one of ours. */
const MAX_NOTE_BYTES = 4096;

interface Note {
  readonly v: typeof NOTE_VERSION;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * The running SHA-256 of the journal's good bytes: seeded with the file when it is opened and fed
 * each durable append, so the note can be written on close without reading the file again.
 */
export class PrefixDigest {
  #hash: Hash = createHash('sha256');
  #bytes = 0;

  get bytes(): number {
    return this.#bytes;
  }

  update(data: Uint8Array): void {
    this.#hash.update(data);
    this.#bytes += data.length;
  }

  hex(): string {
    return this.#hash.copy().digest('hex');
  }
}

export interface CheckedPrefix {
  /** How many leading bytes of the journal the note vouches for (0 without a usable note). */
  readonly checkedBytes: number;
  /** The running digest of the journal's first `goodBytes` bytes (reusing the work done above). */
  readonly digestOf: (goodBytes: number) => PrefixDigest;
}

export async function readCheckedPrefix(fs: FileSystem, dir: string, journal: Uint8Array): Promise<CheckedPrefix> {
  const note = await readNote(fs, dir);
  const digest = new PrefixDigest();
  let checkedBytes = 0;
  if (note !== null && note.bytes <= journal.length) {
    digest.update(journal.subarray(0, note.bytes));
    if (digest.hex() === note.sha256) checkedBytes = note.bytes;
  }
  // The caller learns the good prefix only after verifying with `checkedBytes`; the digest is then
  // extended (or restarted, when the note did not match) to exactly the good bytes.
  return {
    checkedBytes,
    digestOf: (goodBytes) => {
      const running = checkedBytes > 0 && goodBytes >= digest.bytes ? digest : new PrefixDigest();
      running.update(journal.subarray(running.bytes, goodBytes));
      return running;
    },
  };
}

async function readNote(fs: FileSystem, dir: string): Promise<Note | null> {
  try {
    const raw = await fs.readFile(join(dir, CHECKED_PREFIX_FILE_NAME));
    if (raw.length > MAX_NOTE_BYTES) return null;
    const value: unknown = JSON.parse(new TextDecoder().decode(raw));
    if (typeof value !== 'object' || value === null) return null;
    const { v, bytes, sha256 } = value as Record<string, unknown>;
    if (v !== NOTE_VERSION || typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) return null;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return null;
    return { v, bytes, sha256 };
  } catch {
    return null; // missing or unreadable: the check simply runs
  }
}

/** Best effort: replaces the note atomically (temp + rename), never throws. */
export async function writeCheckedPrefix(fs: FileSystem, dir: string, digest: PrefixDigest): Promise<void> {
  const note: Note = { v: NOTE_VERSION, bytes: digest.bytes, sha256: digest.hex() };
  const path = join(dir, CHECKED_PREFIX_FILE_NAME);
  const temporary = temporaryPathFor(path);
  try {
    await withFile(fs, temporary, 'wx', (handle) => writeAll(fs, handle, new TextEncoder().encode(`${JSON.stringify(note)}\n`)));
    await fs.rename(temporary, path);
  } catch {
    await fs.unlink(temporary).catch(() => undefined);
  }
}

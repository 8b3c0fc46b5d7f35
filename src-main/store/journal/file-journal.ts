/**
 * The embedded journal: one JSON-lines file per exercise directory (reliability.md §2).
 *
 * An append is one write of the whole batch to a file opened O_APPEND, then one fdatasync, and
 * only then is it acknowledged. On a write or sync error the file is cut back to its size before
 * the append and the journal turns read-only: after a failed fsync the kernel may have dropped the
 * dirty pages and cleared the error, so a retried fsync on that descriptor could "succeed" without
 * the data ever reaching the disk.
 */
import { join } from 'node:path';
import { errorCode, nodeFileSystem, type FileRef, type FileSystem } from '../file-system.ts';
import { fsyncDirectory, makeDirectoryDurably, withFile, writeAll } from '../durable-write.ts';
import { EMPTY_HEAD, sealEntries, type JournalEntry, type JournalHead } from './entry.ts';
import { JournalError, describeCause, entriesPhrase } from './errors.ts';
import { acquireDirectoryLock, type DirectoryLock } from './lock.ts';
import type { AppendOptions, Journal, JournalRecoveredBody, JournalStatus } from './journal.ts';
import { planRecovery, type RecoveryPlan } from './verify.ts';
import { PrefixDigest, readCheckedPrefix, writeCheckedPrefix } from './checked-prefix.ts';
import { startLineHashing } from './line-hashing.ts';

export const JOURNAL_FILE_NAME = 'journal.jsonl';
/** Enough for tens of thousands of events; refusing at the start beats failing mid-exercise. */
export const DEFAULT_MIN_FREE_BYTES = 8 * 1024 * 1024;

export interface OpenJournalOptions {
  readonly fs?: FileSystem;
  /** Preflight: refuse to open for writing with less free space than this. 0 turns it off. */
  readonly minFreeBytes?: number;
  /** Clock for entries appended without an explicit `ts` (including the recovery entry). */
  readonly now?: () => Date;
}

/** What opening did about a torn tail. */
export interface JournalRecovery {
  readonly discardedBytes: number;
  readonly lastGoodSeq: number;
  /** What was wrong with the discarded bytes. */
  readonly reason: string;
  /** False when the cut succeeded but the recovery entry could not be written (journal read-only). */
  readonly recorded: boolean;
}

export interface FileJournal extends Journal {
  readonly path: string;
  readonly recovery: JournalRecovery | null;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const encoder = new TextEncoder();

/** Opens (creating if needed) the journal of an exercise directory, verifying and recovering it. */
export async function openJournal(dir: string, options: OpenJournalOptions = {}): Promise<FileJournal> {
  const fs = options.fs ?? nodeFileSystem;
  const path = join(dir, JOURNAL_FILE_NAME);
  try {
    await makeDirectoryDurably(fs, dir);
  } catch (error) {
    throw new JournalError('io', `Could not create the exercise folder ${dir}: ${describeCause(error)}.`, { cause: error });
  }
  const lock = await acquireDirectoryLock(fs, dir);
  let handle: FileRef | null = null;
  try {
    const existing = await readExisting(fs, path);
    // The worker boots while the note is read; then this thread parses while it hashes.
    const starting = existing === null ? null : startLineHashing(existing);
    const checked = existing === null ? null : await readCheckedPrefix(fs, dir, existing);
    const hashing = (await starting?.started()) ?? null;
    const plan =
      existing === null
        ? null
        : planRecovery(existing, { canonicalCheckedBytes: checked?.checkedBytes ?? 0, hashedLines: () => hashing?.wait() ?? null });
    const settings = { fs, path, lock, now: options.now ?? (() => new Date()) };
    if (plan?.action === 'alarm') {
      const status: JournalStatus = { state: 'read-only', cause: 'integrity-alarm', seq: plan.seq, reason: plan.reason };
      return new FileJournalImpl({ ...settings, handle: null, scan: plan.scan, status, digest: null, dir });
    }
    await preflightFreeSpace(fs, dir, options.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES);
    handle = plan === null ? await createJournalFile(fs, path, dir) : await openForAppend(fs, path, plan);
    const scan = plan?.scan ?? { entries: [], head: EMPTY_HEAD, goodBytes: 0 };
    const digest = checked?.digestOf(scan.goodBytes) ?? new PrefixDigest();
    const journal = new FileJournalImpl({ ...settings, handle, scan, status: { state: 'ok' }, digest, dir });
    if (digest.bytes > (checked?.checkedBytes ?? 0)) await writeCheckedPrefix(fs, dir, digest);
    if (plan?.action === 'truncate') await journal.recordRecovery(plan);
    return journal;
  } catch (error) {
    if (handle !== null) await fs.close(handle).catch(() => undefined);
    await lock.release().catch(() => undefined); // the open error is the one to report
    if (error instanceof JournalError) throw error;
    throw new JournalError('io', `Could not open the journal ${path}: ${describeCause(error)}.`, { cause: error });
  }
}

/** Throws a typed error when the disk holding `dir` has less than `minFreeBytes` available. */
export async function preflightFreeSpace(fs: FileSystem, dir: string, minFreeBytes: number): Promise<void> {
  if (minFreeBytes <= 0) return;
  const free = await fs.freeBytes(dir);
  if (free < minFreeBytes) {
    throw new JournalError(
      'low-disk-space',
      `Only ${formatBytes(free)} is free on the disk holding ${dir}; an exercise needs at least ` +
        `${formatBytes(minFreeBytes)} so that no decision fails to be recorded. Free some space, then try again.`,
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

async function readExisting(fs: FileSystem, path: string): Promise<Uint8Array | null> {
  try {
    const stat = await fs.stat(path);
    // A device or a directory here would make readFile hang or fail obscurely.
    if (!stat.isFile) throw new JournalError('io', `${path} is not a regular file, so it cannot be a journal.`);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  return fs.readFile(path);
}

/** A new journal is durable only once both the file and its directory entry are synced. */
async function createJournalFile(fs: FileSystem, path: string, dir: string): Promise<FileRef> {
  const handle = await fs.open(path, 'ax');
  try {
    await fs.fsync(handle);
    await fsyncDirectory(fs, dir);
  } catch (error) {
    await fs.close(handle).catch(() => undefined);
    throw error;
  }
  return handle;
}

async function openForAppend(fs: FileSystem, path: string, plan: RecoveryPlan): Promise<FileRef> {
  if (plan.action === 'truncate') {
    // Cut first: it needs no free space, and the good prefix is then safe whatever happens next.
    await withFile(fs, path, 'r+', async (file) => {
      await fs.ftruncate(file, plan.toBytes);
      await fs.fsync(file);
    });
  }
  const handle = await fs.open(path, 'a');
  try {
    const { size } = await fs.fstat(handle);
    if (size !== plan.scan.goodBytes) {
      throw new JournalError('io', `${path} changed while it was being opened (another program is writing to it).`);
    }
  } catch (error) {
    await fs.close(handle).catch(() => undefined);
    throw error;
  }
  return handle;
}

interface JournalParts {
  readonly fs: FileSystem;
  readonly path: string;
  readonly lock: DirectoryLock;
  readonly now: () => Date;
  readonly handle: FileRef | null;
  readonly scan: { readonly entries: readonly JournalEntry[]; readonly head: JournalHead; readonly goodBytes: number };
  readonly status: JournalStatus;
  readonly dir: string;
  /** The running digest of the good bytes, for the checked-prefix note; null when read-only. */
  readonly digest: PrefixDigest | null;
}

class FileJournalImpl implements FileJournal {
  readonly path: string;
  #recovery: JournalRecovery | null = null;
  readonly #fs: FileSystem;
  readonly #lock: DirectoryLock;
  readonly #now: () => Date;
  #handle: FileRef | null;
  readonly #entries: JournalEntry[];
  #head: JournalHead;
  #size: number;
  #status: JournalStatus;
  /** Appends run one after another, each chained on the head the previous one left. */
  #queue: Promise<unknown> = Promise.resolve();
  #closing: Promise<void> | null = null;
  readonly #dir: string;
  readonly #digest: PrefixDigest | null;
  /** The note on disk covers the file up to here. */
  #noteBytes: number;

  constructor(parts: JournalParts) {
    this.path = parts.path;
    this.#dir = parts.dir;
    this.#digest = parts.digest;
    this.#noteBytes = parts.digest?.bytes ?? 0;
    this.#fs = parts.fs;
    this.#lock = parts.lock;
    this.#now = parts.now;
    this.#handle = parts.handle;
    this.#entries = [...parts.scan.entries];
    this.#head = parts.scan.head;
    this.#size = parts.scan.goodBytes;
    this.#status = parts.status;
  }

  get head(): JournalHead {
    return this.#head;
  }

  get status(): JournalStatus {
    return this.#status;
  }

  get recovery(): JournalRecovery | null {
    return this.#recovery;
  }

  append(bodies: readonly unknown[], options: AppendOptions = {}): Promise<readonly JournalEntry[]> {
    if (this.#closing !== null) {
      return Promise.reject(new JournalError('closed', `${entriesPhrase(bodies.length)} NOT recorded: the journal is closed.`));
    }
    let ts: string;
    try {
      ts = timestamp(options.ts ?? this.#now());
    } catch (error) {
      // timestamp() throws JournalError; only an injected clock could throw something else
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const run = this.#queue.then(() => this.#appendNow(bodies, ts));
    this.#queue = run.catch(() => undefined); // one failed append must not reject the ones after it
    return run;
  }

  entries(options: { readonly afterSeq?: number } = {}): Promise<readonly JournalEntry[]> {
    const after = Math.max(0, Math.floor(options.afterSeq ?? 0));
    return Promise.resolve(this.#entries.slice(after));
  }

  close(): Promise<void> {
    this.#closing ??= this.#closeNow();
    return this.#closing;
  }

  async recordRecovery(plan: Extract<RecoveryPlan, { action: 'truncate' }>): Promise<void> {
    const body: JournalRecoveredBody = {
      type: 'journal-recovered',
      discardedBytes: plan.discardedBytes,
      lastGoodSeq: plan.lastGoodSeq,
    };
    let recorded = true;
    try {
      await this.append([body]);
    } catch {
      recorded = false; // #failWrite has made the journal read-only and says why in its status
    }
    this.#recovery = { discardedBytes: plan.discardedBytes, lastGoodSeq: plan.lastGoodSeq, reason: plan.reason, recorded };
  }

  async #appendNow(bodies: readonly unknown[], ts: string): Promise<readonly JournalEntry[]> {
    const status = this.#status;
    if (status.state === 'read-only') {
      throw new JournalError(
        'read-only',
        `${entriesPhrase(bodies.length)} NOT recorded: the journal is read-only (${status.reason}).`,
      );
    }
    if (status.state === 'closed' || this.#handle === null) {
      throw new JournalError('closed', `${entriesPhrase(bodies.length)} NOT recorded: the journal is closed.`);
    }
    if (bodies.length === 0) return [];
    let sealed;
    try {
      sealed = sealEntries(this.#head, ts, bodies);
    } catch (error) {
      throw new JournalError(
        'invalid-body',
        `${entriesPhrase(bodies.length)} NOT recorded: an event cannot be stored as JSON (${describeCause(error)}). ` +
          'Nothing was written; the journal is unchanged.',
        { cause: error },
      );
    }
    const data = encoder.encode(sealed.map((s) => s.line + '\n').join(''));
    const handle = this.#handle;
    let step: 'writing to' | 'saving to disk' = 'writing to';
    try {
      await writeAll(this.#fs, handle, data);
      step = 'saving to disk';
      await this.#fs.fdatasync(handle);
    } catch (error) {
      throw await this.#failWrite(handle, step, error, bodies.length);
    }
    this.#size += data.length;
    // Our own lines are canonical by construction (sealEntries); the note may cover them.
    this.#digest?.update(data);
    for (const { entry } of sealed) this.#entries.push(entry);
    const last = sealed[sealed.length - 1]?.entry;
    if (last !== undefined) this.#head = { seq: last.seq, hash: last.hash };
    return sealed.map((s) => s.entry);
  }

  /** Cuts the file back, retires the descriptor for good, and builds the error for the person. */
  async #failWrite(handle: FileRef, step: string, error: unknown, count: number): Promise<JournalError> {
    this.#handle = null;
    const sizeBefore = this.#size;
    let cleanup = '';
    try {
      // A fresh descriptor: the failed one may have lost its pages and must not be trusted to sync.
      await withFile(this.#fs, this.path, 'r+', async (file) => {
        await this.#fs.ftruncate(file, sizeBefore);
        await this.#fs.fsync(file);
      });
    } catch (cutError) {
      const cut = await this.#fs.ftruncate(handle, sizeBefore).then(
        () => true,
        () => false,
      );
      cleanup = cut
        ? ''
        : ` The partial write could not be removed (${describeCause(cutError)}); it will be checked when the exercise is next opened.`;
    }
    await this.#fs.close(handle).catch(() => undefined); // the write error is what matters
    const cause = describeCause(error);
    this.#status = { state: 'read-only', cause: 'write-failed', reason: `${step} the journal failed (${cause})` };
    return new JournalError(
      'not-recorded',
      `${entriesPhrase(count)} NOT recorded: ${step} ${this.path} failed (${cause}). ` +
        `The journal is now read-only; the last recorded entry is #${this.#head.seq}. ` +
        `Check the disk (free space, removable media), then reopen the exercise.${cleanup}`,
      { cause: error },
    );
  }

  async #closeNow(): Promise<void> {
    await this.#queue;
    const problems: unknown[] = [];
    const digest = this.#digest;
    if (digest !== null && this.#status.state === 'ok' && digest.bytes === this.#size && digest.bytes > this.#noteBytes) {
      await writeCheckedPrefix(this.#fs, this.#dir, digest); // never throws: the note is a hint
    }
    if (this.#handle !== null) {
      const handle = this.#handle;
      this.#handle = null;
      await this.#fs.close(handle).catch((error: unknown) => problems.push(error));
    }
    await this.#lock.release().catch((error: unknown) => problems.push(error));
    this.#status = { state: 'closed' };
    if (problems.length > 0) {
      throw new JournalError(
        'io',
        `Closing the journal ${this.path} did not finish cleanly (${problems.map(describeCause).join('; ')}). ` +
          'Every acknowledged entry was already saved.',
        { cause: problems[0] },
      );
    }
  }
}

function timestamp(ts: string | Date): string {
  if (ts instanceof Date) {
    if (Number.isNaN(ts.getTime())) throw new JournalError('invalid-body', 'NOT recorded: the entry time is not a valid date.');
    return ts.toISOString();
  }
  if (!ISO_TIME.test(ts)) throw new JournalError('invalid-body', `NOT recorded: "${ts}" is not an ISO 8601 time.`);
  return ts;
}

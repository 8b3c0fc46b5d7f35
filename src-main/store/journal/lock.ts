/**
 * One writer per exercise directory: a lock file created with O_EXCL that names its owner.
 *
 * A lock whose owner process is gone (crash, kill -9) is stale and is taken over, so a crash never
 * locks a facilitator out of their own exercise. Liveness is checked with signal 0, which only
 * means something on the same host; a lock from another host is always respected.
 */
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { errorCode, type FileSystem } from '../file-system.ts';
import { createFileDurably } from '../durable-write.ts';
import { JournalError, describeCause } from './errors.ts';

export const LOCK_FILE_NAME = 'journal.lock';

export interface DirectoryLock {
  readonly path: string;
  release(): Promise<void>;
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** Locks held by this process. A lock file naming our pid but absent here was left by us: stale. */
const heldHere = new Set<string>();

function parseOwner(bytes: Uint8Array): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, since } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
    return { pid, host: typeof host === 'string' ? host : '?', since: typeof since === 'string' ? since : '?' };
  } catch {
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH'; // EPERM: alive, owned by someone else
  }
}

function isStale(owner: LockOwner | undefined): boolean {
  // An unreadable lock is one whose writer died before writing it (the file is created, then
  // written): nobody can own it.
  if (owner === undefined) return true;
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return true;
  return !processIsAlive(owner.pid);
}

function lockedError(dir: string, lockPath: string, owner: LockOwner | undefined): JournalError {
  const who =
    owner === undefined
      ? 'another Sitroom'
      : owner.pid === process.pid
        ? 'this Sitroom'
        : `another Sitroom (process ${owner.pid} on ${owner.host}, since ${owner.since})`;
  return new JournalError(
    'locked',
    `The exercise in ${dir} is already open in ${who}. Close it there first. ` +
      `If no Sitroom is running, delete ${lockPath} and try again.`,
  );
}

async function readOwner(fs: FileSystem, lockPath: string): Promise<LockOwner | 'gone'> {
  try {
    return parseOwner(await fs.readFile(lockPath)) ?? (await readOwnerAgain(fs, lockPath));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    throw error;
  }
}

/** The owner may be between creating and writing its lock: look once more before calling it stale. */
async function readOwnerAgain(fs: FileSystem, lockPath: string): Promise<LockOwner | 'gone'> {
  await new Promise((done) => setTimeout(done, 50));
  const owner = parseOwner(await fs.readFile(lockPath));
  return owner ?? { pid: 0, host: '?', since: '?' };
}

export async function acquireDirectoryLock(fs: FileSystem, dir: string): Promise<DirectoryLock> {
  const lockPath = resolve(join(dir, LOCK_FILE_NAME));
  if (heldHere.has(lockPath)) throw lockedError(dir, lockPath, { pid: process.pid, host: hostname(), since: '?' });
  heldHere.add(lockPath); // reserve before any await so two opens in this process cannot both win
  try {
    const content = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }) + '\n';
    for (let attempt = 1; ; attempt++) {
      try {
        await createFileDurably(fs, lockPath, new TextEncoder().encode(content));
        break;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
        const owner = await readOwner(fs, lockPath);
        if (owner === 'gone') continue;
        const known = owner.pid === 0 ? undefined : owner;
        if (attempt >= 3 || !isStale(known)) throw lockedError(dir, lockPath, known);
        await fs.unlink(lockPath).catch((unlinkError: unknown) => {
          if (errorCode(unlinkError) !== 'ENOENT') throw unlinkError;
        });
      }
    }
  } catch (error) {
    heldHere.delete(lockPath);
    if (error instanceof JournalError) throw error;
    throw new JournalError('io', `Could not lock the exercise in ${dir}: ${describeCause(error)}.`, { cause: error });
  }
  let released = false;
  return {
    path: lockPath,
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(lockPath);
      await fs.unlink(lockPath);
    },
  };
}

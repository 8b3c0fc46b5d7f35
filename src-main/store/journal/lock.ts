/**
 * One writer per exercise directory: an exclusive lock entry that names its owner.
 *
 * The lock is a symbolic link whose target is `<pid>@<host>#<token>` (as Firefox's profile lock does):
 * creating it is atomic and exclusive, it carries its owner from the first instant (no window in
 * which a lock exists but is empty), and a short link target lives in the inode, so the lock can be
 * taken on a completely full disk — exactly when recovery must run. Where symbolic links are not
 * permitted (Windows without developer mode) it falls back to a file created with O_EXCL.
 *
 * A lock whose owner process is gone (crash, kill -9) is stale and is taken over, so a crash never
 * locks a facilitator out of their own exercise. Liveness is checked with signal 0, which only
 * means something on the same host; a lock from another host is always respected.
 */
import { randomBytes } from 'node:crypto';
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
  /** Names one acquisition, so this process can tell its live locks from ones it left behind. */
  readonly token: string;
}

/**
 * Tokens of the locks this process holds (or is acquiring). A lock naming our pid with a token
 * not in here was left behind by us (say, an unlink that failed): stale. Tokens rather than paths,
 * so the same folder reached through two different paths is still one lock.
 */
const heldTokens = new Set<string>();

/** Kept short so the link target fits in the inode (ext4 stores targets under 60 bytes inline). */
function shortHost(): string {
  return hostname().slice(0, 32);
}

function parseOwner(text: string): LockOwner | undefined {
  const match = /^(\d{1,10})@(.*)#([0-9a-f]{8})$/s.exec(text.trim());
  if (match !== null) return { pid: Number(match[1]), host: match[2] ?? '', token: match[3] ?? '' };
  try {
    // The fallback lock file holds JSON.
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, token } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return undefined;
    return { pid, host: typeof host === 'string' ? host : '', token: typeof token === 'string' ? token : '' };
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
  // An unreadable lock is a fallback lock file whose writer died before writing it.
  if (owner === undefined) return true;
  if (owner.host !== hostname() && owner.host !== shortHost()) return false;
  if (owner.pid === process.pid) return !heldTokens.has(owner.token);
  return !processIsAlive(owner.pid);
}

function lockedError(dir: string, lockPath: string, owner: LockOwner | undefined): JournalError {
  const who =
    owner === undefined
      ? 'another Sitroom'
      : owner.pid === process.pid
        ? 'this Sitroom'
        : `another Sitroom (process ${owner.pid} on ${owner.host})`;
  return new JournalError(
    'locked',
    `The exercise in ${dir} is already open in ${who}. Close it there first. ` +
      `If no Sitroom is running, delete ${lockPath} and try again.`,
  );
}

const SYMLINKS_UNSUPPORTED = new Set(['EPERM', 'EOPNOTSUPP', 'ENOSYS']);

/** Creates the lock; false if one already exists. */
async function tryCreate(fs: FileSystem, lockPath: string, token: string): Promise<boolean> {
  try {
    await fs.symlink(`${process.pid}@${shortHost()}#${token}`, lockPath);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code === undefined || !SYMLINKS_UNSUPPORTED.has(code)) throw error;
  }
  try {
    const owner = { pid: process.pid, host: hostname(), token };
    await createFileDurably(fs, lockPath, new TextEncoder().encode(JSON.stringify(owner) + '\n'));
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

async function readOwner(fs: FileSystem, lockPath: string): Promise<LockOwner | undefined | 'gone'> {
  try {
    return parseOwner(await fs.readlink(lockPath));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return 'gone';
    if (code !== 'EINVAL' && code !== 'UNKNOWN') throw error; // EINVAL: a fallback lock file
  }
  try {
    const first = parseOwner(new TextDecoder().decode(await fs.readFile(lockPath)));
    if (first !== undefined) return first;
    // The owner may be between creating and writing its lock file: look once more.
    await new Promise((done) => setTimeout(done, 50));
    return parseOwner(new TextDecoder().decode(await fs.readFile(lockPath)));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    throw error;
  }
}

export async function acquireDirectoryLock(fs: FileSystem, dir: string): Promise<DirectoryLock> {
  const lockPath = resolve(join(dir, LOCK_FILE_NAME));
  const token = randomBytes(4).toString('hex');
  // Registered before the lock exists, so a rival in this process never mistakes it for stale.
  heldTokens.add(token);
  try {
    for (let attempt = 1; !(await tryCreate(fs, lockPath, token)); attempt++) {
      const owner = await readOwner(fs, lockPath);
      // Another opener is racing us for it: give up after a few rounds rather than spin.
      if (attempt >= 5) throw lockedError(dir, lockPath, owner === 'gone' ? undefined : owner);
      if (owner === 'gone') continue;
      if (!isStale(owner)) throw lockedError(dir, lockPath, owner);
      await fs.unlink(lockPath).catch((unlinkError: unknown) => {
        if (errorCode(unlinkError) !== 'ENOENT') throw unlinkError;
      });
    }
  } catch (error) {
    heldTokens.delete(token);
    if (error instanceof JournalError) throw error;
    throw new JournalError('io', `Could not lock the exercise in ${dir}: ${describeCause(error)}.`, { cause: error });
  }
  let released = false;
  return {
    path: lockPath,
    async release() {
      if (released) return;
      released = true;
      heldTokens.delete(token);
      await fs.unlink(lockPath);
    },
  };
}

/**
 * The few write patterns that make a file survive a power cut, shared by the journal, the catalog
 * and archives.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileRef, FileSystem, OpenFlags } from './file-system.ts';

/** write(2) may write less than asked (signals, quotas): loop until the whole buffer is out. */
export async function writeAll(fs: FileSystem, file: FileRef, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const written = await fs.write(file, data, offset, data.length - offset, null);
    if (written <= 0) throw new Error(`write to ${file.path} made no progress`);
    offset += written;
  }
}

/**
 * A new or renamed directory entry is only durable once the directory itself is fsynced
 * (ext4 and friends make no promise otherwise).
 */
export async function fsyncDirectory(fs: FileSystem, dir: string): Promise<void> {
  await withFile(fs, dir, 'r', (handle) => fs.fsync(handle));
}

/**
 * Opens, runs `use`, closes. If `use` fails, that error is the one thrown (a close error after it
 * would only hide the cause); if only close fails, its error is thrown.
 */
export async function withFile<T>(
  fs: FileSystem,
  path: string,
  flags: OpenFlags,
  use: (file: FileRef) => Promise<T>,
): Promise<T> {
  const file = await fs.open(path, flags);
  let result: T;
  try {
    result = await use(file);
  } catch (error) {
    await fs.close(file).catch(() => undefined);
    throw error;
  }
  await fs.close(file);
  return result;
}

/**
 * `mkdir -p`, then fsync the parent of every directory it created so the new folders survive a
 * power cut along with the files that will be put in them.
 */
export async function makeDirectoryDurably(fs: FileSystem, dir: string): Promise<void> {
  const firstCreated = await fs.mkdir(dir);
  if (firstCreated === undefined) return;
  const created: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    created.push(d);
    if (d === firstCreated || dirname(d) === d) break;
  }
  for (const d of created) await fsyncDirectory(fs, dirname(d));
}

/**
 * Temp name unique per process and call: two writers (even two processes) never share a temp file,
 * which is the lowdb/steno failure mode this replaces.
 */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replaces `path` atomically and durably: temp → fsync → rename → fsync(dir). After a crash the
 * file holds either the old or the new content, never a mix, never empty. On failure the temp file
 * is removed (best effort) and the error is rethrown; the old content is untouched.
 */
export async function replaceFileDurably(fs: FileSystem, path: string, data: Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  let renamed = false;
  try {
    await withFile(fs, temporary, 'wx', async (handle) => {
      await writeAll(fs, handle, data);
      await fs.fsync(handle);
    });
    await fs.rename(temporary, path);
    renamed = true;
    await fsyncDirectory(fs, dirname(path));
  } catch (error) {
    if (!renamed) await fs.unlink(temporary).catch(() => undefined); // the original error matters more
    throw error;
  }
}

/** Creates a new file (never replaces one) with its content fsynced. Fails with EEXIST if present. */
export async function createFileDurably(fs: FileSystem, path: string, data: Uint8Array): Promise<void> {
  await withFile(fs, path, 'wx', async (handle) => {
    await writeAll(fs, handle, data);
    await fs.fsync(handle);
  });
}

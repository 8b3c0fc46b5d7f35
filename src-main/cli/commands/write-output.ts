/**
 * Writing a generated file where the person asked: complete or not at all (a temp file beside the
 * target, then a rename), and a plain sentence when the place cannot be written.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class OutputError extends Error {
  override readonly name = 'OutputError';
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Writes `bytes` to `file` atomically; the folder must exist. */
export async function writeOutputFile(file: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OutputError(`cannot write ${file}: ${reason(error)}`);
  }
}

/** Creates an output folder (and its parents); says plainly why not. */
export async function ensureOutputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new OutputError(`cannot create the folder ${dir}: ${reason(error)}`);
  }
  if (!(await isDirectory(dir))) throw new OutputError(`cannot use ${dir} as a folder: it is a file`);
}

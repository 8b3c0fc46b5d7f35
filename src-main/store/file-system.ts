/**
 * The file operations the store needs, behind one small interface.
 *
 * Everything durable in the store goes through a `FileSystem` so that the fault tests can fail the
 * Nth operation with a real errno (EIO, ENOSPC, …) and prove that nothing unacknowledged is ever
 * reported as saved. `nodeFileSystem` is the real implementation over `node:fs/promises`.
 */
import { constants as fsConstants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/** An open file. Opaque: only the `FileSystem` that opened it may use it. */
export interface FileRef {
  readonly path: string;
}

/**
 * `a`  append, create if missing. `ax` append, fail if it exists (tells us we created it).
 * `wx` write a new file, fail if it exists. `r` read. `r+` read/write an existing file.
 */
export type OpenFlags = 'r' | 'r+' | 'a' | 'ax' | 'wx';

export interface FileStat {
  readonly size: number;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
}

export interface FileSystem {
  readonly open: (path: string, flags: OpenFlags) => Promise<FileRef>;
  /** Writes at `position`, or at the current offset (the end, for `a`) when it is null. */
  readonly write: (file: FileRef, data: Uint8Array, offset: number, length: number, position: number | null) => Promise<number>;
  readonly read: (file: FileRef, buffer: Uint8Array, offset: number, length: number, position: number) => Promise<number>;
  readonly fsync: (file: FileRef) => Promise<void>;
  readonly fdatasync: (file: FileRef) => Promise<void>;
  readonly ftruncate: (file: FileRef, length: number) => Promise<void>;
  readonly fstat: (file: FileRef) => Promise<FileStat>;
  readonly close: (file: FileRef) => Promise<void>;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly stat: (path: string) => Promise<FileStat>;
  readonly rename: (from: string, to: string) => Promise<void>;
  /** Creates a symbolic link at `path` pointing to `target`; fails with EEXIST if `path` exists. */
  readonly symlink: (target: string, path: string) => Promise<void>;
  readonly readlink: (path: string) => Promise<string>;
  readonly unlink: (path: string) => Promise<void>;
  /** Recursive; returns the first directory it had to create, or undefined if all existed. */
  readonly mkdir: (path: string) => Promise<string | undefined>;
  /** Removes a directory tree (used only to clean up a failed import's staging folder). */
  readonly rmTree: (path: string) => Promise<void>;
  /** Bytes available to this (unprivileged) process on the filesystem holding `path`. */
  readonly freeBytes: (path: string) => Promise<number>;
}

class NodeFile implements FileRef {
  constructor(
    readonly path: string,
    readonly handle: FileHandle,
  ) {}
}

function handleOf(file: FileRef): FileHandle {
  if (!(file instanceof NodeFile)) throw new TypeError(`${file.path} was not opened by nodeFileSystem`);
  return file.handle;
}

function toStat(s: { size: number; isFile(): boolean; isDirectory(): boolean }): FileStat {
  return { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory() };
}

const OPEN_FLAGS: Record<OpenFlags, number> = {
  r: fsConstants.O_RDONLY,
  'r+': fsConstants.O_RDWR,
  a: fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT,
  ax: fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT | fsConstants.O_EXCL,
  wx: fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL,
};

export const nodeFileSystem: FileSystem = {
  async open(path, flags) {
    return new NodeFile(path, await fsp.open(path, OPEN_FLAGS[flags], 0o644));
  },
  async write(file, data, offset, length, position) {
    const { bytesWritten } = await handleOf(file).write(data, offset, length, position);
    return bytesWritten;
  },
  async read(file, buffer, offset, length, position) {
    const { bytesRead } = await handleOf(file).read(buffer, offset, length, position);
    return bytesRead;
  },
  fsync: (file) => handleOf(file).sync(),
  fdatasync: (file) => handleOf(file).datasync(),
  ftruncate: (file, length) => handleOf(file).truncate(length),
  fstat: async (file) => toStat(await handleOf(file).stat()),
  close: (file) => handleOf(file).close(),
  readFile: (path) => fsp.readFile(path),
  stat: async (path) => toStat(await fsp.stat(path)),
  rename: (from, to) => fsp.rename(from, to),
  symlink: (target, path) => fsp.symlink(target, path),
  readlink: (path) => fsp.readlink(path),
  unlink: (path) => fsp.unlink(path),
  mkdir: (path) => fsp.mkdir(path, { recursive: true }),
  rmTree: (path) => fsp.rm(path, { recursive: true, force: true }),
  async freeBytes(path) {
    const s = await fsp.statfs(path);
    return s.bavail * s.bsize;
  },
};

/** The errno code of a Node system error (`ENOENT`, `EIO`, …), if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

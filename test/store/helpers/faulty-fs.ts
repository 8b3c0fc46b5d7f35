/**
 * A FileSystem that passes every call to a real one, counts the calls, and fails a chosen one with
 * a real-looking errno error. It stands in for a failing disk, not for the journal: the code under
 * test runs unchanged on top of it.
 */
import type { FileRef, FileSystem, OpenFlags } from '../../../src-main/store/file-system.ts';
import { nodeFileSystem } from '../../../src-main/store/file-system.ts';

export type FaultCode = 'EIO' | 'ENOSPC' | 'EACCES' | 'EROFS';

const ERRNO: Record<FaultCode, number> = { EIO: -5, ENOSPC: -28, EACCES: -13, EROFS: -30 };

export interface FaultPlan {
  /** 1-based index of the operation to fail; undefined never fails. */
  readonly failAt?: number;
  readonly code?: FaultCode;
  /** Fail every operation from `failAt` on (a disk that has died), not just that one. */
  readonly sticky?: boolean;
  /** When the failing operation is a write, first write half of the buffer for real (a torn write). */
  readonly tornWrite?: boolean;
}

export interface OperationRecord {
  readonly index: number;
  readonly name: string;
  readonly path: string;
  readonly failed: boolean;
}

export function errnoError(code: string, syscall: string, path: string, errno = -1): Error {
  return Object.assign(new Error(`${code}: injected fault, ${syscall} '${path}'`), { code, errno, syscall, path });
}

export class FaultyFileSystem implements FileSystem {
  readonly log: OperationRecord[] = [];
  /** Files opened and not yet closed: must be empty when the code under test is done. */
  readonly openFiles = new Set<FileRef>();
  readonly #base: FileSystem;
  readonly #plan: FaultPlan;

  constructor(plan: FaultPlan = {}, base: FileSystem = nodeFileSystem) {
    this.#plan = plan;
    this.#base = base;
  }

  get count(): number {
    return this.log.length;
  }

  get failedOperation(): OperationRecord | undefined {
    return this.log.find((op) => op.failed);
  }

  #shouldFail(name: string, path: string): boolean {
    const index = this.log.length + 1;
    const { failAt, sticky } = this.#plan;
    const failed = failAt !== undefined && (sticky === true ? index >= failAt : index === failAt);
    this.log.push({ index, name, path, failed });
    return failed;
  }

  #error(name: string, path: string): Error {
    const code = this.#plan.code ?? 'EIO';
    return errnoError(code, name, path, ERRNO[code]);
  }

  async #run<T>(name: string, path: string, call: () => Promise<T>): Promise<T> {
    if (this.#shouldFail(name, path)) throw this.#error(name, path);
    return call();
  }

  async open(path: string, flags: OpenFlags): Promise<FileRef> {
    const file = await this.#run('open', path, () => this.#base.open(path, flags));
    this.openFiles.add(file);
    return file;
  }
  async write(file: FileRef, data: Uint8Array, offset: number, length: number, position: number | null): Promise<number> {
    if (this.#shouldFail('write', file.path)) {
      if (this.#plan.tornWrite === true && length > 1) {
        await this.#base.write(file, data, offset, Math.floor(length / 2), position);
      }
      throw this.#error('write', file.path);
    }
    return this.#base.write(file, data, offset, length, position);
  }
  read(file: FileRef, buffer: Uint8Array, offset: number, length: number, position: number): Promise<number> {
    return this.#run('read', file.path, () => this.#base.read(file, buffer, offset, length, position));
  }
  fsync(file: FileRef): Promise<void> {
    return this.#run('fsync', file.path, () => this.#base.fsync(file));
  }
  fdatasync(file: FileRef): Promise<void> {
    return this.#run('fdatasync', file.path, () => this.#base.fdatasync(file));
  }
  ftruncate(file: FileRef, length: number): Promise<void> {
    return this.#run('ftruncate', file.path, () => this.#base.ftruncate(file, length));
  }
  fstat(file: FileRef) {
    return this.#run('fstat', file.path, () => this.#base.fstat(file));
  }
  close(file: FileRef): Promise<void> {
    this.openFiles.delete(file);
    // A failed close still releases the descriptor (as close(2) does), so nothing leaks in the test.
    if (this.#shouldFail('close', file.path)) {
      return this.#base.close(file).then(() => {
        throw this.#error('close', file.path);
      });
    }
    return this.#base.close(file);
  }
  readFile(path: string): Promise<Uint8Array> {
    return this.#run('readFile', path, () => this.#base.readFile(path));
  }
  stat(path: string) {
    return this.#run('stat', path, () => this.#base.stat(path));
  }
  rename(from: string, to: string): Promise<void> {
    return this.#run('rename', from, () => this.#base.rename(from, to));
  }
  symlink(target: string, path: string): Promise<void> {
    return this.#run('symlink', path, () => this.#base.symlink(target, path));
  }
  readlink(path: string): Promise<string> {
    return this.#run('readlink', path, () => this.#base.readlink(path));
  }
  unlink(path: string): Promise<void> {
    return this.#run('unlink', path, () => this.#base.unlink(path));
  }
  mkdir(path: string): Promise<string | undefined> {
    return this.#run('mkdir', path, () => this.#base.mkdir(path));
  }
  rmTree(path: string): Promise<void> {
    return this.#run('rmTree', path, () => this.#base.rmTree(path));
  }
  freeBytes(path: string): Promise<number> {
    return this.#run('freeBytes', path, () => this.#base.freeBytes(path));
  }
}

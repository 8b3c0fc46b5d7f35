/**
 * A lowdb adapter that survives power loss, and a small "open, validate, or rebuild" helper on top.
 *
 * lowdb's own JSONFile (steno) renames a fixed temp file without fsync, shares that temp name
 * between instances, and rejects earlier writers when a later write fails (reliability.md §1).
 * This adapter writes a per-process temp file, fsyncs it, renames it over the target and fsyncs the
 * directory; writes run one at a time and each promise reports only its own outcome. Only data that
 * can be rebuilt from the journals belongs here.
 */
import { Low, type Adapter } from 'lowdb';
import { dirname } from 'node:path';
import { z } from 'zod';
import { errorCode, nodeFileSystem, type FileSystem } from './file-system.ts';
import { fsyncDirectory, replaceFileDurably } from './durable-write.ts';

export type JsonStoreErrorCode =
  /** The file is not valid JSON or does not match its schema. */
  | 'damaged'
  /** The file was written by a newer Sitroom; it is left untouched. */
  | 'newer-version'
  /** The data to be written does not match the schema; nothing was written. */
  | 'invalid-data';

export class JsonStoreError extends Error {
  override readonly name = 'JsonStoreError';

  constructor(
    readonly code: JsonStoreErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface DurableJsonFileOptions<T> {
  readonly schema: z.ZodType<T>;
  readonly fs?: FileSystem;
  /** A numeric version field: a file with a higher value is refused rather than called damaged. */
  readonly version?: { readonly field: string; readonly current: number };
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly #fs: FileSystem;
  readonly #schema: z.ZodType<T>;
  readonly #version: DurableJsonFileOptions<T>['version'];
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    options: DurableJsonFileOptions<T>,
  ) {
    this.#fs = options.fs ?? nodeFileSystem;
    this.#schema = options.schema;
    this.#version = options.version;
  }

  /** null when the file does not exist; throws `JsonStoreError` when it is damaged or too new. */
  async read(): Promise<T | null> {
    let bytes: Uint8Array;
    try {
      bytes = await this.#fs.readFile(this.path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (error) {
      throw new JsonStoreError('damaged', `${this.path} is not valid JSON (${bytes.length} bytes).`, { cause: error });
    }
    this.#refuseNewer(value);
    const parsed = this.#schema.safeParse(value);
    if (!parsed.success) {
      throw new JsonStoreError('damaged', `${this.path} does not have the expected content:\n${z.prettifyError(parsed.error)}`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  /** Validates, snapshots and queues the write; resolves once the new content is durable. */
  write(data: T): Promise<void> {
    const parsed = this.#schema.safeParse(data);
    if (!parsed.success) {
      return Promise.reject(
        new JsonStoreError('invalid-data', `Refused to save ${this.path}:\n${z.prettifyError(parsed.error)}`, {
          cause: parsed.error,
        }),
      );
    }
    // Serialized now, so later edits to `data` cannot leak into this write.
    const bytes = new TextEncoder().encode(JSON.stringify(data, null, 2) + '\n');
    const run = this.#queue.then(() => replaceFileDurably(this.#fs, this.path, bytes));
    this.#queue = run.catch(() => undefined); // a failed write must not fail the writes after it
    return run;
  }

  #refuseNewer(value: unknown): void {
    if (this.#version === undefined || typeof value !== 'object' || value === null) return;
    const found = (value as Record<string, unknown>)[this.#version.field];
    if (typeof found === 'number' && found > this.#version.current) {
      throw new JsonStoreError(
        'newer-version',
        `${this.path} was written by a newer Sitroom (version ${found}; this one reads up to ${this.#version.current}). ` +
          'It has been left untouched: update Sitroom to use it.',
      );
    }
  }
}

export type JsonStoreOrigin =
  | { readonly kind: 'read' }
  | { readonly kind: 'rebuilt'; readonly why: 'missing' }
  | { readonly kind: 'rebuilt'; readonly why: 'damaged'; readonly problem: string; readonly setAsideAs: string };

export interface OpenJsonStoreOptions<T> extends DurableJsonFileOptions<T> {
  /** Produces the content when the file is missing or damaged (e.g. by scanning the journals). */
  readonly rebuild: () => T | Promise<T>;
  readonly now?: () => Date;
}

/**
 * Opens a lowdb database on a durable, validated file. A missing file is rebuilt; a damaged one is
 * renamed aside (kept for inspection, never deleted) and rebuilt. A newer-version file is refused.
 */
export async function openJsonStore<T>(
  path: string,
  options: OpenJsonStoreOptions<T>,
): Promise<{ readonly db: Low<T>; readonly origin: JsonStoreOrigin }> {
  const fs = options.fs ?? nodeFileSystem;
  const adapter = new DurableJsonFile(path, options);
  let origin: JsonStoreOrigin = { kind: 'read' };
  let data: T | null;
  try {
    data = await adapter.read();
    if (data === null) origin = { kind: 'rebuilt', why: 'missing' };
  } catch (error) {
    if (!(error instanceof JsonStoreError) || error.code !== 'damaged') throw error;
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const setAsideAs = `${path}.damaged-${stamp}`;
    await fs.rename(path, setAsideAs);
    await fsyncDirectory(fs, dirname(path));
    origin = { kind: 'rebuilt', why: 'damaged', problem: error.message, setAsideAs };
    data = null;
  }
  if (data === null) {
    const rebuilt = await options.rebuild();
    await adapter.write(rebuilt);
    data = rebuilt;
  }
  return { db: new Low(adapter, data), origin };
}

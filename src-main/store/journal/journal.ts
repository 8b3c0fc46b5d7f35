/**
 * The journal contract every store implements: the JSON-lines file here, a PostgreSQL table later
 * (design.md §8). Callers depend on this interface only, never on how entries are stored.
 */
import type { JournalEntry, JournalHead } from './entry.ts';

export type JournalStatus =
  | { readonly state: 'ok' }
  /** The chain is broken in the middle: the record opens for reading only and is never repaired. */
  | { readonly state: 'read-only'; readonly cause: 'integrity-alarm'; readonly seq: number; readonly reason: string }
  /** A write or sync failed; nothing more is written until the exercise is reopened. */
  | { readonly state: 'read-only'; readonly cause: 'write-failed'; readonly reason: string }
  | { readonly state: 'closed' };

export interface AppendOptions {
  /** Wall-clock time recorded in every entry of this batch; defaults to now. */
  readonly ts?: string | Date;
}

export interface Journal {
  /** The last acknowledged entry; `{ seq: 0, hash: GENESIS_HASH }` when empty. */
  readonly head: JournalHead;
  readonly status: JournalStatus;
  /**
   * Appends a batch atomically and durably. Resolves only once every entry is on stable storage;
   * rejects with a `JournalError` if any of them is not (and then none of them counts as recorded).
   * Calls are serialized in call order.
   */
  append(bodies: readonly unknown[], options?: AppendOptions): Promise<readonly JournalEntry[]>;
  /** The acknowledged entries in order, optionally only those after `afterSeq`. */
  entries(options?: { readonly afterSeq?: number }): Promise<readonly JournalEntry[]>;
  /** Waits for pending appends, then releases the journal. Idempotent. */
  close(): Promise<void>;
}

/** The body of the entry written when a torn tail is cut off on open. */
export interface JournalRecoveredBody {
  readonly type: 'journal-recovered';
  readonly discardedBytes: number;
  readonly lastGoodSeq: number;
}

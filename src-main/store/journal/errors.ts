/**
 * The journal's typed errors. Each message is written for the person at the console: it says
 * plainly whether the decision was recorded and what to do next.
 */

export type JournalErrorCode =
  /** A write or sync failed: the entries of that append are not in the journal. */
  | 'not-recorded'
  /** The journal refuses writes (integrity alarm, or an earlier write failure). */
  | 'read-only'
  | 'closed'
  /** Another process (or another open in this one) holds the exercise directory. */
  | 'locked'
  | 'low-disk-space'
  /** A body that JSON cannot carry (NaN, a cycle, a lone surrogate…); nothing was written. */
  | 'invalid-body'
  /** Opening or reading the journal failed. */
  | 'io';

export class JournalError extends Error {
  override readonly name = 'JournalError';

  constructor(
    readonly code: JournalErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isJournalError(error: unknown, code?: JournalErrorCode): error is JournalError {
  return error instanceof JournalError && (code === undefined || error.code === code);
}

export function entriesPhrase(count: number): string {
  return count === 1 ? 'The entry was' : `The ${count} entries were`;
}

/** "EIO: i/o error" → "EIO"; anything else → its message. */
export function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message.replace(/^[A-Z]+: /, '')}` : error.message;
  }
  return String(error);
}

/** The journal's public surface: import from here, not from the files behind it. */
export {
  EMPTY_HEAD,
  GENESIS_HASH,
  HASH_DOMAIN_TAG,
  formatEntryLine,
  hashEntry,
  type JournalEntry,
  type JournalHead,
} from './entry.ts';
export { JournalError, isJournalError, type JournalErrorCode } from './errors.ts';
export type { AppendOptions, Journal, JournalRecoveredBody, JournalStatus } from './journal.ts';
export {
  DEFAULT_MIN_FREE_BYTES,
  JOURNAL_FILE_NAME,
  openJournal,
  preflightFreeSpace,
  type FileJournal,
  type JournalRecovery,
  type OpenJournalOptions,
} from './file-journal.ts';
export { LOCK_FILE_NAME } from './lock.ts';
export {
  describeVerifyResult,
  planRecovery,
  scanJournal,
  verifyEntries,
  verifyJournalBytes,
  type JournalProblem,
  type JournalScan,
  type ProblemKind,
  type RecoveryPlan,
  type VerifyResult,
} from './verify.ts';
export { verifyJournalFile } from './verify-file.ts';

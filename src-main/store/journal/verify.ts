/**
 * Pure verification of a journal: the whole chain, byte for byte, and a verdict on what any damage
 * means.
 *
 * Two kinds of damage look different and are treated differently:
 * - a **torn tail**: after the last good entry there is nothing that is a valid entry. A crash
 *   during an append leaves exactly this (a cut-off line, zero-filled blocks, even stray newlines).
 *   Those bytes were never acknowledged, so discarding them loses nothing.
 * - **tampering or corruption**: a damaged entry followed by a genuine one (even glued to it, as
 *   when a line end is edited away), an entry that is valid in itself but does not chain (deleted,
 *   reordered, duplicated), or a complete entry that claims its place in the chain but whose hash
 *   does not match (an edit). Crash debris cannot produce these, so they raise an integrity alarm
 *   and are never repaired automatically.
 *
 * The one ambiguity is an edit to the LAST entry that also breaks its JSON syntax: it looks like a
 * cut-off write. It is still reported (verification fails, and recovery records the discarded
 * bytes in the journal), but as a torn tail.
 */
import {
  EMPTY_HEAD,
  GENESIS_HASH,
  JOURNAL_VERSION,
  canonicalJson,
  formatEntryLine,
  hashEntry,
  hashEntryWithBodyBytes,
  type JournalEntry,
  type JournalHead,
} from './entry.ts';
import { isCanonicalJsonText } from './canonical-text.ts';
import { splitLines, type RawLine } from './journal-lines.ts';

export type ProblemKind = 'torn-tail' | 'tampered';

export interface JournalProblem {
  readonly kind: ProblemKind;
  /** The seq at which the chain breaks: one after the last good entry. */
  readonly seq: number;
  /** What is wrong with the first bad line, in plain words. */
  readonly reason: string;
}

/** `count` and `head` describe the valid prefix, also when verification fails. */
export type VerifyResult =
  | { readonly ok: true; readonly count: number; readonly head: JournalHead }
  | ({ readonly ok: false; readonly count: number; readonly head: JournalHead } & JournalProblem);

export interface JournalScan {
  /** The valid prefix of the journal. */
  readonly entries: readonly JournalEntry[];
  readonly head: JournalHead;
  /** Bytes covered by the valid prefix (each entry with its newline). */
  readonly goodBytes: number;
  readonly totalBytes: number;
  readonly problem: JournalProblem | null;
}

type LineCheck =
  | { readonly ok: true; readonly entry: JournalEntry }
  | {
      readonly ok: false;
      readonly reason: string;
      /** A well-formed entry whose hash matches its own contents (real data, wrongly placed). */
      readonly selfConsistent: boolean;
      /** A well-formed entry that names the right seq and prev but whose hash is wrong (an edit). */
      readonly claimsChain: boolean;
    };

const ENTRY_KEYS = ['v', 'seq', 'ts', 'prev', 'body', 'hash'] as const;
const ENTRY_KEY_SET: ReadonlySet<string> = new Set(ENTRY_KEYS);
const LONE_SURROGATE = /\p{Cs}/u; // canonical JSON refuses these, so an entry cannot hold one
const ENTRY_START = '{"v":';
const ENTRY_END = /"hash":"[0-9a-f]{64}"\}/g;

function bad(reason: string, selfConsistent = false, claimsChain = false): LineCheck {
  return { ok: false, reason, selfConsistent, claimsChain };
}

interface ParsedEntry {
  readonly entry: JournalEntry;
  readonly canonicalBody: string;
  /** The line is byte for byte what formatEntryLine writes for this entry (checked while parsing). */
  readonly exactLine: boolean;
  /** For an exact line: where its body's text starts, and how far before the line's end it stops. */
  readonly bodyAt?: { readonly start: number; readonly fromEnd: number };
}

/** Parses one line into a well-formed entry, or says why it is not one. Does not check the chain. */
function parseEntry(text: string | undefined, canonicalChecked = false): ParsedEntry | string {
  if (text === undefined) return 'not valid UTF-8';
  if (text === '') return 'empty line';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  const fieldProblem = entryFieldsProblem(record);
  if (fieldProblem !== null) return fieldProblem;
  const { v, seq, ts, prev, body, hash } = record;
  if (v !== JOURNAL_VERSION) return `unsupported entry version ${JSON.stringify(v)}`;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return '"seq" is not a positive integer';
  if (typeof ts !== 'string' || LONE_SURROGATE.test(ts)) return '"ts" is not a text timestamp';
  if (!isHexHash(prev)) return '"prev" is not a SHA-256 hex hash';
  if (!isHexHash(hash)) return '"hash" is not a SHA-256 hex hash';
  // The parsed record has exactly the six fields, checked above: it is the entry (no copy).
  const entry = record as unknown as JournalEntry;
  // Hot path: a line as the journal writes it holds its body already canonical, between a fixed
  // prefix and suffix, so the body's text can be cut out and checked instead of re-serialized.
  const at = storedBodyAt(text, entry);
  const stored = at === null ? null : text.slice(at, text.length - HASH_TAIL_LENGTH);
  // `canonicalChecked`: these very bytes passed the canonical check before (checked-prefix.ts).
  if (at !== null && stored !== null && (canonicalChecked || isCanonicalJsonText(stored, body))) {
    return { entry, canonicalBody: stored, exactLine: true, bodyAt: { start: at, fromEnd: HASH_TAIL_LENGTH } };
  }
  let canonicalBody: string;
  try {
    canonicalBody = canonicalJson(body);
  } catch {
    return '"body" cannot be written as canonical JSON';
  }
  return { entry, canonicalBody, exactLine: false };
}

/** Why `record` does not have exactly the entry's six fields, or null when it does. */
function entryFieldsProblem(record: Record<string, unknown>): string | null {
  let count = 0;
  for (const key in record) {
    if (!ENTRY_KEY_SET.has(key)) return `not a journal entry (unexpected field "${key}")`;
    count++;
  }
  if (count === ENTRY_KEYS.length) return null;
  for (const key of ENTRY_KEYS) {
    if (!Object.hasOwn(record, key)) return `not a journal entry (no "${key}" field)`;
  }
  return null; // unreachable: fewer keys than expected means one is missing
}

/** 64 lowercase hex digits; a loop, because a regular expression per hash was a visible cost. */
function isHexHash(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

const LINE_HEAD = `{"v":${JOURNAL_VERSION},"seq":`;
const HASH_TAIL_LENGTH = ',"hash":"'.length + 64 + '"}'.length;

/**
 * Where the body's text starts if `text` has exactly the layout formatEntryLine writes for `entry`
 * (the body then ends HASH_TAIL_LENGTH before the line's end), else null.
 * Compared piece by piece in place: building the expected prefix and suffix as strings for every
 * line was garbage the collector then had to clear.
 */
function storedBodyAt(text: string, entry: JournalEntry): number | null {
  if (!text.startsWith(LINE_HEAD)) return null;
  let at = LINE_HEAD.length;
  const seq = String(entry.seq);
  if (!text.startsWith(seq, at)) return null;
  at += seq.length;
  if (!text.startsWith(',"ts":', at)) return null;
  at += 6;
  const ts = JSON.stringify(entry.ts);
  if (!text.startsWith(ts, at)) return null;
  at += ts.length;
  if (
    !text.startsWith(',"prev":"', at) ||
    !text.startsWith(entry.prev, at + 9) ||
    !text.startsWith('","body":', at + 73)
  )
    return null;
  at += 82;
  const tail = text.length - HASH_TAIL_LENGTH;
  if (
    tail <= at ||
    !text.startsWith(',"hash":"', tail) ||
    !text.startsWith(entry.hash, tail + 9) ||
    !text.endsWith('"}')
  )
    return null;
  return at;
}

function isSelfConsistent(text: string | undefined): boolean {
  const parsed = parseEntry(text);
  return typeof parsed !== 'string' && hashEntry(parsed.entry, parsed.canonicalBody) === parsed.entry.hash;
}

/**
 * Whether a genuine entry (its hash matches its contents) is embedded in `text` at or after `from`,
 * even glued to other bytes: an entry whose line end was edited away, or real data behind garbage.
 * Random crash debris cannot contain one; only real journal data can.
 */
function containsEntry(text: string, from: number): boolean {
  for (let start = text.indexOf(ENTRY_START, from); start !== -1; start = text.indexOf(ENTRY_START, start + 1)) {
    ENTRY_END.lastIndex = start;
    for (let match = ENTRY_END.exec(text); match !== null; match = ENTRY_END.exec(text)) {
      if (isSelfConsistent(text.slice(start, match.index + match[0].length))) return true;
    }
  }
  return false;
}

/**
 * After the first bad line, is there any genuine entry? In the bad line itself only past its start
 * (a complete entry at its start followed by debris is a cut-off write of that entry's line end).
 */
function genuineEntryAfter(lines: readonly RawLine[], first: number): boolean {
  if (containsEntry((lines[first] as RawLine).lossy(), 1)) return true;
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i] as RawLine;
    if (isSelfConsistent(line.text) || containsEntry(line.lossy(), 0)) return true;
  }
  return false;
}

/**
 * The entry's hash. For an exact line read from a file, the body's bytes are hashed where they lie
 * in the file: hashing the text instead meant encoding every body back to UTF-8 into a second copy,
 * most of the cost of hashing a long journal. The hash is the same by construction: those bytes ARE
 * the UTF-8 of the body's canonical text.
 */
function computeHash(line: RawLine, parsed: ParsedEntry): string {
  const { entry, canonicalBody, bodyAt } = parsed;
  // Byte offsets equal text offsets only while the line's prefix is ASCII (a timestamp could, in
  // principle, hold other characters).
  if (bodyAt === undefined || line.bytes === undefined || !isAscii(entry.ts)) return hashEntry(entry, canonicalBody);
  const bytes = line.bytes();
  return hashEntryWithBodyBytes(entry, bytes.subarray(bodyAt.start, bytes.length - bodyAt.fromEnd));
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * `hashConfirmed`: a worker thread hashed this line's bytes and found its stored hash (line-hashing.ts).
 * Trusted only for a line whose exact layout was confirmed here too: then both hashed the same bytes.
 */
function checkLine(
  line: RawLine,
  parsed: ParsedEntry | string,
  expected: JournalHead,
  hashConfirmed: boolean,
): LineCheck {
  if (typeof parsed === 'string') return bad(parsed);
  const { entry, canonicalBody, exactLine } = parsed;
  const expectedSeq = expected.seq + 1;
  if (!(hashConfirmed && exactLine && parsed.bodyAt !== undefined) && computeHash(line, parsed) !== entry.hash) {
    const claimsChain = entry.seq === expectedSeq && entry.prev === expected.hash;
    return bad('hash does not match contents', false, claimsChain);
  }
  if (entry.seq < expectedSeq) return bad(`duplicate seq ${entry.seq} (expected ${expectedSeq})`, true);
  if (entry.seq > expectedSeq) return bad(`seq out of order (expected ${expectedSeq}, got ${entry.seq})`, true);
  if (entry.prev !== expected.hash) {
    return bad(
      expectedSeq === 1 && entry.prev !== GENESIS_HASH
        ? 'prev of the first entry is not the genesis value'
        : `prev does not match hash of seq ${expectedSeq - 1}`,
      true,
    );
  }
  if (!exactLine && formatEntryLine(entry, canonicalBody) !== line.text) {
    return bad('entry is not stored in canonical form (its bytes were changed)', true);
  }
  return { ok: true, entry };
}

export interface ScanOptions {
  /**
   * Leading bytes already proven canonical (checked-prefix.ts): their bodies skip only that one
   * check. Every hash and chain link is still verified.
   */
  readonly canonicalCheckedBytes?: number;
  /**
   * Per line, 1 where a worker confirmed the line's hash from its bytes (line-hashing.ts). Called
   * once every line has been parsed, so the worker hashes while this thread parses.
   */
  readonly hashedLines?: () => Uint8Array | null;
}

function scanLines(lines: readonly RawLine[], totalBytes: number, options: ScanOptions = {}): JournalScan {
  const checkedBytes = options.canonicalCheckedBytes ?? 0;
  const entries: JournalEntry[] = [];
  let head: JournalHead = EMPTY_HEAD;
  let lastGood: RawLine | undefined;
  const goodBytes = (): number => lastGood?.end() ?? 0;
  // Parse everything first, then collect the worker's hashes (if any), then walk the chain.
  const parsed = lines.map((line) =>
    parseEntry(line.text, checkedBytes > 0 && line.terminated && line.end() <= checkedBytes),
  );
  const hashed = options.hashedLines?.() ?? null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as RawLine;
    const check = checkLine(line, parsed[i] as ParsedEntry | string, head, hashed !== null && hashed[i] === 1);
    if (check.ok && line.terminated) {
      entries.push(check.entry);
      head = { seq: check.entry.seq, hash: check.entry.hash };
      lastGood = line;
      continue;
    }
    const seq = head.seq + 1;
    if (check.ok) {
      // A complete entry without its newline: the append was cut off before it finished, so it
      // was never acknowledged.
      const problem = {
        kind: 'torn-tail',
        seq,
        reason: 'the last entry has no line end (its write was cut off)',
      } as const;
      return { entries, head, goodBytes: goodBytes(), totalBytes, problem };
    }
    const tampered = check.selfConsistent || check.claimsChain || genuineEntryAfter(lines, i);
    const problem = { kind: tampered ? 'tampered' : 'torn-tail', seq, reason: check.reason } as const;
    return { entries, head, goodBytes: goodBytes(), totalBytes, problem };
  }
  // Every line was a good, terminated entry: the good bytes are the whole file (no scan needed).
  return { entries, head, goodBytes: lastGood === undefined ? 0 : totalBytes, totalBytes, problem: null };
}

/** Verifies the raw bytes of a journal file. */
export function scanJournal(bytes: Uint8Array, options: ScanOptions = {}): JournalScan {
  return scanLines(splitLines(bytes), bytes.length, options);
}

function toResult(scan: JournalScan): VerifyResult {
  const count = scan.entries.length;
  if (scan.problem === null) return { ok: true, count, head: scan.head };
  return { ok: false, count, head: scan.head, ...scan.problem };
}

export function verifyJournalBytes(bytes: Uint8Array): VerifyResult {
  return toResult(scanJournal(bytes));
}

/**
 * Verifies journal lines given as strings, one entry each, without newlines. A single trailing
 * empty string is ignored, so `text.split('\n')` can be passed as it is.
 */
export function verifyEntries(lines: readonly string[]): VerifyResult {
  const texts = lines.length > 0 && lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
  const raw = texts.map((text, i): RawLine => ({ text, terminated: true, end: () => i + 1, lossy: () => text }));
  return toResult(scanLines(raw, raw.length));
}

export type RecoveryPlan =
  | { readonly action: 'none'; readonly scan: JournalScan }
  | {
      readonly action: 'truncate';
      readonly scan: JournalScan;
      readonly toBytes: number;
      readonly discardedBytes: number;
      readonly lastGoodSeq: number;
      readonly reason: string;
    }
  | { readonly action: 'alarm'; readonly scan: JournalScan; readonly seq: number; readonly reason: string };

/** What opening this journal must do: nothing, cut a torn tail, or refuse to write (alarm). */
export function planRecovery(bytes: Uint8Array, options: ScanOptions = {}): RecoveryPlan {
  const scan = scanJournal(bytes, options);
  const { problem } = scan;
  if (problem === null) return { action: 'none', scan };
  if (problem.kind === 'tampered') return { action: 'alarm', scan, seq: problem.seq, reason: problem.reason };
  return {
    action: 'truncate',
    scan,
    toBytes: scan.goodBytes,
    discardedBytes: scan.totalBytes - scan.goodBytes,
    lastGoodSeq: scan.head.seq,
    reason: problem.reason,
  };
}

/** One sentence for a person (CLI, integrity alarm banner). */
export function describeVerifyResult(result: VerifyResult): string {
  if (result.ok) {
    return `Journal verified: ${result.count} entries, head #${result.head.seq} · ${result.head.hash.slice(0, 12)}.`;
  }
  if (result.kind === 'torn-tail') {
    return (
      `The journal ends with an incomplete write after #${result.head.seq} (${result.reason}). ` +
      `The ${result.count} entries before it are intact; the incomplete bytes were never acknowledged and are discarded when the exercise is opened.`
    );
  }
  return (
    `Integrity alarm at #${result.seq}: ${result.reason}. The record may have been altered or damaged; ` +
    `the ${result.count} entries before it verify, and the exercise opens read-only.`
  );
}

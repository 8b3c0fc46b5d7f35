/**
 * One journal entry: its shape, its hash, and the exact line it is stored as.
 *
 * hash = hex SHA-256("sitroom-journal-v1\n" + RFC 8785 canonical JSON of {v, seq, ts, prev, body}).
 * The domain tag keeps a journal hash from ever being confused with a hash of anything else, and
 * canonical JSON makes the hash independent of key order, so another implementation (a PostgreSQL
 * journal, a verifier in another language) computes the same value from the same data.
 */
import * as crypto from 'node:crypto';
import canonicalize from 'canonicalize';

export const JOURNAL_VERSION = 1;
export const HASH_DOMAIN_TAG = 'sitroom-journal-v1\n';
/** The `prev` of entry #1: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

export interface JournalEntry {
  readonly v: 1;
  readonly seq: number;
  /** Wall-clock time of the append, ISO 8601. */
  readonly ts: string;
  readonly prev: string;
  /** Any JSON value: the engine's event. */
  readonly body: unknown;
  readonly hash: string;
}

export interface JournalHead {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_HEAD: JournalHead = { seq: 0, hash: GENESIS_HASH };

export type UnsignedEntry = Omit<JournalEntry, 'hash'>;

/** Canonical JSON (RFC 8785). Throws on values JSON cannot carry (NaN, lone surrogates, cycles…). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

// One-shot hashing (Node ≥ 20.12) costs half of a Hash object per call — opening a 100k-event
// exercise hashes 100k short texts. `engines` allows 20.11, which lacks it.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : null;

export function sha256Hex(text: string | Uint8Array): string {
  return oneShot !== null ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}

export function hashEntry(entry: UnsignedEntry, canonicalBody: string = canonicalJson(entry.body)): string {
  // Exactly canonicalJson({ v, seq, ts, prev, body }) — keys in RFC 8785 order — spelled out so the
  // body, already canonical, is not serialized a second time (this is the hot path of open+verify).
  // The header fields are a hex string, a safe integer, a timestamp without lone surrogates (the
  // verifier refuses those) and the version: for such values RFC 8785 is exactly JSON.stringify,
  // which is native and several times faster than a JavaScript canonicalizer.
  const { v, seq, ts, prev } = entry;
  const canonical =
    `{"body":${canonicalBody},"prev":${JSON.stringify(prev)},"seq":${JSON.stringify(seq)},` +
    `"ts":${JSON.stringify(ts)},"v":${JSON.stringify(v)}}`;
  return sha256Hex(HASH_DOMAIN_TAG + canonical);
}

const encoder = new TextEncoder();
const BODY_HEAD = encoder.encode(`${HASH_DOMAIN_TAG}{"body":`);
let scratch = new Uint8Array(64 * 1024);

/**
 * hashEntry for a body given as the UTF-8 bytes of its canonical text — as they lie in the journal
 * file, so verifying a long journal does not encode every body back from text (the same bytes are
 * hashed, so the same hash results; a test holds the two functions equal).
 */
export function hashEntryWithBodyBytes(entry: UnsignedEntry, bodyBytes: Uint8Array): string {
  const { v, seq, ts, prev } = entry;
  const rest = `,"prev":${JSON.stringify(prev)},"seq":${JSON.stringify(seq)},"ts":${JSON.stringify(ts)},"v":${JSON.stringify(v)}}`;
  const size = BODY_HEAD.length + bodyBytes.length + rest.length * 3;
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
  scratch.set(BODY_HEAD, 0);
  scratch.set(bodyBytes, BODY_HEAD.length);
  const { written } = encoder.encodeInto(rest, scratch.subarray(BODY_HEAD.length + bodyBytes.length));
  return sha256Hex(scratch.subarray(0, BODY_HEAD.length + bodyBytes.length + written));
}

/**
 * The stored line, without its newline. Field order follows the spec for readability; the body is
 * written in canonical form so that reading it back and re-canonicalizing gives the same bytes,
 * which lets the verifier demand byte-exact lines (any edit at all is detected).
 */
export function formatEntryLine(entry: JournalEntry, canonicalBody: string = canonicalJson(entry.body)): string {
  return (
    `{"v":${entry.v},"seq":${entry.seq},"ts":${JSON.stringify(entry.ts)},` +
    `"prev":"${entry.prev}","body":${canonicalBody},"hash":"${entry.hash}"}`
  );
}

export interface SealedEntry {
  readonly entry: JournalEntry;
  readonly line: string;
}

/**
 * Builds the entries that follow `head`, each chained to the one before. The returned entry holds
 * the body as it will read back from disk (parsed from its canonical text), not the caller's object,
 * so what the caller sees is exactly what was recorded.
 */
export function sealEntries(head: JournalHead, ts: string, bodies: readonly unknown[]): readonly SealedEntry[] {
  const sealed: SealedEntry[] = [];
  let { seq, hash: prev } = head;
  for (const body of bodies) {
    const canonicalBody = canonicalJson(body);
    seq += 1;
    const unsigned: UnsignedEntry = { v: JOURNAL_VERSION, seq, ts, prev, body: JSON.parse(canonicalBody) };
    const entry: JournalEntry = { ...unsigned, hash: hashEntry(unsigned, canonicalBody) };
    sealed.push({ entry, line: formatEntryLine(entry, canonicalBody) });
    prev = entry.hash;
  }
  return sealed;
}

/**
 * Checks the hashes of a journal's lines on a second core, while the main thread parses them.
 *
 * Hashing 100k entries costs the main thread ~0.4 s (per-call overhead and building each hash input,
 * several times the SHA-256 itself). A worker thread does it here, straight from the file's bytes,
 * in parallel with the parse that verification and the fold need anyway. The worker only ever says
 * "this line's hash matches its contents" for a line in the exact layout the journal writes; the
 * verifier trusts that only for lines whose layout it has itself confirmed, so the two agree by
 * construction (the same bytes are hashed in the same order), and hashes it computes itself for
 * everything else. If the worker cannot start, fails or is slow, the verifier hashes every line
 * itself: the worker can make verification faster, never weaker.
 *
 * The worker's code is a string run with `eval`, not a module file: it then loads the same way under
 * the TypeScript loader (CLI, tests), in the bundled Electron main process and from inside app.asar,
 * where a worker file would need a loader or a path of its own. It uses nothing but node:crypto.
 */
import { Worker } from 'node:worker_threads';
import { HASH_DOMAIN_TAG, JOURNAL_VERSION } from './entry.ts';

/** Below this the worker's start-up (~30 ms) costs more than it saves. */
export const PARALLEL_HASHING_MIN_BYTES = 2 * 1024 * 1024;
/** Journal lines are far longer than this, so the results array always has room for every line. */
const MIN_LINE_BYTES = 64;

const RUNNING = 0;
const DONE = 1;
const FAILED = 2;

/**
 * Per line: 1 when the line has the journal's exact layout and its stored hash matches its
 * contents; 0 when it does not or was not checked. Plain JavaScript (see the header).
 */
const WORKER_SOURCE = String.raw`
'use strict';
const { workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const { bytes, results, status, tag, version } = workerData;
const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const flags = new Uint8Array(results);
const state = new Int32Array(status);
const HEAD = Buffer.from('{"v":' + version + ',"seq":', 'latin1');
const HASH_INPUT_HEAD = Buffer.from(tag + '{"body":', 'utf8');
const oneShot = typeof crypto.hash === 'function';
let scratch = Buffer.allocUnsafe(1 << 16);

function isHex(start) {
  for (let i = start; i < start + 64; i++) {
    const c = file[i];
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

function expect(text, at) {
  for (let i = 0; i < text.length; i++) if (file[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function checkLine(start, end) {
  if (end - start < 160 || file.compare(HEAD, 0, HEAD.length, start, start + HEAD.length) !== 0) return 0;
  let at = start + HEAD.length;
  const seqStart = at;
  while (at < end && file[at] >= 0x30 && file[at] <= 0x39) at++;
  const seqEnd = at;
  if (seqEnd === seqStart || seqEnd - seqStart > 15 || (file[seqStart] === 0x30)) return 0;
  if (!expect(',"ts":"', at)) return 0;
  at += 7;
  const tsStart = at;
  while (at < end && file[at] !== 0x22) {
    if (file[at] === 0x5c || file[at] > 0x7e || file[at] < 0x20) return 0; // only plain ASCII timestamps
    at++;
  }
  const tsEnd = at;
  if (!expect('","prev":"', at)) return 0;
  at += 10;
  const prevStart = at;
  if (!isHex(prevStart)) return 0;
  at += 64;
  if (!expect('","body":', at)) return 0;
  at += 9;
  const bodyStart = at;
  const tail = end - 75;
  if (tail <= bodyStart || !expect(',"hash":"', tail) || !isHex(tail + 9) || !expect('"}', end - 2)) return 0;
  const bodyLength = tail - bodyStart;
  const rest = ',"prev":"' + file.toString('latin1', prevStart, prevStart + 64) + '","seq":' + file.toString('latin1', seqStart, seqEnd) +
    ',"ts":"' + file.toString('latin1', tsStart, tsEnd) + '","v":' + version + '}';
  const size = HASH_INPUT_HEAD.length + bodyLength + rest.length;
  if (scratch.length < size) scratch = Buffer.allocUnsafe(size * 2);
  HASH_INPUT_HEAD.copy(scratch, 0);
  file.copy(scratch, HASH_INPUT_HEAD.length, bodyStart, tail);
  scratch.write(rest, HASH_INPUT_HEAD.length + bodyLength, 'latin1');
  const input = scratch.subarray(0, size);
  const digest = oneShot ? crypto.hash('sha256', input, 'hex') : crypto.createHash('sha256').update(input).digest('hex');
  return digest === file.toString('latin1', tail + 9, tail + 73) ? 1 : 0;
}

try {
  let start = 0;
  for (let line = 0; line < flags.length && start < file.length; line++) {
    const newline = file.indexOf(0x0a, start);
    if (newline === -1) break; // an unterminated last line is the main thread's to judge
    flags[line] = checkLine(start, newline);
    start = newline + 1;
  }
  Atomics.store(state, 0, ${DONE});
} catch {
  Atomics.store(state, 0, ${FAILED});
}
Atomics.notify(state, 0);
`;

export interface LineHashing {
  /**
   * Blocks until the worker is done; then, per line index, whether the worker confirmed its hash.
   * null when the worker failed or took too long: the caller then hashes every line itself.
   */
  wait(): Uint8Array | null;
}

/**
 * Starts hashing `bytes` on a worker thread. Call `started()` before blocking on `wait()`: a worker
 * that fails to start reports it through the event loop, which a blocked thread never runs.
 */
export function startLineHashing(bytes: Uint8Array): { readonly started: () => Promise<LineHashing | null> } {
  const none = { started: () => Promise.resolve(null) };
  if (bytes.length < PARALLEL_HASHING_MIN_BYTES) return none;
  let worker: Worker;
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  const results = new SharedArrayBuffer(Math.ceil(bytes.length / MIN_LINE_BYTES) + 1);
  const status = new SharedArrayBuffer(4);
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bytes: shared, results, status, tag: HASH_DOMAIN_TAG, version: JOURNAL_VERSION } });
  } catch {
    return none;
  }
  const online = new Promise<boolean>((resolve) => {
    worker.once('online', () => resolve(true));
    worker.once('error', () => resolve(false));
  });
  // A hung worker must not hang the open: past this the main thread hashes everything itself.
  // Generous (10 MB/s, where the worker hashes ~200 MB/s), since a busy machine slows it too.
  const waitLimitMs = 5_000 + bytes.length / 10_000;
  const hashing: LineHashing = {
    wait() {
      const state = new Int32Array(status);
      if (Atomics.load(state, 0) === RUNNING) Atomics.wait(state, 0, RUNNING, waitLimitMs);
      const done = Atomics.load(state, 0) === DONE;
      void worker.terminate();
      return done ? new Uint8Array(results) : null;
    },
  };
  return {
    started: async () => {
      const ok = await online;
      worker.unref(); // it must not keep a closing process alive
      if (ok) return hashing;
      void worker.terminate();
      return null;
    },
  };
}

/** A small seeded PRNG, so every failure found by a randomized test can be replayed from its seed. */

export interface Random {
  readonly seed: number;
  /** [0, 1) */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    bytes: (length) => Uint8Array.from({ length }, () => int(0, 255)),
  };
}

/** The seed for a suite: SITROOM_SEED when set (to replay), otherwise fresh; always printed. */
export function suiteSeed(): number {
  const fromEnv = Number(process.env['SITROOM_SEED']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** How many runs a reliability test makes: SITROOM_RELIABILITY_RUNS, else the CI size. */
export function reliabilityRuns(ciSize: number): number {
  const fromEnv = Number(process.env['SITROOM_RELIABILITY_RUNS']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : ciSize;
}

const encoder = new TextEncoder();

const FRAGMENTS = [
  '{',
  '}',
  '"}',
  ']}',
  '\n',
  '\n\n',
  '{"v":1,',
  '"seq":',
  '"hash":"',
  '"body":{"type":"decision-recorded"',
  ',"prev":"',
  '\u0000\u0000\u0000\u0000',
  '{"v":1,"seq":2}\n',
  '[1,2,3]\n',
  'null\n',
  '"ts":"2026-01-01T00:00:00.000Z"',
];

function hex(random: Random, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += '0123456789abcdef'.charAt(random.int(0, 15));
  return s;
}

/**
 * Crash-like garbage: random bytes with plenty of newlines, JSON-looking fragments, zero runs, and
 * whole entry-shaped lines whose hashes do not chain (what a confused writer might leave).
 */
export function garbage(random: Random, maxLength: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let length = 0;
  const target = random.int(1, maxLength);
  while (length < target) {
    const kind = random.int(0, 5);
    let part: Uint8Array;
    if (kind === 0) {
      part = random.bytes(random.int(1, 40)).map((b) => (random.next() < 0.1 ? 0x0a : b));
    } else if (kind === 1) {
      part = encoder.encode(random.pick(FRAGMENTS));
    } else if (kind === 2) {
      part = new Uint8Array(random.int(1, 64));
    } else if (kind === 3) {
      const line =
        `{"v":1,"seq":${random.int(1, 50)},"ts":"2026-01-01T00:00:00.000Z","prev":"${hex(random, 64)}",` +
        `"body":{"type":"x"},"hash":"${hex(random, 64)}"}\n`;
      part = encoder.encode(line);
    } else if (kind === 4) {
      part = encoder.encode('\n');
    } else {
      part = encoder.encode(String.fromCharCode(...Array.from({ length: random.int(1, 20) }, () => random.int(32, 126))));
    }
    parts.push(part);
    length += part.length;
  }
  return concatBytes(parts).subarray(0, target);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

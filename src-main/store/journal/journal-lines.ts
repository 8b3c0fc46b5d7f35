/**
 * A journal file split into its lines, decoded, each knowing its byte offsets — what the verifier
 * (verify.ts) walks. Kept apart because how the bytes are cut matters for speed (one decode of the
 * whole file) and for exactness (a damaged file is cut byte by byte so a bad line is located exactly).
 */

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export interface RawLine {
  /** undefined when the bytes are not valid UTF-8. */
  readonly text: string | undefined;
  /** The line decoded with replacement characters, for searching damaged lines. */
  readonly lossy: () => string;
  /** false for a final line with no newline: its write may have been cut off. */
  readonly terminated: boolean;
  /** Byte offset just after this line (and its newline). */
  readonly end: () => number;
  /** The line's UTF-8 bytes (without its newline), when the line came from a file. */
  readonly bytes?: () => Uint8Array;
}

/**
 * Lines of a journal, decoded. The common case — the whole file is valid UTF-8 — decodes once and
 * splits the text (per-line decoding and its garbage were a large share of open time); byte offsets
 * are then counted from the text. Any invalid byte falls back to decoding line by line, so a
 * damaged line is located exactly.
 */
export function splitLines(bytes: Uint8Array): RawLine[] {
  let whole: string;
  try {
    whole = utf8.decode(bytes);
  } catch {
    return splitLinesByBytes(bytes);
  }
  // Valid UTF-8 never holds a 0x0a byte inside a multi-byte character, so the k-th newline of the
  // text is the k-th newline byte of the file: byte offsets come from a native search, not a count.
  const lines: RawLine[] = [];
  let start = 0;
  let byteStart = 0;
  while (start < whole.length) {
    const newline = whole.indexOf('\n', start);
    const terminated = newline !== -1;
    const stop = terminated ? newline + 1 : whole.length;
    const byteNewline = terminated ? bytes.indexOf(NEWLINE, byteStart) : bytes.length;
    const text = whole.slice(start, terminated ? newline : whole.length);
    lines.push(new TextLine(bytes, text, terminated, byteStart, byteNewline));
    start = stop;
    byteStart = terminated ? byteNewline + 1 : bytes.length;
  }
  return lines;
}

/**
 * A line of a file that decoded as a whole. A class, not an object of closures: a 100k-entry journal
 * makes 100k of these, and two closures each were a measurable share of the garbage.
 */
class TextLine implements RawLine {
  constructor(
    private readonly file: Uint8Array,
    readonly text: string,
    readonly terminated: boolean,
    private readonly byteStart: number,
    /** Offset of this line's newline (or of the file's end). */
    private readonly byteStop: number,
  ) {}
  lossy(): string {
    return this.text;
  }
  end(): number {
    return this.terminated ? this.byteStop + 1 : this.byteStop;
  }
  bytes(): Uint8Array {
    return this.file.subarray(this.byteStart, this.byteStop);
  }
}

function splitLinesByBytes(bytes: Uint8Array): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, start);
    const terminated = newline !== -1;
    const stop = terminated ? newline : bytes.length;
    const raw = bytes.subarray(start, stop);
    let text: string | undefined;
    try {
      text = utf8.decode(raw);
    } catch {
      text = undefined;
    }
    const end = terminated ? newline + 1 : bytes.length;
    lines.push({ text, terminated, end: () => end, lossy: () => text ?? lossyUtf8.decode(raw), bytes: () => raw });
    start = end;
  }
  return lines;
}

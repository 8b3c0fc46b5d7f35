/**
 * Turns the raw bytes of a scenario file into text, refusing what a planner's editor might have
 * produced by mistake (UTF-16, broken UTF-8, a binary file) with a message that says how to fix it.
 */

export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly offset: number };

export function decodeScenarioBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_SCENARIO_BYTES) {
    const mib = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      offset: 0,
      message: `the file is ${mib} MiB; a scenario may be at most 2 MiB — split long texts or remove embedded data`,
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, offset: 0, message: 'the file is saved as UTF-16; save it as UTF-8' };
  }
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt !== undefined) {
    return {
      ok: false,
      offset: invalidAt,
      message: `the file is not valid UTF-8 (byte ${invalidAt}); save it as UTF-8`,
    };
  }
  // A UTF-8 byte-order mark is what Windows editors add; it carries no meaning, so drop it.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return { ok: false, offset: nul + start, message: 'the file contains a NUL byte; it looks like a binary file, not YAML' };
  }
  return { ok: true, text };
}

/** Byte offset of the first invalid UTF-8 sequence (overlongs and surrogates included), if any. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return undefined;
}

/** 1-based line and column of a byte offset, for messages about bytes that are not text. */
export function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * Join codes and seat tokens. A join code is what a person types from the projector: 8 characters
 * of Crockford's base32 (no I, L, O, U; 40 random bits), shown as `ABCD-EFGH`, read forgivingly
 * (lower case, spaces, dashes, O for 0, I or L for 1). A token is what the browser keeps afterwards:
 * 256 random bits in an HttpOnly cookie. Only SHA-256 hashes of either are ever stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;
export const CODE_BITS = CODE_LENGTH * 5;

/** A fresh code: 5 random bytes = 40 bits, read 5 bits at a time (no modulo bias). */
export function newJoinCode(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = CODE_LENGTH - 1; i >= 0; i--) code += CODE_ALPHABET.charAt(Number((bits >> BigInt(i * 5)) & 31n));
  return code;
}

/** `ABCDEFGH` → `ABCD-EFGH`, for the screen. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the person typed → the canonical code, or null when it cannot be one. */
export function normalizeJoinCode(typed: string): string | null {
  if (typed.length > 40) return null;
  const upper = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (upper.length !== CODE_LENGTH) return null;
  for (const c of upper) if (!CODE_ALPHABET.includes(c)) return null;
  return upper;
}

/** A session token: 32 random bytes, base64url (43 characters, cookie-safe). */
export function newSeatToken(random: (n: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(32)).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time (lengths are public: both are SHA-256). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

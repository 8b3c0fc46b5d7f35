/**
 * Errors cross every boundary as data (style.md §8): `{ ok: true, value }` or
 * `{ ok: false, error: { code, message } }`, where the message tells a person what happened and
 * what to do. The same shape goes over Electron IPC and over HTTP.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'bad-request',
  'forbidden',
  'not-found',
  'refused',
  'not-recorded',
  'read-only',
  'invalid-scenario',
  'conflict',
  'too-large',
  'rate-limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const AppErrorSchema = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string().max(4_000) });
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.union([z.strictObject({ ok: z.literal(true), value }), z.strictObject({ ok: z.literal(false), error: AppErrorSchema })]);
}

/**
 * A command either produces events or is refused with a reason. Refusals are data, not throws, so
 * they cross the IPC/HTTP boundary unchanged (style.md, convention 8).
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

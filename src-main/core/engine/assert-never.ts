/**
 * Exhaustiveness and invariant helpers. A failed invariant is a bug in Sitroom, never a user error:
 * user errors are returned as `EngineError` values instead.
 */

/** Ends every exhaustive switch: adding a union member without handling it fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Engine invariant failed: ${message}`);
}

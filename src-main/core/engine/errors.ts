/**
 * Domain errors: a stable code for programs and a plain message for the person who sent the
 * command. Each message says what is wrong and what to do instead.
 */

export const ENGINE_ERROR_CODES = [
  'invalid-context',
  'invalid-command',
  'not-created',
  'already-created',
  'scenario-mismatch',
  'not-started',
  'already-started',
  'ended',
  'not-paused',
  'already-paused',
  'not-stepped',
  'unknown-cell',
  'unknown-participant',
  'unknown-evaluator',
  'unknown-inject',
  'unknown-decision-point',
  'unknown-option',
  'unknown-task',
  'unknown-target',
  'unknown-capability',
  'unknown-service',
  'unknown-metric',
  'unknown-headquarters',
  'unknown-event',
  'duplicate-id',
  'inject-not-pending',
  'inject-not-released',
  'inject-locked',
  'inject-cancelled',
  'inject-held',
  'inject-not-held',
  'not-visible',
  'already-acknowledged',
  'cell-not-deciding',
  'decision-not-open',
  'decision-already-recorded',
  'no-change',
  'hq-already-active',
  'hq-not-active',
  'not-control',
  'not-correctable',
  'already-retracted',
  'amend-type-mismatch',
  'amend-changes-point',
  'aar-final',
  'aar-not-ended',
  'unknown-aar-item',
  'aar-item-in-use',
] as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
}

export function engineError(code: EngineErrorCode, message: string): EngineError {
  return { code, message };
}

/**
 * Retracting or amending an earlier event. Only what a person recorded can be corrected; what the
 * clock did (releases, expiries, missed deadlines) and the lifecycle steps are facts of the
 * session and stay as they are. A decision's amendment may fix the cell, the option, the text or
 * the rationale, but not which decision point it answers: retract it and record the right one.
 */
import type { Command } from './commands.ts';
import { findEvent } from './corrections.ts';
import { engineError } from './errors.ts';
import { isCorrectable } from './events.ts';
import { inPhase } from './guards.ts';
import type { Recorder } from './recorder.ts';
import { own } from './records.ts';
import { correctableBody, first, text, type Check } from './validate.ts';

type CorrectionCommand = Extract<Command, { type: 'retract-event' | 'amend-event' }>;

export function decideCorrection(rec: Recorder, command: CorrectionCommand): Check {
  const state = rec.state;
  const target = Number.isSafeInteger(command.target) ? findEvent(state.log, command.target) : undefined;
  const failure = first(
    () => inPhase(state, 'planned', 'conduct', 'ended'),
    () => text(command.reason, 'reason for the correction', { required: true }),
    () => (target ? null : engineError('unknown-event', `There is no event #${command.target} in this exercise.`)),
    () =>
      target && isCorrectable(target.type)
        ? null
        : engineError(
            'not-correctable',
            `Event #${command.target} (${target?.type ?? 'unknown'}) records what the clock or the facilitator did to the session and cannot be corrected.`,
          ),
    () =>
      own(state.corrections, String(command.target))?.kind === 'retracted'
        ? engineError('already-retracted', `Event #${command.target} has already been retracted.`)
        : null,
  );
  if (failure || !target) return failure;
  if (command.type === 'retract-event') {
    rec.emit({ type: 'event-retracted', target: command.target, reason: command.reason });
    return null;
  }
  const payload = command.payload;
  const amendFailure = first(
    () =>
      payload.type === target.type
        ? null
        : engineError(
            'amend-type-mismatch',
            `Event #${command.target} is a ${target.type}; an amendment must be one too.`,
          ),
    () => correctableBody(state, payload),
    () => {
      if (target.type !== 'decision-recorded' || payload.type !== 'decision-recorded') return null;
      const before = target.choice?.point ?? null;
      const after = payload.choice?.point ?? null;
      return before === after
        ? null
        : engineError(
            'amend-changes-point',
            'An amendment cannot move a decision to another decision point: retract it and record the right decision.',
          );
    },
  );
  if (amendFailure) return amendFailure;
  rec.emit({ type: 'event-amended', target: command.target, reason: command.reason, payload });
  return null;
}

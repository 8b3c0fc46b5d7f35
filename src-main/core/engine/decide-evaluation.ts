/**
 * Evaluators' observations and P/S/M/U ratings, the hot wash, participant feedback and the control
 * cell's log. These are allowed after EndEx too: evaluation and the hot wash follow play.
 */
import { assertNever } from './assert-never.ts';
import type { Command } from './commands.ts';
import { controlOnly, inPhase } from './guards.ts';
import type { Recorder } from './recorder.ts';
import { correctableBody, first, type Check } from './validate.ts';
import { payloadOf } from './records.ts';

type EvaluationCommand = Extract<
  Command,
  { type: 'record-observation' | 'rate-target' | 'add-hotwash-note' | 'record-feedback' | 'add-control-log' }
>;

export function decideEvaluation(rec: Recorder, command: EvaluationCommand): Check {
  const state = rec.state;
  switch (command.type) {
    case 'record-observation': {
      const payload = payloadOf(command);
      const body = { type: 'observation-recorded', ...payload } as const;
      return record(
        rec,
        first(
          () => inPhase(state, 'conduct', 'ended'),
          () => correctableBody(state, body),
        ),
        body,
      );
    }
    case 'rate-target': {
      const payload = payloadOf(command);
      const body = { type: 'target-rated', ...payload } as const;
      return record(
        rec,
        first(
          () => inPhase(state, 'conduct', 'ended'),
          () => correctableBody(state, body),
        ),
        body,
      );
    }
    case 'add-hotwash-note': {
      const payload = payloadOf(command);
      const body = { type: 'hotwash-note-added', ...payload } as const;
      return record(
        rec,
        first(
          () => inPhase(state, 'conduct', 'ended'),
          () => correctableBody(state, body),
        ),
        body,
      );
    }
    case 'record-feedback': {
      const payload = payloadOf(command);
      const body = { type: 'feedback-recorded', ...payload } as const;
      return record(
        rec,
        first(
          () => inPhase(state, 'conduct', 'ended'),
          () => correctableBody(state, body),
        ),
        body,
      );
    }
    case 'add-control-log': {
      const payload = payloadOf(command);
      const body = { type: 'control-log-added', ...payload } as const;
      const failure = first(
        () => inPhase(state, 'planned', 'conduct', 'ended'),
        () => controlOnly(state, rec.ctx.actor.cell, 'write in the control log'),
        () => correctableBody(state, body),
      );
      return record(rec, failure, body);
    }
    default:
      return assertNever(command, 'command');
  }
}

function record(rec: Recorder, failure: Check, body: Parameters<Recorder['emit']>[0]): Check {
  if (failure) return failure;
  rec.emit(body);
  return null;
}

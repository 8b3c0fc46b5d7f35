/**
 * `decide(command, state, ctx)`: the events a command causes, or why it is refused.
 *
 * Around every command the engine first brings the exercise up to the scenario time of
 * `ctx.now` (releasing what fell due since the last tick, in due-time order) and afterwards
 * once more (the command itself may have made something due: an un-held overdue inject, an
 * unlocked branch). So the log stays in scenario-time order even when the ticker was late, and
 * `tick` is just a command with nothing else to do.
 */
import { assertNever } from './assert-never.ts';
import { catchUp } from './catch-up.ts';
import { borrowing } from './records.ts';
import { isConducting } from './clock.ts';
import type { Command, DecideContext } from './commands.ts';
import { decideCorrection } from './decide-corrections.ts';
import { decideEvaluation } from './decide-evaluation.ts';
import { decideInjects } from './decide-injects.ts';
import { decideLifecycle } from './decide-lifecycle.ts';
import { decidePlay } from './decide-play.ts';
import { decideReport } from './decide-report.ts';
import { engineError, type EngineError } from './errors.ts';
import type { ExerciseEvent } from './events.ts';
import { recorder, type Recorder } from './recorder.ts';
import { err, ok, type Result } from './result.ts';
import type { ExerciseState } from './state.ts';
import type { Check } from './validate.ts';

/** The latest instant a JavaScript Date can represent. */
const MAX_WALL_MS = 8.64e15;

function checkContext(ctx: DecideContext): Check {
  if (!Number.isSafeInteger(ctx.now) || ctx.now < 0 || ctx.now > MAX_WALL_MS) {
    return engineError('invalid-context', 'The command has no valid wall time.');
  }
  const { person, cell } = ctx.actor;
  if (typeof person !== 'string' || person.length === 0 || typeof cell !== 'string' || cell.length === 0) {
    return engineError('invalid-context', 'The command does not say who sent it.');
  }
  return null;
}

function handle(rec: Recorder, command: Command): Check {
  switch (command.type) {
    case 'create-exercise':
    case 'start-exercise':
    case 'pause-clock':
    case 'resume-clock':
    case 'set-clock-pace':
    case 'step-clock':
    case 'tick':
    case 'end-exercise':
      return decideLifecycle(rec, command);
    case 'release-inject':
    case 'hold-inject':
    case 'unhold-inject':
    case 'skip-inject':
    case 'release-adhoc-inject':
    case 'acknowledge-inject':
    case 'share-inject':
      return decideInjects(rec, command);
    case 'record-decision':
    case 'log-action':
    case 'set-alert-level':
    case 'activate-hq':
    case 'deactivate-hq':
      return decidePlay(rec, command);
    case 'record-observation':
    case 'rate-target':
    case 'add-hotwash-note':
    case 'record-feedback':
    case 'add-control-log':
      return decideEvaluation(rec, command);
    case 'save-aar-item':
    case 'remove-aar-item':
    case 'finalise-aar':
    case 'reopen-aar':
      return decideReport(rec, command);
    case 'retract-event':
    case 'amend-event':
      return decideCorrection(rec, command);
    default:
      return assertNever(command, 'command');
  }
}

export function decide(
  command: Command,
  state: ExerciseState,
  ctx: DecideContext,
): Result<readonly ExerciseEvent[], EngineError> {
  const invalid = checkContext(ctx);
  if (invalid) return err(invalid);
  // decide folds its own events onto the caller's state to check what follows from them; borrowing
  // lets that working fold grow lists in place and cuts them back on return, so the caller's state
  // is untouched without a copy of the whole log per event (ADR 004, "Folding fast").
  return borrowing(() => {
    const rec = recorder(state, ctx);
    if (isConducting(rec.state.clock)) catchUp(rec, rec.now());
    const failure = handle(rec, command);
    if (failure) return err(failure);
    if (isConducting(rec.state.clock)) catchUp(rec, rec.now());
    return ok(rec.events);
  });
}

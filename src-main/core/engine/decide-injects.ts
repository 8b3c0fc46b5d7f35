/**
 * The facilitator's and controllers' hands on the MSEL: release now, hold, un-hold, skip, ad-hoc
 * injects; and the cells' acknowledging and sharing of what they received.
 */
import { assertNever } from './assert-never.ts';
import { CHANNELS } from '../scenario/schema.ts';
import { Id, LIMITS } from '../scenario/text.ts';
import { formatScenarioTime } from '../time.ts';
import type { Command } from './commands.ts';
import { engineError } from './errors.ts';
import { controlOnly, inPhase, notPending, releasedInject, visibleTo } from './guards.ts';
import { planOf } from './plan.ts';
import type { Recorder } from './recorder.ts';
import { own, payloadOf } from './records.ts';
import type { ExerciseState, InjectRuntime } from './state.ts';
import { cell, correctableBody, effects, first, text, unknownInject, type Check } from './validate.ts';

type InjectCommand = Extract<
  Command,
  {
    type:
      | 'release-inject'
      | 'hold-inject'
      | 'unhold-inject'
      | 'skip-inject'
      | 'release-adhoc-inject'
      | 'acknowledge-inject'
      | 'share-inject';
  }
>;

function scenarioInject(state: ExerciseState, id: string): InjectRuntime | undefined {
  return planOf(state.scenario).injects.has(id) ? own(state.injects, id) : undefined;
}

function checkAdhoc(rec: Recorder, command: Extract<Command, { type: 'release-adhoc-inject' }>): Check {
  const state = rec.state;
  const inject = command.inject;
  return first(
    () => inPhase(state, 'conduct'),
    () => controlOnly(state, rec.ctx.actor.cell, 'write an ad-hoc inject'),
    () =>
      Id.safeParse(inject.id).success
        ? null
        : engineError(
            'invalid-command',
            'An inject id starts with a letter and uses only letters, digits, "_", "-" and "."',
          ),
    () =>
      own(state.injects, inject.id) === undefined
        ? null
        : engineError('duplicate-id', `An inject "${inject.id}" already exists; give the new one another id.`),
    () => text(inject.title, 'title', { required: true, max: LIMITS.shortText }),
    () => text(inject.body, 'message', { required: true }),
    () =>
      (CHANNELS as readonly string[]).includes(inject.channel)
        ? null
        : engineError('invalid-command', `Deliver it by ${CHANNELS.join(', ')}.`),
    () => cell(state, inject.from),
    () =>
      inject.to.length === 0
        ? engineError('invalid-command', 'Address the inject to at least one cell, or to "all".')
        : null,
    () => inject.to.map((c) => (c === 'all' ? null : cell(state, c))).find((c) => c !== null) ?? null,
    () =>
      inject.visibility === 'addressed' || inject.visibility === 'public'
        ? null
        : engineError('invalid-command', 'Visibility is "addressed" or "public".'),
    () => (inject.marking === null ? null : text(inject.marking, 'marking', { max: LIMITS.shortText })),
    () => effects(state, inject.effects),
  );
}

export function decideInjects(rec: Recorder, command: InjectCommand): Check {
  const state = rec.state;
  switch (command.type) {
    case 'release-inject': {
      const phase = inPhase(state, 'conduct');
      if (phase) return phase;
      const runtime = scenarioInject(state, command.inject);
      if (!runtime) {
        return own(state.adhoc, command.inject)
          ? engineError('inject-not-pending', `Ad-hoc inject "${command.inject}" was released when it was written.`)
          : unknownInject(command.inject);
      }
      // A skipped inject may still be released by hand: skipping only takes it off the schedule.
      if (runtime.status.kind !== 'skipped') {
        const failure = notPending(command.inject, runtime);
        if (failure) return failure;
      }
      if (runtime.locked) {
        return engineError(
          'inject-locked',
          `Inject "${command.inject}" belongs to a branch no decision has opened yet. Write an ad-hoc inject instead if play needs it.`,
        );
      }
      rec.emit({ type: 'inject-released', inject: command.inject, manual: true });
      return null;
    }
    case 'hold-inject':
    case 'skip-inject': {
      const phase = inPhase(state, 'planned', 'conduct');
      if (phase) return phase;
      const runtime = scenarioInject(state, command.inject);
      if (!runtime) return unknownInject(command.inject);
      const failure = first(
        () => notPending(command.inject, runtime),
        () => text(command.reason, 'reason', { max: LIMITS.shortText }),
        () =>
          command.type === 'hold-inject' && runtime.held
            ? engineError(
                'inject-held',
                `Inject "${command.inject}" is already on hold since ${formatScenarioTime(runtime.held.since)}.`,
              )
            : null,
      );
      if (failure) return failure;
      rec.emit(
        command.type === 'hold-inject'
          ? { type: 'inject-held', inject: command.inject, reason: command.reason }
          : { type: 'inject-skipped', inject: command.inject, reason: command.reason },
      );
      return null;
    }
    case 'unhold-inject': {
      const phase = inPhase(state, 'planned', 'conduct');
      if (phase) return phase;
      const runtime = scenarioInject(state, command.inject);
      if (!runtime) return unknownInject(command.inject);
      if (!runtime.held) return engineError('inject-not-held', `Inject "${command.inject}" is not on hold.`);
      rec.emit({ type: 'inject-unheld', inject: command.inject });
      return null;
    }
    case 'release-adhoc-inject': {
      const failure = checkAdhoc(rec, command);
      if (failure) return failure;
      rec.emit({ type: 'adhoc-inject-released', inject: command.inject });
      return null;
    }
    case 'acknowledge-inject': {
      const payload = payloadOf(command);
      const failure = first(
        () => inPhase(state, 'conduct'),
        () => correctableBody(state, { type: 'inject-acknowledged', ...payload }),
        () => releasedInject(state, payload.inject),
        () => (visibleTo(state, payload.inject, payload.cell) ? null : notVisible(payload.inject, payload.cell)),
        () =>
          own(state.injects, payload.inject)?.acknowledgements.some((a) => a.cell === payload.cell)
            ? engineError(
                'already-acknowledged',
                `Cell "${payload.cell}" has already acknowledged inject "${payload.inject}".`,
              )
            : null,
      );
      if (failure) return failure;
      rec.emit({ type: 'inject-acknowledged', ...payload });
      return null;
    }
    case 'share-inject': {
      const payload = payloadOf(command);
      const failure = first(
        () => inPhase(state, 'conduct'),
        () => correctableBody(state, { type: 'inject-shared', ...payload }),
        () => releasedInject(state, payload.inject),
        () =>
          visibleTo(state, payload.inject, payload.fromCell) ? null : notVisible(payload.inject, payload.fromCell),
      );
      if (failure) return failure;
      rec.emit({ type: 'inject-shared', ...payload });
      return null;
    }
    default:
      return assertNever(command, 'command');
  }
}

function notVisible(inject: string, cellId: string): ReturnType<typeof engineError> {
  return engineError('not-visible', `Cell "${cellId}" has not received inject "${inject}".`);
}

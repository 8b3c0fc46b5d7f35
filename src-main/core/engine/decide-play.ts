/**
 * What the cells do in play: decide, act, raise the alert level, stand up headquarters.
 */
import { assertNever } from './assert-never.ts';
import { formatScenarioTime } from '../time.ts';
import type { Command } from './commands.ts';
import { engineError } from './errors.ts';
import { inPhase } from './guards.ts';
import type { Recorder } from './recorder.ts';
import { own, payloadOf } from './records.ts';
import type { ExerciseState } from './state.ts';
import { correctableBody, first, type Check } from './validate.ts';

type PlayCommand = Extract<
  Command,
  { type: 'record-decision' | 'log-action' | 'set-alert-level' | 'activate-hq' | 'deactivate-hq' }
>;

function pointOpen(state: ExerciseState, point: string): Check {
  const decision = own(state.decisions, point);
  switch (decision?.kind) {
    case undefined:
      return engineError('unknown-decision-point', `There is no decision point "${point}".`);
    case 'open':
      return null;
    case 'closed':
      return engineError(
        'decision-not-open',
        `Decision point "${point}" opens when its inject is released; it has not been yet.`,
      );
    case 'decided':
      return engineError(
        'decision-already-recorded',
        `Decision point "${point}" was decided at ${formatScenarioTime(decision.at)} (event #${decision.seq}). To change it, amend that event.`,
      );
    case 'expired':
      return engineError(
        'decision-not-open',
        `Decision point "${point}" expired at ${formatScenarioTime(decision.at)} and took its default "${decision.option}". Record what the cell decided as a free-text decision.`,
      );
    default:
      return assertNever(decision, 'decision state');
  }
}

export function decidePlay(rec: Recorder, command: PlayCommand): Check {
  const state = rec.state;
  switch (command.type) {
    case 'record-decision': {
      const payload = payloadOf(command);
      const failure = first(
        () => inPhase(state, 'conduct'),
        () => correctableBody(state, { type: 'decision-recorded', ...payload }),
        () => (payload.choice === null ? null : pointOpen(state, payload.choice.point)),
      );
      if (failure) return failure;
      rec.emit({ type: 'decision-recorded', ...payload });
      return null;
    }
    case 'log-action': {
      const payload = payloadOf(command);
      const failure = first(
        () => inPhase(state, 'conduct'),
        () => correctableBody(state, { type: 'action-logged', ...payload }),
      );
      if (failure) return failure;
      rec.emit({ type: 'action-logged', ...payload });
      return null;
    }
    case 'set-alert-level': {
      const payload = payloadOf(command);
      const failure = first(
        () => inPhase(state, 'conduct'),
        () => correctableBody(state, { type: 'alert-level-changed', ...payload }),
        () =>
          state.alert.level === payload.level
            ? engineError('no-change', `The alert level is already "${payload.level}".`)
            : null,
      );
      if (failure) return failure;
      rec.emit({ type: 'alert-level-changed', ...payload });
      return null;
    }
    case 'activate-hq':
    case 'deactivate-hq': {
      const { type, ...payload } = command;
      const body = { type: type === 'activate-hq' ? 'hq-activated' : 'hq-deactivated', ...payload } as const;
      const failure = first(
        () => inPhase(state, 'conduct'),
        () => correctableBody(state, body),
        () => {
          const active = own(state.headquarters, payload.hq)?.active ?? false;
          if (type === 'activate-hq' && active)
            return engineError('hq-already-active', `Headquarters "${payload.hq}" is already active.`);
          if (type === 'deactivate-hq' && !active)
            return engineError('hq-not-active', `Headquarters "${payload.hq}" is not active.`);
          return null;
        },
      );
      if (failure) return failure;
      rec.emit(body);
      return null;
    }
    default:
      return assertNever(command, 'command');
  }
}

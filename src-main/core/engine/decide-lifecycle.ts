/**
 * Creating, starting and ending an exercise, and running its clock.
 */
import { assertNever } from './assert-never.ts';
import { LIMITS } from '../scenario/text.ts';
import { DAY_MS } from '../time.ts';
import { catchUp } from './catch-up.ts';
import { paceOf, type ClockPace } from './clock.ts';
import type { Command } from './commands.ts';
import { engineError } from './errors.ts';
import { inPhase } from './guards.ts';
import { planOf } from './plan.ts';
import type { Recorder } from './recorder.ts';
import { first, pace, text, type Check } from './validate.ts';
import { payloadOf } from './records.ts';

type Create = Extract<Command, { type: 'create-exercise' }>;

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A single step longer than this is almost certainly a typo (minutes typed as hours). */
export const MAX_STEP_MS = 7 * DAY_MS;

function duplicate(ids: readonly string[]): string | undefined {
  return ids.find((id, index) => ids.indexOf(id) !== index);
}

function checkSetup(rec: Recorder, command: Create): Check {
  const state = rec.state;
  const plan = planOf(state.scenario);
  return first(
    () => (state.setup === null ? null : engineError('already-created', 'This exercise has already been created.')),
    () =>
      command.scenarioId === state.scenario.id
        ? null
        : engineError(
            'scenario-mismatch',
            `The exercise names scenario "${command.scenarioId}" but runs "${state.scenario.id}".`,
          ),
    () => text(command.scenarioHash, 'scenario hash', { required: true, max: LIMITS.shortText }),
    () => text(command.title, 'title', { required: true, max: LIMITS.shortText }),
    () => (DATE_PATTERN.test(command.date) ? null : engineError('invalid-command', 'Write the date as YYYY-MM-DD.')),
    () => text(command.venue, 'venue', { max: LIMITS.shortText }),
    () => text(command.marking, 'classification marking', { required: true, max: LIMITS.shortText }),
    () =>
      command.language === 'en' || command.language === 'ko'
        ? null
        : engineError('invalid-command', 'The language is "en" or "ko".'),
    () => pace(command.clock),
    () => {
      const people = [...command.participants, ...command.evaluators];
      if (people.length > LIMITS.listLarge)
        return engineError('invalid-command', 'Too many participants and evaluators.');
      const twice = duplicate(people.map((p) => p.id));
      if (twice !== undefined)
        return engineError('duplicate-id', `Two people have the id "${twice}"; give each a different one.`);
      for (const person of people) {
        const failure = first(
          () => text(person.id, 'person id', { required: true, max: LIMITS.idLength }),
          () => text(person.name, 'name', { required: true, max: LIMITS.shortText }),
        );
        if (failure) return failure;
      }
      const stray = command.participants.find((p) => !plan.cells.has(p.cell));
      return stray === undefined
        ? null
        : engineError(
            'unknown-cell',
            `Participant "${stray.name}" is seated in cell "${stray.cell}", which this scenario does not have.`,
          );
    },
  );
}

function samePace(a: ClockPace, b: ClockPace): boolean {
  return a.mode === b.mode && (a.mode !== 'compressed' || (b.mode === 'compressed' && a.speed === b.speed));
}

export function decideLifecycle(
  rec: Recorder,
  command: Extract<
    Command,
    {
      type:
        | 'create-exercise'
        | 'start-exercise'
        | 'pause-clock'
        | 'resume-clock'
        | 'set-clock-pace'
        | 'step-clock'
        | 'tick'
        | 'end-exercise';
    }
  >,
): Check {
  const state = rec.state;
  switch (command.type) {
    case 'create-exercise': {
      const failure = checkSetup(rec, command);
      if (failure) return failure;
      const setup = payloadOf(command);
      rec.emit({ type: 'exercise-created', ...setup });
      return null;
    }
    case 'start-exercise': {
      const failure = inPhase(state, 'planned');
      if (failure) return failure;
      rec.emit({ type: 'exercise-started' }, { at: 0 });
      return null;
    }
    case 'pause-clock': {
      const failure = inPhase(state, 'conduct');
      if (failure) return failure;
      if (state.clock.kind === 'paused') return engineError('already-paused', 'The clock is already paused.');
      rec.emit({ type: 'clock-paused' });
      return null;
    }
    case 'resume-clock': {
      const failure = inPhase(state, 'conduct');
      if (failure) return failure;
      if (state.clock.kind !== 'paused') return engineError('not-paused', 'The clock is not paused.');
      rec.emit({ type: 'clock-resumed' });
      return null;
    }
    case 'set-clock-pace': {
      const failure = first(
        () => inPhase(state, 'planned', 'conduct'),
        () => pace(command.pace),
      );
      if (failure) return failure;
      const current = paceOf(state.clock) ?? state.setup?.clock;
      if (current && samePace(current, command.pace))
        return engineError('no-change', 'The clock already runs at that pace.');
      rec.emit({ type: 'clock-pace-changed', pace: command.pace });
      return null;
    }
    case 'step-clock': {
      const failure = inPhase(state, 'conduct');
      if (failure) return failure;
      if (state.clock.kind !== 'stepped') {
        return engineError(
          'not-stepped',
          state.clock.kind === 'paused'
            ? 'The clock is paused: resume it before stepping.'
            : 'The clock runs by itself; switch it to facilitator-stepped to step it.',
        );
      }
      if (!Number.isSafeInteger(command.by) || command.by <= 0 || command.by > MAX_STEP_MS) {
        return engineError('invalid-command', 'Step the clock forward by a positive duration of at most 7 days.');
      }
      const to = rec.now() + command.by;
      catchUp(rec, to);
      rec.emit({ type: 'clock-stepped', by: command.by }, { at: to });
      return null;
    }
    case 'tick':
      // The catch-up around every command does the work; a tick is a command with nothing else to do.
      return null;
    case 'end-exercise': {
      const failure = inPhase(state, 'conduct');
      if (failure) return failure;
      rec.emit({ type: 'exercise-ended' });
      return null;
    }
    default:
      return assertNever(command, 'command');
  }
}

/**
 * Checks that a payload refers only to things that exist and that its text is within bounds.
 * The same checks serve a command and an amendment of the event it recorded, so a correction can
 * never put something into the record that the command itself would have refused.
 *
 * State-dependent rules (is the decision point open? has the cell already acknowledged?) live with
 * each command in the `decide-*.ts` files.
 */
import { ALERT_LEVELS } from '../scenario/conditions.ts';
import { LIMITS } from '../scenario/text.ts';
import { assertNever } from './assert-never.ts';
import { MAX_SPEED, type ClockPace } from './clock.ts';
import { engineError, type EngineError } from './errors.ts';
import { HOTWASH_KINDS, RATINGS, type CorrectableBody, type EffectsData } from './events.ts';
import { planOf } from './plan.ts';
import type { ExerciseState } from './state.ts';

export type Check = EngineError | null;

/** The first failing check, if any. */
export function first(...checks: readonly (() => Check)[]): Check {
  for (const check of checks) {
    const failure = check();
    if (failure) return failure;
  }
  return null;
}

export function text(value: unknown, what: string, options: { required?: boolean; max?: number } = {}): Check {
  const max = options.max ?? LIMITS.longText;
  if (typeof value !== 'string') return engineError('invalid-command', `The ${what} must be text.`);
  if (options.required && value.trim().length === 0) {
    return engineError('invalid-command', `Write the ${what}; it cannot be empty.`);
  }
  if (value.length > max) {
    return engineError('invalid-command', `The ${what} is too long: at most ${max} characters.`);
  }
  return null;
}

export function cell(state: ExerciseState, id: string): Check {
  return planOf(state.scenario).cells.has(id)
    ? null
    : engineError('unknown-cell', `There is no cell "${id}" in this scenario. Pick one of its cells.`);
}

export function tasks(state: ExerciseState, ids: readonly string[]): Check {
  const plan = planOf(state.scenario);
  const missing = ids.find((id) => !plan.tasks.has(id));
  return missing === undefined
    ? null
    : engineError('unknown-task', `There is no critical task "${missing}" in this scenario.`);
}

export function evaluator(state: ExerciseState, id: string): Check {
  return state.setup?.evaluators.some((e) => e.id === id)
    ? null
    : engineError('unknown-evaluator', `"${id}" is not an evaluator of this exercise. Add them when setting it up.`);
}

export function pace(value: ClockPace): Check {
  if (value.mode !== 'compressed') return null;
  return Number.isInteger(value.speed) && value.speed >= 2 && value.speed <= MAX_SPEED
    ? null
    : engineError('invalid-command', `A compressed clock runs 2 to ${MAX_SPEED} times real time, in whole steps.`);
}

export function effects(state: ExerciseState, value: EffectsData): Check {
  const plan = planOf(state.scenario);
  const service = value.services.find((s) => !plan.serviceIds.has(s.id));
  if (service) return engineError('unknown-service', `There is no service "${service.id}" in this scenario.`);
  const metric = value.metrics.find((m) => !plan.metricIds.has(m.id) || !Number.isFinite(m.delta));
  if (metric) return engineError('unknown-metric', `There is no metric "${metric.id}" in this scenario.`);
  return null;
}

function strings(values: readonly string[], what: string): Check {
  if (values.length > LIMITS.listSmall)
    return engineError('invalid-command', `List at most ${LIMITS.listSmall} ${what}.`);
  for (const value of values) {
    const failure = text(value, what, { required: true });
    if (failure) return failure;
  }
  return null;
}

/** Static checks of a payload a person records (and may later amend). */
export function correctableBody(state: ExerciseState, body: CorrectableBody): Check {
  const plan = planOf(state.scenario);
  switch (body.type) {
    case 'decision-recorded':
      return first(
        () => cell(state, body.cell),
        () => text(body.text, 'decision', { required: body.choice === null }),
        () => text(body.rationale, 'rationale'),
        () => {
          if (body.choice === null) return null;
          const planned = plan.points.get(body.choice.point);
          if (!planned)
            return engineError('unknown-decision-point', `There is no decision point "${body.choice.point}".`);
          if (!planned.point.options.some((o) => o.id === body.choice?.option)) {
            return engineError(
              'unknown-option',
              `Decision point "${body.choice.point}" has no option "${body.choice.option}".`,
            );
          }
          return planned.point.cells.includes(body.cell)
            ? null
            : engineError(
                'cell-not-deciding',
                `Cell "${body.cell}" is not asked to decide "${body.choice.point}"; it is for ${planned.point.cells.join(', ')}.`,
              );
        },
      );
    case 'action-logged':
      return first(
        () => cell(state, body.cell),
        () => text(body.text, 'action', { required: true }),
        () => tasks(state, body.tasks),
      );
    case 'inject-acknowledged':
      return first(
        () => cell(state, body.cell),
        () =>
          plan.injects.has(body.inject) || Object.hasOwn(state.adhoc, body.inject) ? null : unknownInject(body.inject),
      );
    case 'inject-shared':
      return first(
        () => cell(state, body.fromCell),
        () =>
          body.toCells.length === 0 ? engineError('invalid-command', 'Choose at least one cell to share with.') : null,
        () => body.toCells.map((c) => cell(state, c)).find((c) => c !== null) ?? null,
        () =>
          plan.injects.has(body.inject) || Object.hasOwn(state.adhoc, body.inject) ? null : unknownInject(body.inject),
      );
    case 'alert-level-changed':
      return first(
        () =>
          (ALERT_LEVELS as readonly string[]).includes(body.level)
            ? null
            : engineError('invalid-command', `"${body.level}" is not an alert level: use ${ALERT_LEVELS.join(', ')}.`),
        () => text(body.reason, 'reason'),
      );
    case 'hq-activated':
    case 'hq-deactivated':
      return first(
        () =>
          plan.headquartersIds.has(body.hq)
            ? null
            : engineError('unknown-headquarters', `There is no headquarters "${body.hq}" in this scenario.`),
        () => text(body.reason, 'reason'),
      );
    case 'observation-recorded':
      return first(
        () => evaluator(state, body.evaluator),
        () => text(body.text, 'observation', { required: true }),
        () => (body.cell === null ? null : cell(state, body.cell)),
        () => tasks(state, body.tasks),
      );
    case 'target-rated':
      return first(
        () => evaluator(state, body.evaluator),
        () =>
          plan.targetIds.has(body.target)
            ? null
            : engineError('unknown-target', `There is no capability target "${body.target}".`),
        () =>
          (RATINGS as readonly string[]).includes(body.rating)
            ? null
            : engineError('invalid-command', `Rate with ${RATINGS.join(', ')}.`),
        () => text(body.notes, 'notes'),
      );
    case 'hotwash-note-added':
      return first(
        () => cell(state, body.cell),
        () =>
          (HOTWASH_KINDS as readonly string[]).includes(body.kind)
            ? null
            : engineError('invalid-command', 'A hot-wash note is a strength or an improvement.'),
        () =>
          body.capability === null || plan.capabilityIds.has(body.capability)
            ? null
            : engineError('unknown-capability', `There is no core capability "${body.capability}".`),
        () => text(body.text, 'note', { required: true }),
      );
    case 'feedback-recorded':
      return first(
        () =>
          state.setup?.participants.some((p) => p.id === body.participant)
            ? null
            : engineError('unknown-participant', `"${body.participant}" is not a participant of this exercise.`),
        () =>
          body.ratings.every((r) => Number.isInteger(r.score) && r.score >= 1 && r.score <= 5)
            ? null
            : engineError('invalid-command', 'Each feedback rating is a whole number from 1 to 5.'),
        () =>
          body.ratings.length > LIMITS.listSmall
            ? engineError('invalid-command', `At most ${LIMITS.listSmall} rated statements.`)
            : null,
        () =>
          body.ratings
            .map((r) => text(r.item, 'rated statement', { required: true, max: LIMITS.shortText }))
            .find((c) => c !== null) ?? null,
        () => strings(body.strengths, 'strengths'),
        () => strings(body.improvements, 'improvements'),
        () => text(body.comment, 'comment'),
      );
    case 'control-log-added':
      return text(body.text, 'log entry', { required: true });
    default:
      return assertNever(body, 'correctable event');
  }
}

export function unknownInject(id: string): EngineError {
  return engineError('unknown-inject', `There is no inject "${id}" in this exercise.`);
}

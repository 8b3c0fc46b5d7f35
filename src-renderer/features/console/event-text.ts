/**
 * One line of words per recorded event, in the reader's language, for the live log. Every event
 * type is handled (the switch is exhaustive), so a new kind of event cannot slip into the log
 * unnamed.
 */
import { assertNever } from '@core/engine/assert-never.ts';
import type { ClockPace, EventBody, EventType, ExerciseState } from '@core/engine/index.ts';
import type { MessageKey, MessageParams } from '@core/i18n/translate.ts';
import type { Inject } from '@core/scenario/schema.ts';
import type { LocalizedText } from '@core/scenario/text.ts';
import { formatDuration } from '@core/time.ts';
import { cellName, injectInfo } from './queries.ts';

export interface Words {
  t(key: MessageKey, params?: MessageParams): string;
  text(value: LocalizedText | null | undefined): string;
}

export const LOG_CATEGORIES = [
  'all',
  'decisions',
  'actions',
  'injects',
  'alerts',
  'clock',
  'corrections',
  'other',
] as const;
export type LogCategory = (typeof LOG_CATEGORIES)[number];

export interface EventLine {
  readonly text: string;
  /** Free text a person wrote (a rationale, a reason), shown under the line. */
  readonly detail: string | null;
}

export function paceText(words: Words, pace: ClockPace): string {
  switch (pace.mode) {
    case 'realtime':
      return words.t('console.pace.realtime');
    case 'compressed':
      return words.t('clock.speed', { speed: pace.speed });
    case 'stepped':
      return words.t('console.pace.stepped');
    default:
      return assertNever(pace, 'clock pace');
  }
}

const CATEGORY: Readonly<Record<EventType, Exclude<LogCategory, 'all'>>> = {
  'exercise-created': 'clock',
  'exercise-started': 'clock',
  'clock-paused': 'clock',
  'clock-resumed': 'clock',
  'clock-pace-changed': 'clock',
  'clock-stepped': 'clock',
  'exercise-ended': 'clock',
  'journal-recovered': 'other',
  'inject-released': 'injects',
  'inject-held': 'injects',
  'inject-unheld': 'injects',
  'inject-skipped': 'injects',
  'adhoc-inject-released': 'injects',
  'inject-acknowledged': 'injects',
  'inject-shared': 'injects',
  'decision-expired': 'decisions',
  'decision-recorded': 'decisions',
  'action-logged': 'actions',
  'alert-level-changed': 'alerts',
  'hq-activated': 'alerts',
  'hq-deactivated': 'alerts',
  'timer-missed': 'alerts',
  'observation-recorded': 'other',
  'target-rated': 'other',
  'hotwash-note-added': 'other',
  'feedback-recorded': 'other',
  'control-log-added': 'other',
  'event-retracted': 'corrections',
  'event-amended': 'corrections',
  // The after-action report's draft is recorded too; the console lists its steps, words from the report.
  'aar-item-saved': 'other',
  'aar-item-removed': 'other',
  'aar-finalised': 'other',
  'aar-reopened': 'other',
};

/** Cheap enough to run over 10 000 events on every change; words are made only for one page. */
export function categoryOf(type: EventType): Exclude<LogCategory, 'all'> {
  return CATEGORY[type];
}

export function describeEvent(
  words: Words,
  state: ExerciseState,
  index: ReadonlyMap<string, Inject>,
  event: EventBody,
): EventLine {
  const cell = (id: string) => words.text(cellName(state.scenario, id));
  const inject = (id: string) => {
    const info = injectInfo(state, index, id);
    return info ? words.text(info.title) : id;
  };
  const task = (id: string) => words.text(state.scenario.tasks.find((t) => t.id === id)?.text ?? id);
  const point = (id: string) => state.scenario.injects.find((i) => i.decision?.id === id)?.decision;
  const optionLabel = (pointId: string, optionId: string) => point(pointId)?.options.find((o) => o.id === optionId)?.label;
  const option = (pointId: string, optionId: string) => words.text(optionLabel(pointId, optionId) ?? optionId);
  // A cell's screen records the chosen option's label as the decision's words; the line already
  // names the option, so the label is not repeated underneath (in either language).
  const isLabel = (text: string, pointId: string, optionId: string) => {
    const label = optionLabel(pointId, optionId);
    return label !== undefined && (typeof label === 'string' ? text === label : text === label.en || text === label.ko);
  };
  const line = (key: MessageKey, params: MessageParams = {}, detail: string | null = null): EventLine => ({
    text: words.t(key, params),
    detail: detail === null || detail.trim() === '' ? null : detail,
  });

  switch (event.type) {
    case 'exercise-created':
      return line('console.event.created', { title: event.title });
    case 'exercise-started':
      return line('console.event.started');
    case 'clock-paused':
      return line('console.event.paused');
    case 'clock-resumed':
      return line('console.event.resumed');
    case 'clock-pace-changed':
      return line('console.event.pace', { pace: paceText(words, event.pace) });
    case 'clock-stepped':
      return line('console.event.stepped', { by: formatDuration(event.by) });
    case 'exercise-ended':
      return line('console.event.ended');
    case 'journal-recovered':
      return line('console.event.recovered', { seq: event.lastGoodSeq, bytes: event.discardedBytes });
    case 'inject-released':
      return line(event.manual ? 'console.event.released-manual' : 'console.event.released', {
        title: inject(event.inject),
      });
    case 'inject-held':
      return line('console.event.held', { title: inject(event.inject) }, event.reason);
    case 'inject-unheld':
      return line('console.event.unheld', { title: inject(event.inject) });
    case 'inject-skipped':
      return line('console.event.skipped', { title: inject(event.inject) }, event.reason);
    case 'adhoc-inject-released':
      return line('console.event.adhoc', { title: event.inject.title });
    case 'inject-acknowledged':
      return line('console.event.acknowledged', { cell: cell(event.cell), title: inject(event.inject) });
    case 'inject-shared':
      return line('console.event.shared', {
        cell: cell(event.fromCell),
        title: inject(event.inject),
        to: event.toCells.map(cell).join(', '),
      });
    case 'decision-expired':
      return line('console.event.expired', {
        prompt: words.text(point(event.point)?.prompt ?? event.point),
        option: option(event.point, event.option),
      });
    case 'decision-recorded':
      return event.choice === null
        ? line('console.event.decision-free', { cell: cell(event.cell), text: event.text }, event.rationale)
        : line(
            'console.event.decision',
            { cell: cell(event.cell), option: option(event.choice.point, event.choice.option) },
            [isLabel(event.text, event.choice.point, event.choice.option) ? '' : event.text, event.rationale]
              .filter((s) => s.trim() !== '')
              .join(' — '),
          );
    case 'action-logged':
      return line(
        'console.event.action',
        { cell: cell(event.cell), text: event.text },
        event.tasks.length > 0 ? words.t('console.event.tasks', { tasks: event.tasks.map(task).join(' / ') }) : null,
      );
    case 'alert-level-changed':
      return line('console.event.alert', { level: words.t(`alert.${event.level}`) }, event.reason);
    case 'hq-activated':
      return line('console.event.hq-activated', { hq: hqName(words, state, event.hq) }, event.reason);
    case 'hq-deactivated':
      return line('console.event.hq-deactivated', { hq: hqName(words, state, event.hq) }, event.reason);
    case 'timer-missed':
      return line('console.event.timer-missed', {
        timer: words.text(state.scenario.timers.find((t) => t.id === event.timer)?.name ?? event.timer),
      });
    case 'observation-recorded':
      return line('console.event.observation', { evaluator: event.evaluator }, event.text);
    case 'target-rated':
      return line(
        'console.event.rating',
        { evaluator: event.evaluator, target: event.target, rating: event.rating },
        event.notes,
      );
    case 'hotwash-note-added':
      return line('console.event.hotwash', { cell: cell(event.cell) }, event.text);
    case 'feedback-recorded':
      return line('console.event.feedback', { participant: event.participant }, event.comment);
    case 'control-log-added':
      return line('console.event.control-log', {}, event.text);
    case 'event-retracted':
      return line('console.event.retracted', { seq: event.target }, event.reason);
    case 'event-amended':
      return line('console.event.amended', { seq: event.target }, event.reason);
    case 'aar-item-saved':
      return line('report.event.aar-saved', { id: event.id });
    case 'aar-item-removed':
      return line('report.event.aar-removed', { id: event.id });
    case 'aar-finalised':
      return line('report.event.aar-finalised');
    case 'aar-reopened':
      return line('report.event.aar-reopened');
    default:
      return assertNever(event, 'event');
  }
}

function hqName(words: Words, state: ExerciseState, id: string): string {
  return words.text(state.scenario.headquarters.find((h) => h.id === id)?.name ?? id);
}

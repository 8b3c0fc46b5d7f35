/**
 * One line of plain text for any journal event, in the report's language: the timeline and the
 * CSV log both read events through this, so they describe the record the same way.
 */
import { assertNever } from '../engine/assert-never.ts';
import type { EventBody, ExerciseEvent } from '../engine/events.ts';
import { translate } from '../i18n/translate.ts';
import type { TimelineEntry } from './model.ts';
import type { Lookup } from './names.ts';
import { formatDurationText, ratingText } from './format.ts';

export interface EventText {
  /** The timeline section the event belongs to; null for events the timeline leaves out. */
  readonly kind: TimelineEntry['kind'] | null;
  /** The cell concerned (an id), or null. */
  readonly cell: string | null;
  readonly text: string;
}

/**
 * The timeline section of each event type, apart from its text: the timeline asks this first and
 * words only the events it shows (most of a long exercise's record — observations, control-log
 * entries, acknowledgements — stays out of the timeline, and wording each cost a translation).
 * A record over every event type, so a new type cannot be forgotten.
 */
const TIMELINE_KIND: Readonly<Record<EventBody['type'], TimelineEntry['kind'] | null>> = {
  'exercise-created': null,
  'exercise-started': 'clock',
  'exercise-ended': 'clock',
  'clock-paused': 'clock',
  'clock-resumed': 'clock',
  'clock-pace-changed': 'clock',
  'clock-stepped': 'clock',
  'inject-released': 'inject',
  'adhoc-inject-released': 'inject',
  'inject-held': null,
  'inject-unheld': null,
  'inject-skipped': null,
  'decision-expired': 'decision',
  'timer-missed': 'timer',
  'journal-recovered': null,
  'decision-recorded': 'decision',
  'action-logged': 'action',
  'inject-acknowledged': null,
  'inject-shared': null,
  'alert-level-changed': 'alert',
  'hq-activated': 'hq',
  'hq-deactivated': 'hq',
  'observation-recorded': null,
  'target-rated': null,
  'hotwash-note-added': null,
  'feedback-recorded': null,
  'control-log-added': null,
  'event-retracted': 'correction',
  'event-amended': 'correction',
  'aar-item-saved': null,
  'aar-item-removed': null,
  'aar-finalised': null,
  'aar-reopened': null,
};

/** The timeline section an event belongs to (null: left out), as `eventText` gives it. */
export function timelineKind(body: EventBody): TimelineEntry['kind'] | null {
  return TIMELINE_KIND[body.type];
}

/** `body` is the event's payload in force (an amended payload, when showing the amendment). */
export function eventText(event: ExerciseEvent, body: EventBody, names: Lookup): EventText {
  return { kind: timelineKind(body), ...describe(event, body, names) };
}

function describe(event: ExerciseEvent, body: EventBody, names: Lookup): Omit<EventText, 'kind'> {
  const lang = names.language;
  const t = translate;
  const actorCell = event.actor.cell.startsWith('@') ? null : event.actor.cell;
  switch (body.type) {
    case 'exercise-created':
      return { cell: null, text: t(lang, 'report.event.created', { title: body.title }) };
    case 'exercise-started':
      return { cell: null, text: t(lang, 'report.timeline.startex') };
    case 'exercise-ended':
      return { cell: null, text: t(lang, 'report.timeline.endex') };
    case 'clock-paused':
      return { cell: null, text: t(lang, 'report.timeline.paused') };
    case 'clock-resumed':
      return { cell: null, text: t(lang, 'report.timeline.resumed') };
    case 'clock-pace-changed':
      return { cell: null, text: t(lang, 'report.timeline.pace') };
    case 'clock-stepped':
      return { cell: null, text: t(lang, 'report.timeline.stepped', { duration: formatDurationText(body.by, lang) }) };
    case 'inject-released':
      return {
        cell: null,
        text: t(lang, body.manual ? 'report.timeline.released-manual' : 'report.timeline.released', { title: names.inject(body.inject) }),
      };
    case 'adhoc-inject-released':
      return { cell: null, text: t(lang, 'report.timeline.adhoc', { title: body.inject.title }) };
    case 'inject-held':
      return { cell: null, text: t(lang, 'report.event.held', { title: names.inject(body.inject), reason: body.reason }) };
    case 'inject-unheld':
      return { cell: null, text: t(lang, 'report.event.unheld', { title: names.inject(body.inject) }) };
    case 'inject-skipped':
      return { cell: null, text: t(lang, 'report.event.skipped', { title: names.inject(body.inject), reason: body.reason }) };
    case 'decision-expired':
      return {
        cell: null,
        text: t(lang, 'report.timeline.expired', { prompt: names.point(body.point), option: names.option(body.point, body.option) }),
      };
    case 'timer-missed':
      return { cell: null, text: t(lang, 'report.timeline.timer-missed', { timer: names.name(body.timer) }) };
    case 'journal-recovered':
      return { cell: null, text: t(lang, 'report.event.recovered', { seq: body.lastGoodSeq, bytes: body.discardedBytes }) };
    case 'decision-recorded': {
      if (body.choice === null) return { cell: body.cell, text: body.text };
      const choice = t(lang, 'report.timeline.decided', { prompt: names.point(body.choice.point), option: names.option(body.choice.point, body.choice.option) });
      return { cell: body.cell, text: body.text.trim() === '' ? choice : `${choice} — ${body.text}` };
    }
    case 'action-logged':
      return { cell: body.cell, text: body.text };
    case 'inject-acknowledged':
      return { cell: body.cell, text: t(lang, 'report.event.acknowledged', { cell: names.cell(body.cell), title: names.inject(body.inject) }) };
    case 'inject-shared':
      return {
        cell: body.fromCell,
        text: t(lang, 'report.event.shared', { from: names.cell(body.fromCell), title: names.inject(body.inject), to: body.toCells.map(names.cell).join(', ') }),
      };
    case 'alert-level-changed':
      return { cell: actorCell, text: t(lang, 'report.timeline.alert', { level: t(lang, `alert.${body.level}`), reason: body.reason }) };
    case 'hq-activated':
      return { cell: actorCell, text: t(lang, 'report.timeline.hq-on', { hq: names.name(body.hq), reason: body.reason }) };
    case 'hq-deactivated':
      return { cell: actorCell, text: t(lang, 'report.timeline.hq-off', { hq: names.name(body.hq), reason: body.reason }) };
    case 'observation-recorded':
      return { cell: body.cell, text: t(lang, 'report.event.observation', { evaluator: names.person(body.evaluator), text: body.text }) };
    case 'target-rated':
      return {
        cell: null,
        text: t(lang, 'report.event.rating', { evaluator: names.person(body.evaluator), target: names.name(body.target), rating: ratingText(lang, body.rating), notes: body.notes }),
      };
    case 'hotwash-note-added':
      return { cell: body.cell, text: t(lang, 'report.event.hotwash', { kind: t(lang, `report.hotwash.${body.kind}`), text: body.text }) };
    case 'feedback-recorded':
      return { cell: null, text: t(lang, 'report.event.feedback', { participant: names.person(body.participant) }) };
    case 'control-log-added':
      return { cell: actorCell, text: t(lang, 'report.event.control-log', { text: body.text }) };
    case 'event-retracted':
      return { cell: actorCell, text: t(lang, 'report.timeline.retracted', { target: body.target, reason: body.reason }) };
    case 'event-amended': {
      const amended = describe(event, body.payload, names);
      return { cell: actorCell, text: `${t(lang, 'report.timeline.amended', { target: body.target, reason: body.reason })} → ${amended.text}` };
    }
    case 'aar-item-saved':
      return { cell: null, text: t(lang, 'report.event.aar-saved', { id: body.id }) };
    case 'aar-item-removed':
      return { cell: null, text: t(lang, 'report.event.aar-removed', { id: body.id }) };
    case 'aar-finalised':
      return { cell: null, text: t(lang, 'report.event.aar-finalised') };
    case 'aar-reopened':
      return { cell: null, text: t(lang, 'report.event.aar-reopened') };
    default:
      return assertNever(body, 'event type');
  }
}

/**
 * The timeline, alert history and timers of the report: what happened, in scenario-time order,
 * from the full record. Corrected entries stay, flagged, and the correction follows them with its
 * reason — the report shows the record as it was kept, not a cleaned-up story.
 */
import type { ExerciseState } from '../engine/state.ts';
import { own } from '../engine/records.ts';
import { translate } from '../i18n/translate.ts';
import { localize } from '../scenario/text.ts';
import { parseDuration } from '../time.ts';
import { eventText, timelineKind } from './event-text.ts';
import type { AlertChange, TimelineEntry, TimerRow } from './model.ts';
import type { Lookup } from './names.ts';

export function buildTimeline(state: ExerciseState, names: Lookup): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of state.log) {
    // Asked before wording it: most of a long record never reaches the timeline.
    if (timelineKind(event) === null) continue;
    const described = eventText(event, event, names);
    if (described.kind === null) continue;
    entries.push({
      at: event.scenarioTime,
      seq: event.seq,
      kind: described.kind,
      cell: described.cell === null ? null : names.cell(described.cell),
      text: described.text,
      corrected: own(state.corrections, String(event.seq)) !== undefined,
    });
  }
  // A timer is met by the task that satisfied it; that is not an event of its own.
  for (const timer of state.scenario.timers) {
    const runtime = own(state.timers, timer.id);
    if (runtime?.kind !== 'met') continue;
    const task = own(state.tasks, runtime.task);
    entries.push({
      at: runtime.taskDoneAt,
      seq: task?.kind === 'done' ? task.seq : 0,
      kind: 'timer',
      cell: task?.kind === 'done' && task.cell !== null ? names.cell(task.cell) : null,
      text: translate(names.language, 'report.timeline.timer-met', { timer: localize(timer.name, names.language) }),
      corrected: false,
    });
  }
  return entries.sort((a, b) => a.at - b.at || a.seq - b.seq);
}

export function buildAlerts(state: ExerciseState, names: Lookup): AlertChange[] {
  return state.alert.history.map((h) => ({
    at: h.at,
    seq: h.seq,
    level: h.level,
    cell: h.actor.cell.startsWith('@') ? null : names.cell(h.actor.cell),
    reason: h.reason,
  }));
}

export function buildTimers(state: ExerciseState, names: Lookup): TimerRow[] {
  return state.scenario.timers.map((timer) => {
    const runtime = own(state.timers, timer.id) ?? { kind: 'idle' as const };
    return {
      timer: { id: timer.id, name: localize(timer.name, names.language) },
      basis: timer.basis,
      source: localize(timer.source, names.language),
      limitMs: parseDuration(timer.limit) ?? 0,
      status: runtime.kind,
      startedAt: runtime.kind === 'idle' ? null : runtime.startedAt,
      deadline: runtime.kind === 'idle' ? null : runtime.deadline,
      metAt: runtime.kind === 'met' ? runtime.taskDoneAt : null,
    };
  });
}

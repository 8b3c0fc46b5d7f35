/**
 * Applies one event to the state, as recorded or as a correction amended it.
 *
 * Evolution is lenient on purpose: an event is a fact that already happened, so one that no longer
 * fits (a release of an inject that a corrected decision would have kept locked) still applies as
 * far as it can and never throws. Validation belongs to `decide`.
 */
import { assertNever } from './assert-never.ts';
import { accrueAll } from './cascade.ts';
import { clockWithPace, fromIso, isConducting, paceOf } from './clock.ts';
import { applyEffects, applyOption, completeTask, releaseScenarioInject } from './consequences.ts';
import type { EventBody, EventMeta, ExerciseEvent } from './events.ts';
import { planOf } from './plan.ts';
import { applyReport } from './apply-report.ts';
import { append, appendAll, own, payloadOf, put, update, withList } from './records.ts';
import { settle } from './settle.ts';
import { cloneState, type ExerciseState, type Recorded } from './state.ts';

/**
 * Moves the cursor to the event: downtime accrues over the scenario time that passed. The log
 * itself is appended by the caller (`evolve` one event at a time, `project` all at once).
 */
export function advance(state: ExerciseState, event: ExerciseEvent): ExerciseState {
  const to = Math.max(state.scenarioTime, event.scenarioTime);
  const elapsed = to - state.scenarioTime;
  const next = cloneState(state);
  if (elapsed > 0 && isConducting(state.clock)) next.services = accrueAll(state.services, elapsed);
  next.scenarioTime = to;
  next.lastSeq = event.seq;
  return next;
}

export function applyEvent(state: ExerciseState, event: ExerciseEvent, body: EventBody): ExerciseState {
  const next = applyBody(advance(state, event), event, body);
  return isConducting(next.clock) ? settle(next, event.scenarioTime) : next;
}

function recorded(event: EventMeta): Recorded {
  return { seq: event.seq, at: event.scenarioTime, wallTime: event.wallTime, actor: event.actor };
}

/**
 * `{ ...recorded(event), ...payload }`, the same keys in the same order, built by assignment:
 * V8 spreads a second object into a literal an order of magnitude slower, on every record of play.
 */
function recordedWith<P extends object>(event: EventMeta, payload: P): Recorded & P {
  const out = recorded(event) as unknown as Record<string, unknown>;
  for (const key of Object.keys(payload)) {
    const value: unknown = (payload as Record<string, unknown>)[key];
    // An own "__proto__" key must stay data, as a spread keeps it.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out as Recorded & P;
}

function applyBody(state: ExerciseState, event: EventMeta, body: EventBody): ExerciseState {
  const at = event.scenarioTime;
  switch (body.type) {
    case 'exercise-created': {
      const setup = payloadOf(body);
      return { ...state, setup };
    }
    case 'exercise-started':
      if (state.setup === null || state.clock.kind !== 'not-started') return state;
      return { ...state, clock: clockWithPace(state.setup.clock, fromIso(event.wallTime), at) };
    case 'clock-paused': {
      const pace = paceOf(state.clock);
      if (pace === null || state.clock.kind === 'paused') return state;
      return { ...state, clock: { kind: 'paused', scenarioTime: at, resume: pace } };
    }
    case 'clock-resumed':
      if (state.clock.kind !== 'paused') return state;
      return { ...state, clock: clockWithPace(state.clock.resume, fromIso(event.wallTime), at) };
    case 'clock-pace-changed':
      // Before StartEx a pace change amends the plan; while paused it applies on resume.
      if (state.clock.kind === 'not-started' && state.setup !== null) {
        return { ...state, setup: { ...state.setup, clock: body.pace } };
      }
      if (state.clock.kind === 'paused') return { ...state, clock: { ...state.clock, resume: body.pace } };
      if (state.clock.kind !== 'running' && state.clock.kind !== 'stepped') return state;
      return { ...state, clock: clockWithPace(body.pace, fromIso(event.wallTime), at) };
    case 'clock-stepped':
      if (state.clock.kind !== 'stepped') return state;
      return { ...state, clock: { kind: 'stepped', scenarioTime: at } };
    case 'exercise-ended':
      return { ...state, clock: { kind: 'ended', scenarioTime: at } };
    case 'inject-released':
      return releaseScenarioInject(state, body.inject, at, event.seq, body.manual);
    case 'inject-held':
      return {
        ...state,
        injects: update(state.injects, body.inject, (i) =>
          i.status.kind === 'pending' && i.held === null
            ? { ...i, held: { since: at, seq: event.seq, reason: body.reason } }
            : i,
        ),
      };
    case 'inject-unheld':
      return { ...state, injects: update(state.injects, body.inject, (i) => (i.held ? { ...i, held: null } : i)) };
    case 'inject-skipped':
      return {
        ...state,
        injects: update(state.injects, body.inject, (i) =>
          i.status.kind === 'pending'
            ? { ...i, held: null, status: { kind: 'skipped', at, seq: event.seq, reason: body.reason } }
            : i,
        ),
      };
    case 'adhoc-inject-released': {
      if (own(state.injects, body.inject.id) !== undefined) return state;
      const withInject: ExerciseState = {
        ...state,
        adhoc: put(state.adhoc, body.inject.id, body.inject),
        injects: put(state.injects, body.inject.id, {
          origin: 'adhoc',
          status: { kind: 'released', at, seq: event.seq, manual: true },
          locked: false,
          unlockedAt: null,
          held: null,
          conditionHeldAt: null,
          shares: [],
          acknowledgements: [],
        }),
      };
      return applyEffects(withInject, body.inject.effects, at, event.seq);
    }
    case 'decision-expired': {
      const decision = own(state.decisions, body.point);
      const option = planOf(state.scenario)
        .points.get(body.point)
        ?.point.options.find((o) => o.id === body.option);
      if (decision?.kind !== 'open' || !option) return state;
      const expired = {
        kind: 'expired',
        openedAt: decision.openedAt,
        dueAt: decision.dueAt,
        option: option.id,
        at,
        seq: event.seq,
      } as const;
      const next = { ...state, decisions: put(state.decisions, body.point, expired) };
      return applyOption(next, body.point, option, at, event.seq, null);
    }
    case 'timer-missed':
      return {
        ...state,
        timers: update(state.timers, body.timer, (t) =>
          t.kind === 'running' ? { kind: 'missed', startedAt: t.startedAt, deadline: t.deadline, seq: event.seq } : t,
        ),
      };
    case 'decision-recorded': {
      const payload = payloadOf(body);
      const next = { ...state, decisionLog: append(state.decisionLog, recordedWith(event, payload)) };
      if (payload.choice === null) return next;
      const { point, option: optionId } = payload.choice;
      const decision = own(next.decisions, point);
      const option = planOf(state.scenario)
        .points.get(point)
        ?.point.options.find((o) => o.id === optionId);
      if (decision?.kind !== 'open' || !option) return next;
      const decided = {
        kind: 'decided',
        openedAt: decision.openedAt,
        dueAt: decision.dueAt,
        option: option.id,
        cell: payload.cell,
        at,
        seq: event.seq,
      } as const;
      return applyOption(
        { ...next, decisions: put(next.decisions, point, decided) },
        point,
        option,
        at,
        event.seq,
        payload.cell,
      );
    }
    case 'action-logged': {
      const payload = payloadOf(body);
      let next: ExerciseState = { ...state, actions: append(state.actions, recordedWith(event, payload)) };
      for (const task of payload.tasks) {
        next = completeTask(next, task, { kind: 'done', at, seq: event.seq, cell: payload.cell, via: 'action' });
      }
      return next;
    }
    case 'inject-acknowledged':
      return {
        ...state,
        injects: update(state.injects, body.inject, (i) =>
          i.acknowledgements.some((a) => a.cell === body.cell)
            ? i
            : withList(i, 'acknowledgements', append(i.acknowledgements, { ...recorded(event), cell: body.cell })),
        ),
      };
    case 'inject-shared':
      return {
        ...state,
        injects: update(state.injects, body.inject, (i) =>
          withList(
            i,
            'shares',
            appendAll(
              i.shares,
              body.toCells.map((toCell) => ({ ...recorded(event), fromCell: body.fromCell, toCell })),
            ),
          ),
        ),
      };
    case 'alert-level-changed':
      return {
        ...state,
        alert: {
          level: body.level,
          history: append(state.alert.history, { ...recorded(event), level: body.level, reason: body.reason }),
        },
      };
    case 'hq-activated':
    case 'hq-deactivated': {
      const active = body.type === 'hq-activated';
      return {
        ...state,
        headquarters: update(state.headquarters, body.hq, (h) => ({
          active,
          history: append(h.history, { ...recorded(event), active, reason: body.reason }),
        })),
      };
    }
    case 'observation-recorded': {
      const payload = payloadOf(body);
      return { ...state, observations: append(state.observations, recordedWith(event, payload)) };
    }
    case 'target-rated': {
      const payload = payloadOf(body);
      return { ...state, ratings: append(state.ratings, recordedWith(event, payload)) };
    }
    case 'hotwash-note-added': {
      const payload = payloadOf(body);
      return { ...state, hotwash: append(state.hotwash, recordedWith(event, payload)) };
    }
    case 'feedback-recorded': {
      const payload = payloadOf(body);
      return { ...state, feedback: append(state.feedback, recordedWith(event, payload)) };
    }
    case 'control-log-added':
      return { ...state, controlLog: append(state.controlLog, { ...recorded(event), text: body.text }) };
    case 'aar-item-saved':
    case 'aar-item-removed':
    case 'aar-finalised':
    case 'aar-reopened':
      return { ...state, aar: applyReport(state.aar, event, body) };
    case 'journal-recovered':
      // A note in the record that bytes after the last good entry were discarded; no state change.
      return state;
    case 'event-retracted':
    case 'event-amended':
      // Corrections act through the corrected view of the log (see `corrections.ts`).
      return state;
    default:
      return assertNever(body, 'event');
  }
}

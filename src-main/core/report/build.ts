/**
 * Builds the AAR/IP model from an exercise state: a pure function of the state (the record, with
 * the facilitator's draft in `state.aar`), the scores, and the journal head the report will name.
 *
 * Choices the record does not dictate, and why:
 * - Sponsor: the agency of the cell that leads the scenario's first headquarters (the lead agency
 *   for the hazard, which sponsors the drill in Korean practice — MSIT for a telecom outage); the
 *   control cell's agency when the scenario has no headquarters.
 * - Point of contact: the person who created the exercise (the exercise director), with the
 *   control cell they work from; exercise control answers for the report.
 * - Mission areas: Response always (Sitroom runs response-phase tabletops); Recovery too when a
 *   service was restored during play. A scenario field would let planners say it outright.
 */
import { isFeedbackItem } from './feedback-items.ts';
import type { ExerciseState } from '../engine/state.ts';
import { userHoursLost } from '../engine/queries.ts';
import { translate } from '../i18n/translate.ts';
import { localize, type Language } from '../scenario/text.ts';
import type { Scores } from '../scoring/model.ts';
import { parseDuration } from '../time.ts';
import { buildCapabilities, buildCascade, buildPlan, buildRatings } from './build-analysis.ts';
import { buildAlerts, buildTimeline, buildTimers } from './build-timeline.ts';
import { formatDurationText, offsetOf } from './format.ts';
import type { FeedbackSummary, ParticipantRow, ReportMeta, ReportModel, ReportOverview } from './model.ts';
import { lookupOf, namesOf, type Lookup } from './names.ts';

export interface ReportInput {
  readonly state: ExerciseState;
  readonly scores: Scores;
  readonly journal: { readonly exerciseId: string; readonly seq: number; readonly head: string };
  /** Wall time of generation (ISO): the core has no clock. */
  readonly generatedAt: string;
  readonly language: Language;
}

/** Feedback-form statements the report knows by name; any other item prints as its id. */

export function buildReport(input: ReportInput): ReportModel {
  const { state, scores, language } = input;
  const names = namesOf(state, language);
  const lookup = lookupOf(state, language, names);
  const ratings = buildRatings(state, scores, lookup);
  const cascade = buildCascade(state, scores, lookup, (id) => userHoursLost(state, id));
  return {
    meta: meta(input),
    overview: overview(state, lookup, cascade.some((c) => c.restoredAt !== null)),
    ratings,
    capabilities: buildCapabilities(state, ratings, lookup),
    improvementPlan: buildPlan(state, lookup),
    participants: participants(state, lookup),
    timeline: buildTimeline(state, lookup),
    cascade,
    alerts: buildAlerts(state, lookup),
    timers: buildTimers(state, lookup),
    feedback: feedback(state, language),
    hotwashGeneral: state.hotwash
      .filter((h) => h.capability === null)
      .map((h) => ({ cellName: lookup.cell(h.cell), kind: h.kind, text: h.text, seq: h.seq })),
    names,
    scores,
  };
}

function meta(input: ReportInput): ReportMeta {
  const { state, language } = input;
  const s = state.scenario;
  return {
    language,
    status: state.aar.finalised === null ? 'draft' : 'final',
    marking: state.setup?.marking ?? localize(s.marking.classification, language),
    handling: s.marking.handling === undefined ? null : localize(s.marking.handling, language),
    generatedAt: input.generatedAt,
    journal: { ...input.journal },
    scenarioId: state.setup?.scenarioId ?? s.id,
    scenarioHash: state.setup?.scenarioHash ?? '',
    utcOffset: offsetOf(s.t0),
  };
}

function overview(state: ExerciseState, names: Lookup, anyRestored: boolean): ReportOverview {
  const lang = names.language;
  const s = state.scenario;
  const started = state.log.find((e) => e.type === 'exercise-started');
  const ended = state.log.find((e) => e.type === 'exercise-ended');
  const players = s.cells.filter((c) => c.role === 'player');
  const control = s.cells.find((c) => c.role === 'control');
  const leadCell = s.headquarters[0]?.lead;
  const sponsor = (leadCell === undefined ? null : names.agency(leadCell)) ?? (control ? localize(control.agency, lang) : '');
  const creator = state.log.find((e) => e.type === 'exercise-created')?.actor;
  const released = Object.values(state.injects).filter((i) => i.status.kind === 'released').length;
  return {
    exerciseName: state.setup?.title ?? localize(s.title, lang),
    scenarioTitle: localize(s.title, lang),
    date: state.setup?.date ?? '',
    venue: state.setup?.venue ?? '',
    type: translate(lang, 'report.overview.type-ttx'),
    scope: translate(lang, 'report.overview.scope-text', {
      cells: players.length,
      modules: s.modules.length,
      injects: released,
      planned: s.injects.length,
      span: formatDurationText(parseDuration(s.span) ?? 0, lang),
    }),
    missionAreas: [translate(lang, 'report.mission.response'), ...(anyRestored ? [translate(lang, 'report.mission.recovery')] : [])],
    scenarioDurationMs: started === undefined ? 0 : Math.max(0, state.scenarioTime - started.scenarioTime),
    wallDurationMs: started !== undefined && ended !== undefined ? Date.parse(ended.wallTime) - Date.parse(started.wallTime) : null,
    startedWall: started?.wallTime ?? null,
    endedWall: ended?.wallTime ?? null,
    hazard: localize(s.hazard, lang),
    summary: localize(s.summary, lang),
    objectives: s.objectives.map((o) => ({
      id: o.id,
      name: localize(o.title, lang),
      description: o.description === undefined ? null : localize(o.description, lang),
      weight: o.weight,
    })),
    capabilities: s.capabilities.map((c) => ({ id: c.id, name: localize(c.name, lang) })),
    organisations: [...new Set(players.map((c) => localize(c.agency, lang)))],
    sponsor,
    pointOfContact:
      creator === undefined
        ? ''
        : translate(lang, 'report.overview.poc-text', { person: names.person(creator.person), cell: names.cell(creator.cell) }),
  };
}

function participants(state: ExerciseState, names: Lookup): ParticipantRow[] {
  const setup = state.setup;
  if (setup === null) return [];
  return [
    ...setup.participants.map((p) => ({ name: p.name, role: 'player' as const, cell: names.cell(p.cell), organisation: names.agency(p.cell) })),
    ...setup.evaluators.map((e) => ({ name: e.name, role: 'evaluator' as const, cell: null, organisation: null })),
  ];
}

function feedback(state: ExerciseState, language: Language): FeedbackSummary {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const form of state.feedback) {
    for (const { item, score } of form.ratings) {
      const total = totals.get(item) ?? { sum: 0, count: 0 };
      totals.set(item, { sum: total.sum + score, count: total.count + 1 });
    }
  }
  const label = (item: string) =>
    isFeedbackItem(item) ? translate(language, `hotwash.item.${item}`) : item;
  return {
    forms: state.feedback.length,
    items: [...totals].map(([item, t]) => ({ item: label(item), mean: t.sum / t.count, count: t.count })),
    strengths: state.feedback.flatMap((f) => f.strengths),
    improvements: state.feedback.flatMap((f) => f.improvements),
  };
}

/**
 * The analysis half of the report: the objective × capability × rating table, per capability the
 * facilitator's strengths and areas for improvement (with the hot-wash notes and evaluator
 * observations they were drafted from), the improvement-plan rows, and the service cascade.
 */
import type { Rating } from '../engine/events.ts';
import { own } from '../engine/records.ts';
import type { ExerciseState } from '../engine/state.ts';
import { localize } from '../scenario/text.ts';
import type { Scores } from '../scoring/model.ts';
import type { CapabilityAnalysis, CascadeRow, PlanRow, RatingRow } from './model.ts';
import type { Lookup } from './names.ts';

/** Worse ratings sort later; N/A (not observed) says nothing about performance. */
const SEVERITY: Readonly<Record<Rating, number>> = { 'N/A': -1, P: 0, S: 1, M: 2, U: 3 };

export function worstRating(ratings: readonly (Rating | null)[]): Rating | null {
  let worst: Rating | null = null;
  for (const r of ratings) {
    if (r === null) continue;
    if (worst === null || SEVERITY[r] > SEVERITY[worst]) worst = r;
  }
  return worst;
}

export function buildRatings(state: ExerciseState, scores: Scores, names: Lookup): RatingRow[] {
  const lang = names.language;
  const s = state.scenario;
  return s.targets.map((target) => {
    const scored = scores.targets.find((t) => t.target === target.id);
    const objective = s.objectives.find((o) => o.id === target.objective);
    const capability = s.capabilities.find((c) => c.id === target.capability);
    return {
      objective: { id: target.objective, name: objective ? localize(objective.title, lang) : target.objective },
      capability: { id: target.capability, name: capability ? localize(capability.name, lang) : target.capability },
      target: { id: target.id, name: localize(target.text, lang), source: localize(target.source, lang) },
      rating: scored?.rating ?? null,
      suggested: scored?.suggested.rating ?? 'N/A',
    };
  });
}

export function buildCapabilities(state: ExerciseState, ratings: readonly RatingRow[], names: Lookup): CapabilityAnalysis[] {
  const lang = names.language;
  const s = state.scenario;
  const capabilityOfTask = new Map<string, string>();
  for (const task of s.tasks) {
    const target = s.targets.find((t) => t.id === task.target);
    if (target) capabilityOfTask.set(task.id, target.capability);
  }
  const cellName = (cell: string | null) => (cell === null ? null : names.cell(cell));
  return s.capabilities.map((capability) => {
    const items = state.aar.items.filter((d) => d.item.capability === capability.id);
    const strengths: CapabilityAnalysis['strengths'][number][] = [];
    const improvements: CapabilityAnalysis['improvements'][number][] = [];
    for (const { id, item } of items) {
      if (item.kind === 'strength') strengths.push({ ...item, id, cellName: cellName(item.cell) });
      else if (item.kind === 'improvement') improvements.push({ ...item, id, cellName: cellName(item.cell) });
    }
    return {
      capability: { id: capability.id, name: localize(capability.name, lang) },
      rating: worstRating(ratings.filter((r) => r.capability.id === capability.id).map((r) => r.rating)),
      strengths,
      improvements,
      hotwash: state.hotwash
        .filter((h) => h.capability === capability.id)
        .map((h) => ({ cellName: names.cell(h.cell), kind: h.kind, text: h.text, seq: h.seq })),
      observations: state.observations
        .filter((o) => o.tasks.some((task) => capabilityOfTask.get(task) === capability.id))
        .map((o) => ({ at: o.at, evaluator: names.person(o.evaluator), text: o.text, seq: o.seq })),
    };
  });
}

export function buildPlan(state: ExerciseState, names: Lookup): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const { id, item } of state.aar.items) {
    if (item.kind === 'plan') rows.push({ ...item, id, capabilityName: names.name(item.capability) });
  }
  return rows;
}

/**
 * Per service, from the state's history; the scores' outcome supplies user-hours and the
 * no-response baseline. When the scores do not cover a service, the figures are read from the
 * history here and the baseline is left at zero (there is nothing to compare with).
 */
export function buildCascade(state: ExerciseState, scores: Scores, names: Lookup, hoursLost: (service: string) => number): CascadeRow[] {
  return state.scenario.services.map((service) => {
    const runtime = own(state.services, service.id);
    const history = runtime?.history ?? [];
    const outcome = scores.outcome.services.find((o) => o.service === service.id);
    const fromHistory = restoreOf(history);
    const firstDownAt = outcome ? outcome.firstDownAt : fromHistory.firstDownAt;
    const restoredAt = outcome ? outcome.restoredAt : fromHistory.restoredAt;
    return {
      service: { id: service.id, name: localize(service.name, names.language) },
      users: service.users,
      history,
      firstDownAt,
      restoredAt,
      timeToRestoreMs: outcome ? outcome.timeToRestoreMs : firstDownAt !== null && restoredAt !== null ? restoredAt - firstDownAt : null,
      userHoursLost: outcome?.userHoursLost ?? hoursLost(service.id),
      baselineUserHoursLost: outcome?.baselineUserHoursLost ?? 0,
    };
  });
}

/** First time the service left `up`, and its last return to `up` (null while it is still out). */
export function restoreOf(history: readonly { readonly at: number; readonly state: string }[]): { firstDownAt: number | null; restoredAt: number | null } {
  const firstDown = history.find((h) => h.state !== 'up');
  if (!firstDown) return { firstDownAt: null, restoredAt: null };
  let lastOut = -1;
  history.forEach((h, i) => {
    if (h.state !== 'up') lastOut = i;
  });
  return { firstDownAt: firstDown.at, restoredAt: history[lastOut + 1]?.at ?? null };
}

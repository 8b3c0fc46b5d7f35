/**
 * Outcome (design.md §5): what the response did to the world, measured against the no-response
 * baseline run of the same scenario to the same scenario time (see baseline.ts; remembered per
 * scenario and horizon, so scoring one exercise again does not replay the scenario again).
 *
 * 50 means "no different from nobody responding"; above 50 is better, below is worse.
 * - Services: r = user-hours lost ÷ baseline user-hours lost (all services together, so a service
 *   weighs by its users); score = 50 × (2 − r), clamped to 0–100: 100 = nothing lost,
 *   0 = twice the baseline's loss.
 * - Each metric: 50 at the baseline's value, rising linearly to 100 at its best bound (max when
 *   higher is better, min when lower is) and falling to 0 at its worst bound.
 * - Outcome = mean of the services score and the mean of the metric scores.
 */
import { userHoursLost } from '../engine/queries.ts';
import { planOf } from '../engine/plan.ts';
import { own } from '../engine/records.ts';
import type { ExerciseState } from '../engine/state.ts';
import type { Metric, Scenario } from '../scenario/schema.ts';
import { at, explain, figure, grouped, mean, num, round1, round3, span, valuesOf } from './explain.ts';
import { noResponseBaseline } from './baseline.ts';
import { referenceTime } from './happened.ts';
import type { MetricOutcome, OutcomeScore, ServiceOutcome } from './model.ts';

/** `50 × (2 − lost ÷ baseline)`, clamped; null when nothing was at stake in either run. */
export function servicesScore(lost: number, baseline: number): number | null {
  if (baseline <= 0) return lost <= 0 ? null : 0;
  return Math.min(100, Math.max(0, 50 * (2 - lost / baseline)));
}

export function metricScore(metric: Metric, value: number, baseline: number): number {
  const sign = metric.better === 'higher' ? 1 : -1;
  const best = metric.better === 'higher' ? metric.max : metric.min;
  const worst = metric.better === 'higher' ? metric.min : metric.max;
  const gain = (value - baseline) * sign;
  const room = gain >= 0 ? Math.abs(best - baseline) : Math.abs(baseline - worst);
  if (room === 0) return 50;
  return Math.min(100, Math.max(0, 50 + (50 * gain) / room));
}

/** A service and everything it depends on, directly or through others. */
function upstream(scenario: Scenario, id: string): ReadonlySet<string> {
  const seen = new Set<string>([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const current = next;
    const service = scenario.services.find((s) => s.id === current);
    for (const dep of service?.dependsOn ?? []) {
      if (!seen.has(dep.service)) {
        seen.add(dep.service);
        queue.push(dep.service);
      }
    }
  }
  return seen;
}

/** Seqs of the events whose effects set any of the services (releases, adhoc injects, options). */
function effectEvents(state: ExerciseState, services: ReadonlySet<string>): number[] {
  const plan = planOf(state.scenario);
  const seqs: number[] = [];
  const touches = (effects: { readonly services: readonly { readonly id: string }[] } | undefined) =>
    effects?.services.some((s) => services.has(s.id)) ?? false;
  for (const [id, runtime] of Object.entries(state.injects)) {
    if (runtime.status.kind !== 'released') continue;
    const effects = plan.injects.get(id)?.inject.effects ?? own(state.adhoc, id)?.effects;
    if (touches(effects)) seqs.push(runtime.status.seq);
  }
  for (const [id, { point }] of plan.points) {
    const decision = own(state.decisions, id);
    if (decision?.kind !== 'decided' && decision?.kind !== 'expired') continue;
    if (touches(point.options.find((o) => o.id === decision.option)?.effects)) seqs.push(decision.seq);
  }
  return seqs;
}

function restoration(history: readonly { readonly at: number; readonly state: string }[]) {
  const firstDown = history.find((h) => h.state !== 'up');
  const last = history[history.length - 1];
  const firstDownAt = firstDown?.at ?? null;
  const restoredAt = firstDown !== undefined && last?.state === 'up' ? last.at : null;
  return { firstDownAt, restoredAt, timeToRestoreMs: firstDownAt !== null && restoredAt !== null ? restoredAt - firstDownAt : null };
}

export function scoreOutcome(state: ExerciseState): OutcomeScore {
  const scenario = state.scenario;
  const started = state.clock.kind !== 'not-started';
  const horizon = referenceTime(state);
  const baseline = started ? noResponseBaseline(scenario, horizon) : null;

  const services: ServiceOutcome[] = scenario.services.map((service) => {
    const runtime = own(state.services, service.id);
    const lost = started ? userHoursLost(state, service.id) : 0;
    const baseLost = baseline ? userHoursLost(baseline, service.id, horizon) : 0;
    const restored = restoration(runtime?.history ?? []);
    const explanation = explain(
      'scoring.outcome.service',
      {
        service: service.id,
        users: grouped(service.users),
        lost: grouped(lost),
        baseline: grouped(baseLost),
        restore: restored.timeToRestoreMs === null ? num(null) : span(restored.timeToRestoreMs),
      },
      effectEvents(state, upstream(scenario, service.id)),
    );
    return { service: service.id, users: service.users, userHoursLost: lost, baselineUserHoursLost: baseLost, ...restored, explanation };
  });

  const metrics: MetricOutcome[] = scenario.metrics.map((metric) => {
    const value = own(state.metrics, metric.id)?.value ?? metric.initial;
    const base = baseline ? (own(baseline.metrics, metric.id)?.value ?? metric.initial) : metric.initial;
    const seqs = (own(state.metrics, metric.id)?.history ?? []).map((h) => h.seq);
    const params = { metric: metric.id, value, baseline: base, best: metric.better === 'higher' ? metric.max : metric.min, worst: metric.better === 'higher' ? metric.min : metric.max };
    const score = started ? metricScore(metric, value, base) : null;
    return { metric: metric.id, value, baseline: base, score: figure(score, explain(started ? 'scoring.outcome.metric' : 'scoring.outcome.not-started', params, seqs)) };
  });

  const totalLost = services.reduce((sum, s) => sum + s.userHoursLost, 0);
  const totalBaseline = services.reduce((sum, s) => sum + s.baselineUserHoursLost, 0);
  if (!started) {
    return { services, metrics, totalUserHoursLost: 0, baselineUserHoursLost: 0, score: figure(null, explain('scoring.outcome.not-started', {}, [])) };
  }
  const serviceValue = servicesScore(totalLost, totalBaseline);
  const metricValue = mean(valuesOf(metrics.map((m) => m.score)));
  const parts = [serviceValue, metricValue].flatMap((v) => (v === null ? [] : [round1(v)]));
  const value = mean(parts);
  const explanation = explain(
    'scoring.outcome.score',
    {
      lost: grouped(totalLost),
      baseline: grouped(totalBaseline),
      ratio: totalBaseline > 0 ? round3(totalLost / totalBaseline) : num(null),
      services: num(serviceValue === null ? null : round1(serviceValue)),
      metrics: num(metricValue === null ? null : round1(metricValue)),
      count: metrics.length,
      horizon: at(horizon),
    },
    [...services.flatMap((s) => s.explanation.events), ...metrics.flatMap((m) => m.score.explanation.events)],
  );
  return { services, metrics, totalUserHoursLost: totalLost, baselineUserHoursLost: totalBaseline, score: figure(value, explanation) };
}

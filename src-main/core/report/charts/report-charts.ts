/**
 * The report's four charts, each a pure function of the report model: the timeline of injects and
 * decisions, time to restore per service, response latency per cell, and scores by objective.
 */
import { translate } from '../../i18n/translate.ts';
import { formatScenarioTime, HOUR_MS, MINUTE_MS } from '../../time.ts';
import { formatDecimal, formatDurationText } from '../format.ts';
import type { ReportModel } from '../model.ts';
import { barChart } from './bars.ts';
import { emptyBody, fmt, GREY, INK, LIGHT, line, rect, svg, text, WIDTH } from './svg.ts';

export function timeToRestoreChart(model: ReportModel): string {
  const lang = model.meta.language;
  const end = model.overview.scenarioDurationMs;
  const rows = model.cascade
    .filter((c) => c.firstDownAt !== null)
    .map((c) => {
      const stillOut = c.restoredAt === null;
      const outMs = c.timeToRestoreMs ?? Math.max(0, end - (c.firstDownAt ?? 0));
      return {
        label: c.service.name,
        value: outMs / HOUR_MS,
        // The no-response run has no restore time of its own; its user-hours over the service's
        // users is the equivalent time fully out, which is what the outlined bar shows.
        second: c.users > 0 ? c.baselineUserHoursLost / c.users : null,
        hatched: stillOut,
        note: stillOut ? translate(lang, 'report.cascade.not-restored') : formatDurationText(outMs, lang),
      };
    });
  return barChart({
    id: 'chart-ttr',
    title: translate(lang, 'report.chart.ttr'),
    description: translate(lang, 'report.chart.ttr-desc'),
    rows,
    unit: translate(lang, 'report.chart.hours'),
    second: 'outline',
    legend: [
      { label: translate(lang, 'report.chart.legend-actual'), kind: 'solid' },
      { label: translate(lang, 'report.cascade.not-restored'), kind: 'hatched' },
      { label: translate(lang, 'report.chart.legend-baseline'), kind: 'outline' },
    ],
    noData: translate(lang, 'report.chart.no-data'),
    format: (v) => formatDecimal(v),
  });
}

export function latencyChart(model: ReportModel): string {
  const lang = model.meta.language;
  const rows = model.scores.responsiveness.map((r) => ({
    label: model.names[r.cell] ?? r.cell,
    value: r.medianMs === null ? null : r.medianMs / MINUTE_MS,
    second: r.p90Ms === null ? null : r.p90Ms / MINUTE_MS,
  }));
  return barChart({
    id: 'chart-latency',
    title: translate(lang, 'report.chart.latency'),
    description: translate(lang, 'report.chart.latency-desc'),
    rows,
    unit: translate(lang, 'report.chart.minutes'),
    second: 'tick',
    legend: [
      { label: translate(lang, 'report.chart.legend-median'), kind: 'solid' },
      { label: translate(lang, 'report.chart.legend-p90'), kind: 'tick' },
    ],
    noData: translate(lang, 'report.chart.no-data'),
    format: (v) => formatDecimal(v),
  });
}

export function objectiveScoresChart(model: ReportModel): string {
  const lang = model.meta.language;
  const rows = model.scores.objectives.map((o) => ({ label: model.names[o.id] ?? o.id, value: o.score.value }));
  return barChart({
    id: 'chart-scores',
    title: translate(lang, 'report.chart.scores'),
    description: translate(lang, 'report.chart.scores-desc'),
    rows,
    unit: translate(lang, 'report.col.score'),
    second: 'none',
    legend: [],
    fixedMax: 100,
    noData: translate(lang, 'report.chart.no-data'),
    format: (v) => formatDecimal(v, 0),
  });
}

/**
 * Injects (upward ticks) and decisions (black diamonds; an expired default is an open diamond)
 * along scenario time, with the alert-level changes as labelled marks beneath.
 */
export function timelineChart(model: ReportModel): string {
  const lang = model.meta.language;
  const injects = model.timeline.filter((e) => e.kind === 'inject');
  const decisions = model.timeline.filter((e) => e.kind === 'decision');
  const all = [...injects, ...decisions];
  const title = translate(lang, 'report.chart.timeline');
  if (all.length === 0) {
    return svg({ id: 'chart-timeline', title, description: translate(lang, 'report.chart.no-data'), height: 60, body: emptyBody(translate(lang, 'report.chart.no-data'), 60) });
  }
  const to = Math.max(model.overview.scenarioDurationMs, ...all.map((e) => e.at), HOUR_MS);
  const left = 92;
  const right = 16;
  const plotW = WIDTH - left - right;
  const x = (at: number) => left + (Math.max(0, at) / to) * plotW;
  const laneI = 44;
  const laneD = 84;
  const laneA = 118;
  const height = 166;
  const parts: string[] = [];
  // Hour grid: a step that gives at most ~10 labels.
  const hours = to / HOUR_MS;
  const step = [1, 2, 3, 6, 12, 24, 48].find((h) => hours / h <= 10) ?? 96;
  for (let h = 0; h <= hours + 1e-9; h += step) {
    parts.push(line(x(h * HOUR_MS), 26, x(h * HOUR_MS), laneA + 10, `stroke="${LIGHT}" stroke-width="0.8"`));
    parts.push(text(x(h * HOUR_MS), laneA + 26, formatScenarioTime(h * HOUR_MS), `text-anchor="middle" font-size="9.5" fill="${GREY}"`));
  }
  parts.push(text(left - 8, laneI + 4, translate(lang, 'report.chart.legend-injects'), `text-anchor="end" font-size="10"`));
  parts.push(text(left - 8, laneD + 4, translate(lang, 'report.chart.legend-decisions'), `text-anchor="end" font-size="10"`));
  parts.push(text(left - 8, laneA + 4, translate(lang, 'report.chart.legend-alerts'), `text-anchor="end" font-size="10"`));
  for (const lane of [laneI, laneD, laneA]) parts.push(line(left, lane, left + plotW, lane, `stroke="${INK}" stroke-width="0.6"`));
  for (const e of injects) parts.push(line(x(e.at), laneI, x(e.at), laneI - 14, `stroke="${INK}" stroke-width="1.2"`));
  for (const e of decisions) {
    const cx = x(e.at);
    // Engine-made decisions (a default on expiry) have no cell.
    const fill = e.cell === null ? '#fff' : INK;
    parts.push(`<path d="M${fmt(cx)} ${laneD - 7} L${fmt(cx + 5)} ${laneD} L${fmt(cx)} ${laneD + 7} L${fmt(cx - 5)} ${laneD} Z" fill="${fill}" stroke="${INK}" stroke-width="1"/>`);
  }
  for (const a of model.alerts) {
    const ax = x(a.at);
    parts.push(rect(ax - 3, laneA - 3, 6, 6, `fill="${INK}"`));
    // Near the right edge the label runs leftwards so it stays inside the chart.
    const nearEnd = ax > WIDTH - 70;
    parts.push(text(nearEnd ? ax - 5 : ax + 5, laneA - 6, translate(lang, `alert.${a.level}`), `font-size="9.5"${nearEnd ? ' text-anchor="end"' : ''}`));
  }
  const description = translate(lang, 'report.chart.timeline-desc', {
    injects: injects.length,
    decisions: decisions.length,
    from: formatScenarioTime(0),
    to: formatScenarioTime(to),
  });
  return svg({ id: 'chart-timeline', title, description, height, body: parts.join('') });
}

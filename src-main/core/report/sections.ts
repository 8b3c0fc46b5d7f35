/**
 * The AAR/IP in HSEEP order, as blocks: cover → exercise overview → analysis of core capabilities
 * (ratings table, then per capability strengths and areas for improvement) → scores and their
 * explanations → timeline → cascade → alert levels → statutory timers → participant feedback →
 * Appendix A improvement plan → Appendix B participants.
 */
import { translate, type MessageKey } from '../i18n/translate.ts';
import type { Explanation } from '../scoring/model.ts';
import { COMPONENTS } from '../scoring/model.ts';
import { RATINGS } from '../engine/events.ts';
import type { Language } from '../scenario/text.ts';
import { timeToRestoreChart, latencyChart, objectiveScoresChart, timelineChart } from './charts/report-charts.ts';
import { formatDecimal, formatDurationText, formatInt, formatScenarioTime, ratingText, scoreText, wallText } from './format.ts';
import type { ReportModel } from './model.ts';
import { paragraphsOf, type Block, type TableRow } from './outline.ts';

/** Section headings every rendering must carry (the PDF test greps for them), in order. */
export const REQUIRED_HEADINGS = [
  'report.title',
  'report.heading.handling',
  'report.heading.overview',
  'report.heading.analysis',
  'report.heading.ratings',
  'report.heading.strengths',
  'report.heading.improvements',
  'report.heading.scores',
  'report.heading.timeline',
  'report.heading.cascade',
  'report.heading.alerts',
  'report.heading.timers',
  'report.heading.feedback',
  'report.heading.plan',
  'report.heading.participants',
] as const satisfies readonly MessageKey[];

export function requiredHeadings(language: Language): string[] {
  return REQUIRED_HEADINGS.map((key) => translate(language, key));
}

/** An explanation in words: its message with ids replaced by names, and the records it came from. */
export function explain(model: ReportModel, explanation: Explanation): string {
  const params = Object.fromEntries(
    Object.entries(explanation.params).map(([k, v]) => [k, typeof v === 'string' && Object.hasOwn(model.names, v) ? (model.names[v] ?? v) : v]),
  );
  return translate(model.meta.language, explanation.key, params);
}

export function recordsOf(explanation: Explanation): string {
  return explanation.events.length === 0 ? '—' : explanation.events.map((s) => `#${s}`).join(', ');
}

export function reportOutline(model: ReportModel): Block[] {
  return [
    ...cover(model),
    ...overview(model),
    ...analysis(model),
    ...scores(model),
    ...timeline(model),
    ...cascade(model),
    ...alerts(model),
    ...timers(model),
    ...feedback(model),
    ...plan(model),
    ...participants(model),
  ];
}

function h(model: ReportModel, level: 1 | 2 | 3 | 4, key: MessageKey): Block {
  return { kind: 'heading', level, text: translate(model.meta.language, key), key };
}

function cover(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  const o = model.overview;
  const j = model.meta.journal;
  return [
    {
      kind: 'cover',
      title: t('report.title'),
      subtitle: o.exerciseName,
      lines: [
        [t('report.overview.scenario'), o.scenarioTitle],
        [t('report.overview.date'), o.date],
        [t('report.overview.venue'), o.venue],
        [t('report.overview.sponsor'), o.sponsor],
      ],
      status: model.meta.status,
      statusLabel: t(model.meta.status === 'draft' ? 'report.status.draft' : 'report.status.final'),
      statusText: t(model.meta.status === 'draft' ? 'report.cover.status-draft' : 'report.cover.status-final'),
      marking: model.meta.marking,
      handlingHeading: t('report.heading.handling'),
      handling: model.meta.handling ?? t('report.cover.no-handling'),
      journalLabel: t('report.cover.journal', { seq: j.seq }),
      head: j.head,
      verify: t('report.cover.verify', { exercise: j.exerciseId, head: j.head }),
      generated: t('report.cover.prepared', { generatedAt: wallText(model.meta.generatedAt, model.meta.utcOffset) }),
    },
    { kind: 'page-break' },
  ];
}

function overview(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  const o = model.overview;
  const duration =
    o.wallDurationMs === null
      ? t('report.overview.duration-open', { scenario: formatDurationText(o.scenarioDurationMs, lang) })
      : t('report.overview.duration-text', { scenario: formatDurationText(o.scenarioDurationMs, lang), wall: formatDurationText(o.wallDurationMs, lang) });
  return [
    h(model, 2, 'report.heading.overview'),
    {
      kind: 'fields',
      rows: [
        [t('report.overview.name'), o.exerciseName],
        [t('report.overview.scenario'), o.scenarioTitle],
        [t('report.overview.date'), o.date],
        [t('report.overview.scope'), o.scope],
        [t('report.overview.type'), o.type],
        [t('report.overview.duration'), duration],
        [t('report.overview.venue'), o.venue],
        [t('report.overview.mission-areas'), o.missionAreas.join(', ')],
        [t('report.overview.capabilities'), o.capabilities.map((c) => c.name).join(', ')],
        [t('report.overview.objectives'), o.objectives.map((ob, i) => `${i + 1}. ${ob.name}`).join('\n')],
        [t('report.overview.hazard'), o.hazard],
        [t('report.overview.summary'), paragraphsOf(o.summary).join('\n\n')],
        [t('report.overview.sponsor'), o.sponsor],
        [t('report.overview.organisations'), o.organisations.join(', ')],
        [t('report.overview.poc'), o.pointOfContact],
      ],
    },
  ];
}

function analysis(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  const agreementOf = (target: string) => {
    const a = model.scores.targets.find((x) => x.target === target)?.agreement;
    if (!a) return '—';
    return `${formatDecimal(a.percent, 0)}%${a.kappa === null ? '' : ` (κ ${formatDecimal(a.kappa, 2)})`}`;
  };
  const blocks: Block[] = [
    { kind: 'page-break' },
    h(model, 2, 'report.heading.analysis'),
    h(model, 3, 'report.heading.ratings'),
    { kind: 'paragraph', text: t('report.ratings.intro'), tone: 'note' },
    {
      kind: 'table',
      head: [t('report.col.objective'), t('report.col.capability'), t('report.col.target'), t('report.col.rating'), t('report.col.suggested'), t('report.col.agreement')],
      widths: [19, 14, 45, 8, 7, 7],
      rows: model.ratings.map((r) => ({
        cells: [r.objective.name, r.capability.name, `${r.target.name}\n${t('report.col.source')}: ${r.target.source}`, r.rating ?? '—', r.suggested, agreementOf(r.target.id)],
      })),
      numeric: [],
      small: true,
    },
    { kind: 'paragraph', text: RATINGS.map((r) => ratingText(lang, r)).join(' · '), tone: 'note' },
  ];
  for (const cap of model.capabilities) {
    blocks.push({ kind: 'heading', level: 3, text: cap.capability.name });
    blocks.push({ kind: 'paragraph', text: cap.rating === null ? t('report.analysis.unrated') : t('report.analysis.rating', { rating: ratingText(lang, cap.rating) }), tone: 'lead' });
    blocks.push(h(model, 4, 'report.heading.strengths'));
    blocks.push(
      cap.strengths.length === 0
        ? { kind: 'paragraph', text: t('report.analysis.none-strengths'), tone: 'note' }
        : { kind: 'list', items: cap.strengths.map((s) => (s.cellName === null ? s.text : `${s.text} (${s.cellName})`)) },
    );
    blocks.push(h(model, 4, 'report.heading.improvements'));
    if (cap.improvements.length === 0) blocks.push({ kind: 'paragraph', text: t('report.analysis.none-improvements'), tone: 'note' });
    cap.improvements.forEach((imp, i) => {
      blocks.push({ kind: 'paragraph', text: `${i + 1}. ${imp.text}`, tone: 'lead' });
      blocks.push({
        kind: 'fields',
        rows: [
          [t('report.analysis.cell'), imp.cellName ?? t('report.analysis.whole-exercise')],
          [t('report.analysis.reference'), imp.reference],
          [t('report.analysis.analysis'), imp.analysis],
        ],
      });
    });
    if (cap.hotwash.length > 0) {
      blocks.push({ kind: 'paragraph', text: t('report.analysis.hotwash'), tone: 'lead' });
      blocks.push({ kind: 'list', items: cap.hotwash.map((n) => `[${t(`report.hotwash.${n.kind}`)}] ${n.text} — ${n.cellName} (#${n.seq})`) });
    }
    if (cap.observations.length > 0) {
      blocks.push({ kind: 'paragraph', text: t('report.analysis.observations'), tone: 'lead' });
      blocks.push({ kind: 'list', items: cap.observations.map((o) => `${formatScenarioTime(o.at)} ${o.text} — ${o.evaluator} (#${o.seq})`) });
    }
  }
  if (model.hotwashGeneral.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: `${t('report.analysis.hotwash')} — ${t('report.analysis.whole-exercise')}` });
    blocks.push({ kind: 'list', items: model.hotwashGeneral.map((n) => `[${t(`report.hotwash.${n.kind}`)}] ${n.text} — ${n.cellName} (#${n.seq})`) });
  }
  return blocks;
}

function scores(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  const s = model.scores;
  const name = (id: string | null) => (id === null ? '—' : (model.names[id] ?? id));
  const time = (at: number | null) => (at === null ? '—' : formatScenarioTime(at));
  const rollUps = (rows: typeof s.objectives): TableRow[] =>
    rows.map((r) => ({ cells: [name(r.id), scoreText(lang, r.score.value), explain(model, r.score.explanation), recordsOf(r.score.explanation)] }));
  const rollHead = [t('report.col.name'), t('report.col.score'), t('report.col.explanation'), t('report.col.events')];
  const widths = [24, 9, 52, 15];
  return [
    { kind: 'page-break' },
    h(model, 2, 'report.heading.scores'),
    {
      kind: 'fields',
      rows: [
        [t('report.scores.exercise'), `${scoreText(lang, s.exercise.score.value)} / 100 — ${explain(model, s.exercise.score.explanation)}`],
        [t('report.scores.weights'), COMPONENTS.map((c) => `${t(`report.component.${c}`)} ${formatDecimal(s.weights[c], 2)}`).join(' · ')],
      ],
    },
    h(model, 3, 'report.scores.objectives'),
    { kind: 'chart', svg: objectiveScoresChart(model), caption: t('report.chart.scores-desc') },
    { kind: 'table', head: rollHead, widths, rows: rollUps(s.objectives), numeric: [1], small: true },
    h(model, 3, 'report.scores.cells'),
    { kind: 'table', head: rollHead, widths, rows: rollUps(s.cells), numeric: [1], small: true },
    h(model, 3, 'report.scores.tasks'),
    {
      kind: 'table',
      head: [t('report.col.task'), t('report.col.cell'), t('report.col.deadline'), t('report.col.done'), t('report.col.score'), t('report.col.explanation')],
      widths: [30, 14, 9, 9, 8, 30],
      numeric: [4],
      small: true,
      rows: s.tasks.map((k) => ({
        cells: [name(k.task), k.doneBy === null ? k.cells.map(name).join(', ') : name(k.doneBy), time(k.dueAt), time(k.doneAt), scoreText(lang, k.score.value), `${explain(model, k.score.explanation)} (${recordsOf(k.score.explanation)})`],
      })),
    },
    h(model, 3, 'report.scores.decisions'),
    {
      kind: 'table',
      head: [t('report.col.decision'), t('report.col.status'), t('report.col.option'), t('report.col.time'), t('report.col.score'), t('report.col.explanation')],
      widths: [26, 10, 20, 9, 7, 28],
      numeric: [4],
      small: true,
      rows: s.decisions.map((d) => ({
        cells: [name(d.point), t(`report.decision.${d.outcome}`), d.option === null ? '—' : (model.names[`${d.point}/${d.option}`] ?? name(d.option)), time(d.at), scoreText(lang, d.score.value), `${explain(model, d.score.explanation)} (${recordsOf(d.score.explanation)})`],
      })),
    },
    h(model, 3, 'report.scores.responsiveness'),
    { kind: 'chart', svg: latencyChart(model), caption: t('report.chart.latency-desc') },
    {
      kind: 'table',
      head: [t('report.col.cell'), t('report.col.responded'), t('report.col.median'), t('report.col.p90'), t('report.col.score'), t('report.col.explanation')],
      widths: [20, 10, 10, 10, 8, 42],
      numeric: [1, 2, 3, 4],
      small: true,
      rows: s.responsiveness.map((r) => ({
        cells: [name(r.cell), `${r.responded} / ${r.received}`, r.medianMs === null ? '—' : formatDurationText(r.medianMs, lang), r.p90Ms === null ? '—' : formatDurationText(r.p90Ms, lang), scoreText(lang, r.score.value), explain(model, r.score.explanation)],
      })),
    },
    h(model, 3, 'report.scores.outcome'),
    {
      kind: 'fields',
      rows: [
        [t('report.scores.outcome'), `${scoreText(lang, s.outcome.score.value)} — ${explain(model, s.outcome.score.explanation)}`],
        [t('report.col.user-hours'), `${formatInt(s.outcome.totalUserHoursLost)} (${t('report.col.baseline')}: ${formatInt(s.outcome.baselineUserHoursLost)})`],
        ...s.outcome.metrics.map((m) => [name(m.metric), `${formatDecimal(m.value)} (${t('report.col.baseline')}: ${formatDecimal(m.baseline)}) — ${scoreText(lang, m.score.value)}: ${explain(model, m.score.explanation)}`] as const),
        ...(s.agreement === null ? [] : [[t('report.scores.agreement'), explain(model, s.agreement.explanation)] as const]),
      ],
    },
  ];
}

function timeline(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  return [
    { kind: 'page-break' },
    h(model, 2, 'report.heading.timeline'),
    { kind: 'chart', svg: timelineChart(model), caption: t('report.chart.timeline') },
    { kind: 'paragraph', text: t('report.timeline.corrected-note'), tone: 'note' },
    {
      kind: 'table',
      head: [t('report.col.time'), t('report.col.seq'), t('report.col.kind'), t('report.col.cell'), t('report.col.text')],
      widths: [10, 8, 11, 17, 54],
      small: true,
      rows: model.timeline.map((e) => ({
        cells: [formatScenarioTime(e.at), `#${e.seq}`, t(`report.kind.${e.kind}`), e.cell ?? '—', e.corrected ? `[${t('report.timeline.corrected')}] ${e.text}` : e.text],
        corrected: e.corrected,
      })),
    },
  ];
}

function cascade(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  const rows: TableRow[] = model.cascade.map((c) => ({
    cells: [
      c.service.name,
      formatInt(c.users),
      c.firstDownAt === null ? t('report.cascade.never-down') : formatScenarioTime(c.firstDownAt),
      c.firstDownAt === null ? '—' : c.restoredAt === null ? t('report.cascade.not-restored') : formatScenarioTime(c.restoredAt),
      c.timeToRestoreMs === null ? '—' : formatDurationText(c.timeToRestoreMs, lang),
      formatInt(c.userHoursLost),
      formatInt(c.baselineUserHoursLost),
    ],
  }));
  const total = (f: (c: (typeof model.cascade)[number]) => number) => formatInt(model.cascade.reduce((sum, c) => sum + f(c), 0));
  rows.push({ cells: [t('report.cascade.total'), '', '', '', '', total((c) => c.userHoursLost), total((c) => c.baselineUserHoursLost)], total: true });
  return [
    h(model, 2, 'report.heading.cascade'),
    { kind: 'chart', svg: timeToRestoreChart(model), caption: t('report.chart.ttr-desc') },
    {
      kind: 'table',
      head: [t('report.col.service'), t('report.col.users'), t('report.col.first-down'), t('report.col.restored'), t('report.col.ttr'), t('report.col.user-hours'), t('report.col.baseline')],
      widths: [28, 12, 10, 11, 11, 14, 14],
      numeric: [1, 5, 6],
      small: true,
      rows,
    },
  ];
}

function alerts(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey) => translate(lang, key);
  return [
    h(model, 2, 'report.heading.alerts'),
    model.alerts.length === 0
      ? { kind: 'paragraph', text: t('report.alerts.none'), tone: 'note' }
      : {
          kind: 'table',
          head: [t('report.col.time'), t('report.col.seq'), t('report.col.level'), t('report.col.cell'), t('report.col.reason')],
          widths: [11, 8, 12, 20, 49],
          small: true,
          rows: model.alerts.map((a) => ({ cells: [formatScenarioTime(a.at), `#${a.seq}`, t(`alert.${a.level}`), a.cell ?? '—', a.reason] })),
        },
  ];
}

function timers(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey) => translate(lang, key);
  const time = (at: number | null) => (at === null ? '—' : formatScenarioTime(at));
  return [
    h(model, 2, 'report.heading.timers'),
    {
      kind: 'table',
      head: [t('report.col.timer'), t('report.col.basis'), t('report.col.limit'), t('report.col.started'), t('report.col.deadline'), t('report.timer.met'), t('report.col.status')],
      widths: [30, 20, 9, 10, 10, 10, 11],
      small: true,
      rows: model.timers.map((r) => ({
        cells: [r.timer.name, `${t(`report.timer.${r.basis}`)}: ${r.source}`, formatDurationText(r.limitMs, lang), time(r.startedAt), time(r.deadline), time(r.metAt), t(`report.timer.${r.status}`)],
      })),
    },
  ];
}

function feedback(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  const f = model.feedback;
  if (f.forms === 0) return [h(model, 2, 'report.heading.feedback'), { kind: 'paragraph', text: t('report.feedback.none'), tone: 'note' }];
  return [
    h(model, 2, 'report.heading.feedback'),
    { kind: 'paragraph', text: t('report.feedback.forms', { count: f.forms }) },
    {
      kind: 'table',
      head: [t('report.col.item'), t('report.col.mean'), t('report.col.responses')],
      widths: [64, 18, 18],
      numeric: [1, 2],
      rows: f.items.map((i) => ({ cells: [i.item, formatDecimal(i.mean), String(i.count)] })),
    },
    ...(f.strengths.length === 0 ? [] : [h(model, 4, 'report.heading.strengths'), { kind: 'list', items: f.strengths } as const]),
    ...(f.improvements.length === 0 ? [] : [h(model, 4, 'report.heading.improvements'), { kind: 'list', items: f.improvements } as const]),
  ];
}

function plan(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey) => translate(lang, key);
  return [
    { kind: 'page-break' },
    h(model, 2, 'report.heading.plan'),
    {
      kind: 'table',
      head: [t('report.col.capability'), t('report.col.issue'), t('report.col.corrective'), t('report.col.element'), t('report.col.organisation'), t('report.col.contact'), t('report.col.start'), t('report.col.completion'), t('report.col.priority'), t('report.col.plan-status')],
      widths: [11, 16, 19, 8, 11, 9, 7, 7, 6, 6],
      small: true,
      rows: model.improvementPlan.map((p) => ({
        cells: [p.capabilityName, p.issue, p.correctiveAction, t(`report.element.${p.element}`), p.organisation, p.contact, p.start || '—', p.completion || '—', t(`report.priority.${p.priority}`), t(`report.plan-status.${p.status}`)],
      })),
    },
    ...(model.improvementPlan.length === 0 ? [{ kind: 'paragraph', text: t('report.plan.none'), tone: 'note' } as const] : []),
  ];
}

function participants(model: ReportModel): Block[] {
  const lang = model.meta.language;
  const t = (key: MessageKey) => translate(lang, key);
  return [
    h(model, 2, 'report.heading.participants'),
    model.participants.length === 0
      ? { kind: 'paragraph', text: t('report.plan.none-participants'), tone: 'note' }
      : {
          kind: 'table',
          head: [t('report.col.name'), t('report.col.role'), t('report.col.cell'), t('report.col.organisation')],
          widths: [34, 14, 24, 28],
          rows: model.participants.map((p) => ({ cells: [p.name, t(`report.role.${p.role}`), p.cell ?? '—', p.organisation ?? '—'] })),
        },
  ];
}

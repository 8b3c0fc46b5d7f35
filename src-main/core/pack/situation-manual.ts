/**
 * The situation manual (CTEP): for every participant — the exercise overview, objectives, core
 * capabilities, participating cells and the rules of play, then the scenario in chronological
 * modules, each with its summary and its discussion questions grouped by the cells asked.
 */
import { formatDuration, formatScenarioTime, parseDuration, parseScenarioTime } from '../time.ts';
import { localize } from '../scenario/text.ts';
import type { Module } from '../scenario/schema.ts';
import { markdownToHtml } from './markdown-html.ts';
import { cover, metaTable, packDocument, packText } from './page.ts';
import type { PackInput, PackText } from './page.ts';

const RULES = ['pack.manual.rule.1', 'pack.manual.rule.2', 'pack.manual.rule.3', 'pack.manual.rule.4', 'pack.manual.rule.5', 'pack.manual.rule.6', 'pack.manual.rule.7'] as const;

export function situationManualHtml(input: PackInput): string {
  const { scenario, language } = input;
  const text = packText(input);
  const { h, l } = text;
  const md = (value: Parameters<typeof localize>[0]) => markdownToHtml(localize(value, language));
  const players = scenario.cells.filter((c) => c.role === 'player');
  const modules = [...scenario.modules].sort((a, b) => (parseScenarioTime(a.from) ?? 0) - (parseScenarioTime(b.from) ?? 0));

  const body = [
    cover(input, text, 'pack.manual.title'),
    `<section class="pk-page"><h2>${h('pack.manual.overview')}</h2>`,
    `<p>${h('pack.manual.intro')}</p>`,
    metaTable([
      [h('pack.manual.scenario'), l(scenario.title)],
      [h('pack.manual.type'), h('pack.manual.type-value')],
      [h('pack.manual.hazard'), l(scenario.hazard)],
      [h('pack.manual.start'), scenario.t0.replace('T', ' ')],
      [h('pack.manual.span'), formatDuration(parseDuration(scenario.span) ?? 0)],
    ]),
    `<h3>${h('pack.manual.summary')}</h3>`,
    md(scenario.summary),
    `<h3>${h('pack.manual.background')}</h3>`,
    md(scenario.background),
    `<h2>${h('pack.manual.objectives')}</h2>`,
    `<ol>${scenario.objectives.map((o) => `<li><strong>${l(o.title)}</strong>${o.description === undefined ? '' : md(o.description)}</li>`).join('')}</ol>`,
    `<h2>${h('pack.manual.capabilities')}</h2>`,
    `<ul>${scenario.capabilities.map((c) => `<li><strong>${l(c.name)}</strong>${c.description === undefined ? '' : ` — ${l(c.description)}`}</li>`).join('')}</ul>`,
    `<h2>${h('pack.manual.cells')}</h2>`,
    `<table><thead><tr><th>${h('pack.manual.cell')}</th><th>${h('pack.manual.agency')}</th></tr></thead><tbody>`,
    players.map((c) => `<tr><td>${l(c.name)}</td><td>${l(c.agency)}</td></tr>`).join(''),
    '</tbody></table>',
    `<h2>${h('pack.manual.rules')}</h2>`,
    `<ol>${RULES.map((key) => `<li>${h(key)}</li>`).join('')}</ol>`,
    '</section>',
    `<section class="pk-page"><h2>${h('pack.manual.modules')}</h2>`,
    modules.map((m, i) => moduleHtml(m, i + 1, input, text)).join('\n'),
    '</section>',
  ].join('\n');
  return packDocument(input, text.t('pack.manual.title'), body);
}

function moduleHtml(module: Module, n: number, input: PackInput, text: PackText): string {
  const { h, l } = text;
  const from = formatScenarioTime(parseScenarioTime(module.from) ?? 0);
  const to = formatScenarioTime(parseScenarioTime(module.to) ?? 0);
  // Grouped by the cells asked, in the order the groups first appear (CTEP: "by function").
  const groups = new Map<string, { cells: readonly string[]; questions: string[] }>();
  for (const q of module.questions) {
    const key = [...q.cells].sort().join(',');
    const group = groups.get(key) ?? { cells: q.cells, questions: [] };
    group.questions.push(l(q.text));
    groups.set(key, group);
  }
  const questions =
    groups.size === 0
      ? `<p class="pk-muted">${h('pack.manual.no-questions')}</p>`
      : [...groups.values()]
          .map((g) => `<h4>${g.cells.map(text.cell).join(' · ')}</h4><ol>${g.questions.map((q) => `<li>${q}</li>`).join('')}</ol>`)
          .join('\n');
  return [
    `<section class="pk-module${n > 1 ? ' pk-page' : ''}">`,
    `<h3>${h('pack.manual.module', { n, title: localize(module.title, input.language) })}</h3>`,
    `<p class="pk-muted">${h('pack.manual.module-time', { from, to })}</p>`,
    module.summary === undefined ? '' : markdownToHtml(localize(module.summary, input.language)),
    `<h4>${h('pack.manual.questions')}</h4>`,
    questions,
    '</section>',
  ].join('\n');
}

/**
 * Inject cards for controllers in a room without screens: one card per inject, one card per page,
 * in MSEL order (scripted time first, then triggered injects), each with the marking, number,
 * time, from/to, delivery channel, the message as written in the scenario (Markdown, rendered
 * safely), the decision the cells are asked for, the critical tasks evaluators should see, and a
 * blank for the actual delivery time. Doctrine scores and facilitator notes stay off the card:
 * cards are handed to players.
 */
import { formatDuration, parseDuration, parseScenarioTime } from '../time.ts';
import { formatScenarioTime } from '../time.ts';
import { localize } from '../scenario/text.ts';
import type { Inject } from '../scenario/schema.ts';
import { markdownToHtml } from './markdown-html.ts';
import { cover, metaTable, packDocument, packText } from './page.ts';
import type { PackInput, PackText } from './page.ts';

const CARD_CSS = `
.pk-card h2 { margin-top: 0; border-bottom-width: 2pt; }
.pk-card-title { font-size: 13pt; font-weight: 700; margin: 0 0 3mm; }
.pk-card-message { border: 0.8pt solid var(--ink); padding: 3mm 4mm; margin: 0 0 4mm; font-size: 10.5pt; }
.pk-card-long .pk-card-message { font-size: 8.5pt; }
.pk-card-flag { display: inline-block; border: 0.8pt solid var(--ink); padding: 0 2mm; font-size: 8pt; font-weight: 700; margin-bottom: 2mm; }
`;

/** MSEL order: injects with a scripted time by time, then the triggered ones in file order. */
export function mselOrder(injects: readonly Inject[]): Inject[] {
  const at = (i: Inject) => (i.at === undefined ? Number.POSITIVE_INFINITY : (parseScenarioTime(i.at) ?? Number.POSITIVE_INFINITY));
  return injects
    .map((inject, index) => ({ inject, index }))
    .sort((a, b) => at(a.inject) - at(b.inject) || a.index - b.index)
    .map((x) => x.inject);
}

export function injectCardsHtml(input: PackInput): string {
  const text = packText(input);
  const cards = mselOrder(input.scenario.injects).map((inject) => cardHtml(inject, input, text));
  return packDocument(input, text.t('pack.cards.title'), [cover(input, text, 'pack.cards.title'), ...cards].join('\n'), CARD_CSS);
}

function timeOf(inject: Inject, text: PackText): string {
  const parts: string[] = [];
  if (inject.at !== undefined) parts.push(formatScenarioTime(parseScenarioTime(inject.at) ?? 0));
  const trigger = inject.trigger;
  if (trigger?.after !== undefined) parts.push(text.h('pack.card.after', { inject: trigger.after, delay: formatDuration(parseDuration(trigger.delay ?? '0m') ?? 0) }));
  else if (trigger?.delay !== undefined && inject.at === undefined) parts.push(formatDuration(parseDuration(trigger.delay) ?? 0));
  if (trigger?.when !== undefined) parts.push(text.h('pack.card.on-condition'));
  if (inject.locked) parts.push(text.h('pack.card.unlocked'));
  return parts.length === 0 ? text.h('pack.none') : parts.join('; ');
}

function cardHtml(inject: Inject, input: PackInput, text: PackText): string {
  const { h, l } = text;
  const { scenario, language } = input;
  const body = localize(inject.body, language);
  const module = scenario.modules.find((m) => m.id === inject.module);
  const tasks = inject.expects.map((id) => scenario.tasks.find((t) => t.id === id)).filter((t) => t !== undefined);
  const decision = inject.decision;
  return [
    `<section class="pk-page pk-card${body.length > 1500 ? ' pk-card-long' : ''}" data-inject="${inject.id.replace(/[^A-Za-z0-9_.-]/g, '')}">`,
    `<h2>${h('pack.card.inject', { id: inject.id })}</h2>`,
    inject.contingency ? `<div class="pk-card-flag">${h('pack.card.contingency')}</div>` : '',
    `<p class="pk-card-title">${l(inject.title)}</p>`,
    metaTable([
      [h(inject.at === undefined ? 'pack.card.time-triggered' : 'pack.card.time'), timeOf(inject, text)],
      [h('pack.card.module'), module === undefined ? h('pack.none') : l(module.title)],
      [h('pack.card.type'), h(`pack.type.${inject.type}`)],
      [h('pack.card.channel'), h(`console.channel.${inject.channel}`)],
      [h('pack.card.from'), text.cell(inject.from)],
      [h('pack.card.to'), inject.to.map(text.cell).join(', ')],
    ]),
    `<h3>${h('pack.card.message')}</h3>`,
    `<div class="pk-card-message">${markdownToHtml(body)}</div>`,
    decision === undefined
      ? ''
      : [
          `<h3>${h('pack.card.decision')}</h3>`,
          `<p><strong>${l(decision.prompt)}</strong> <span class="pk-muted">(${h('pack.card.decision-due', { due: formatDuration(parseDuration(decision.due) ?? 0) })}; ${decision.cells.map(text.cell).join(', ')})</span></p>`,
          `<ul class="pk-choices-list">${decision.options.map((o) => `<li><span class="pk-box"></span>${l(o.label)}</li>`).join('')}</ul>`,
        ].join('\n'),
    `<h3>${h('pack.card.expected')}</h3>`,
    tasks.length === 0 ? `<p class="pk-muted">${h('pack.card.no-expected')}</p>` : `<ul>${tasks.map((t) => `<li>${l(t.text)} <span class="pk-muted">(${t.cells.map(text.cell).join(', ')})</span></li>`).join('')}</ul>`,
    metaTable([
      [h('pack.card.delivered'), ''],
      [h('pack.card.controller'), inject.controller === undefined ? '' : text.cell(inject.controller)],
    ]),
    '</section>',
  ].join('\n');
}

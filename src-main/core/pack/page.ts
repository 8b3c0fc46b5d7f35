/**
 * What every printed pack document shares: the scenario's classification marking and the EXERCISE
 * banner on every page (through `htmlDocument`), a footer naming the scenario and the hash of the
 * exact version printed (so a card on the table can be matched to the file that produced it), and
 * the small helpers the four builders use.
 */
import { translate } from '../i18n/translate.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';
import { htmlDocument } from '../report/html-page.ts';
import { escapeHtml } from '../report/html-escape.ts';
import { localize } from '../scenario/text.ts';
import type { Language, LocalizedText } from '../scenario/text.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface PackInput {
  readonly scenario: Scenario;
  /** SHA-256 of the scenario file, printed (shortened) in every footer. */
  readonly scenarioHash: string;
  readonly language: Language;
  /** @font-face rules for Noto Sans KR, from the caller (the core reads no files). */
  readonly fontFaceCss: string;
}

export interface PackText {
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  /** Escaped translation. */
  readonly h: (key: MessageKey, params?: MessageParams) => string;
  /** Escaped localized scenario text. */
  readonly l: (text: LocalizedText) => string;
  /** Escaped name of a cell id ("all" → all cells). */
  readonly cell: (id: string) => string;
}

export function packText(input: PackInput): PackText {
  const { scenario, language } = input;
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const cells = new Map(scenario.cells.map((c) => [c.id, localize(c.name, language)]));
  return {
    t,
    h: (key, params) => escapeHtml(t(key, params)),
    l: (text) => escapeHtml(localize(text, language)),
    cell: (id) => escapeHtml(id === 'all' ? t('pack.all-cells') : (cells.get(id) ?? id)),
  };
}

const PACK_CSS = `
.pk-cover { break-after: page; page-break-after: always; }
.pk-cover h1 { font-size: 24pt; margin-top: 30mm; }
.pk-kicker { font-size: 11pt; color: var(--muted); letter-spacing: 0.08em; text-transform: uppercase; margin-bottom: 2mm; }
.pk-subtitle { font-size: 13pt; margin-bottom: 10mm; }
.pk-handling { border: 1pt solid var(--ink); padding: 3mm 4mm; margin-top: 12mm; }
.pk-page { break-before: page; page-break-before: always; }
.pk-page:first-child { break-before: auto; page-break-before: auto; }
.pk-meta th { width: 32%; background: var(--fill); }
.pk-link { color: var(--muted); font-size: 85%; }
.pk-md-heading { margin-top: 2mm; }
.pk-muted { color: var(--muted); }
.pk-lines td { height: 11mm; }
.pk-box { display: inline-block; width: 4.2mm; height: 4.2mm; border: 0.8pt solid var(--ink); vertical-align: -0.8mm; margin-right: 1.2mm; }
.pk-choices span { margin-right: 5mm; white-space: nowrap; }
.pk-write { height: 22mm; border: 0.5pt solid var(--rule); margin-bottom: 3mm; }
`;

export function packDocument(input: PackInput, title: string, body: string, extraCss = ''): string {
  const { scenario, language } = input;
  return htmlDocument({
    lang: language,
    title: `${title} — ${localize(scenario.title, language)}`,
    marking: localize(scenario.marking.classification, language),
    banner: translate(language, 'exercise.banner'),
    footer: translate(language, 'pack.footer', { scenario: scenario.id, hash: input.scenarioHash.slice(0, 12) }),
    fontFaceCss: input.fontFaceCss,
    body,
    extraCss: PACK_CSS + extraCss,
  });
}

/** The cover: document kind, scenario title, handling instructions. */
export function cover(input: PackInput, text: PackText, kind: MessageKey): string {
  const handling = input.scenario.marking.handling;
  return [
    '<section class="pk-cover">',
    `<div class="pk-kicker">${text.h('pack.title')}</div>`,
    `<h1>${text.h(kind)}</h1>`,
    `<div class="pk-subtitle">${text.l(input.scenario.title)}</div>`,
    `<p>${text.h('pack.for-exercise-use')}</p>`,
    handling === undefined ? '' : `<div class="pk-handling"><strong>${text.h('pack.handling')}</strong><p>${text.l(handling)}</p></div>`,
    '</section>',
  ].join('\n');
}

export function metaTable(rows: readonly (readonly [string, string])[]): string {
  return `<table class="pk-meta"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

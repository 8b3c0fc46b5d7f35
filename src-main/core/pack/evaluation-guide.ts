/**
 * Exercise Evaluation Guides (HSEEP EEG): one sheet per core capability, starting on a new page —
 * the objectives it serves, each capability target with its source, the critical tasks with their
 * cells and due windows, ruled lines for timestamped observations, P/S/M/U boxes per target with
 * room for the explanation, the final capability rating, and the evaluator's name.
 */
import { formatDuration, parseDuration } from '../time.ts';
import { localize } from '../scenario/text.ts';
import type { Anchor, Scenario } from '../scenario/schema.ts';

type Capability = Scenario['capabilities'][number];
import { cover, packDocument, packText } from './page.ts';
import type { PackInput, PackText } from './page.ts';

const RATINGS = ['P', 'S', 'M', 'U'] as const;
const OBSERVATION_LINES = 8;

const EEG_CSS = `
.pk-eeg h2 { margin-top: 0; }
.pk-target { border: 0.8pt solid var(--rule); padding: 2mm 3mm; margin-bottom: 3mm; break-inside: avoid; page-break-inside: avoid; }
.pk-target h4 { margin-top: 0; }
.pk-scale td, .pk-scale th { font-size: 7.5pt; }
`;

export function evaluationGuideHtml(input: PackInput): string {
  const text = packText(input);
  const sheets = input.scenario.capabilities.map((capability) => sheetHtml(capability, input, text));
  return packDocument(input, text.t('pack.eeg.title'), [cover(input, text, 'pack.eeg.title'), ...sheets].join('\n'), EEG_CSS);
}

function anchorText(anchor: Anchor, text: PackText): string {
  if (anchor === 'start') return text.t('pack.eeg.anchor.start');
  if ('released' in anchor) return text.t('pack.eeg.anchor.released', { inject: anchor.released });
  return text.t('pack.eeg.anchor.decided', { point: anchor.decided });
}

function ratingBoxes(): string {
  return `<span class="pk-choices">${RATINGS.map((r) => `<span><span class="pk-box"></span>${r}</span>`).join('')}</span>`;
}

function sheetHtml(capability: Capability, input: PackInput, text: PackText): string {
  const { h, l } = text;
  const { scenario, language } = input;
  const targets = scenario.targets.filter((t) => t.capability === capability.id);
  const objectives = scenario.objectives.filter((o) => targets.some((t) => t.objective === o.id));
  const targetBlocks = targets.map((target) => {
    const tasks = scenario.tasks.filter((t) => t.target === target.id);
    return [
      '<div class="pk-target">',
      `<h4>${h('pack.eeg.target')}: ${l(target.text)}</h4>`,
      `<p class="pk-muted">${h('pack.eeg.source')}: ${l(target.source)}</p>`,
      `<table><thead><tr><th>${h('pack.eeg.task')}</th><th>${h('pack.eeg.cells')}</th><th>${h('pack.eeg.due')}</th></tr></thead><tbody>`,
      tasks
        .map(
          (t) =>
            `<tr><td>${l(t.text)}</td><td>${t.cells.map(text.cell).join(', ')}</td><td>${h('pack.eeg.due-within', { within: formatDuration(parseDuration(t.due.within) ?? 0), anchor: anchorText(t.due.after, text) })}</td></tr>`,
        )
        .join(''),
      '</tbody></table>',
      `<p><strong>${h('pack.eeg.target-rating')}</strong> ${ratingBoxes()}</p>`,
      `<p>${h('pack.eeg.explanation')}</p><div class="pk-write"></div>`,
      '</div>',
    ].join('\n');
  });
  const lines = Array.from({ length: OBSERVATION_LINES }, () => '<tr><td></td><td></td></tr>').join('');
  return [
    '<section class="pk-page pk-eeg">',
    `<h2>${h('pack.eeg.sheet', { capability: localize(capability.name, language) })}</h2>`,
    `<p><strong>${h('pack.eeg.objectives')}:</strong> ${objectives.map((o) => l(o.title)).join('; ')}</p>`,
    ...targetBlocks,
    `<h3>${h('pack.eeg.observations')}</h3>`,
    `<table class="pk-lines"><thead><tr><th style="width:18%">${h('pack.eeg.obs-time')}</th><th>${h('pack.eeg.obs-note')}</th></tr></thead><tbody>${lines}</tbody></table>`,
    `<h3>${h('pack.eeg.final')}</h3>`,
    `<p>${ratingBoxes()}</p>`,
    `<table class="pk-scale"><thead><tr><th colspan="2">${h('pack.eeg.scale')}</th></tr></thead><tbody>${RATINGS.map((r) => `<tr><th>${r}</th><td>${h(`rating.${r}`)}</td></tr>`).join('')}</tbody></table>`,
    `<table class="pk-meta"><tbody><tr><th>${h('pack.eeg.evaluator')}</th><td></td></tr><tr><th>${h('pack.eeg.contact')}</th><td></td></tr><tr><th>${h('pack.eeg.date')}</th><td></td></tr></tbody></table>`,
    '</section>',
  ].join('\n');
}

/**
 * The participant feedback form (CTEP): who is answering, the rated statements on a 1–5 scale,
 * the three top strengths and areas for improvement, and free comments. The statements are the
 * ones the hot-wash screen records (`hotwash.item.*`), so a paper form can be typed in as is.
 */
import { cover, packDocument, packText } from './page.ts';
import type { PackInput } from './page.ts';

// Same ids and order as the app's feedback form and the report (core/report/feedback-items.ts).
import { FEEDBACK_ITEMS } from '../report/feedback-items.ts';

export { FEEDBACK_ITEMS };
const SCORES = [1, 2, 3, 4, 5] as const;

const FEEDBACK_CSS = `
.pk-scale-row td { text-align: center; width: 9%; }
.pk-numbered li { margin-bottom: 2mm; }
.pk-numbered .pk-write { height: 12mm; }
`;

export function feedbackFormHtml(input: PackInput): string {
  const text = packText(input);
  const { h } = text;
  const numbered = (n: number) => `<ol class="pk-numbered">${Array.from({ length: n }, () => '<li><div class="pk-write"></div></li>').join('')}</ol>`;
  const body = [
    cover(input, text, 'pack.feedback.title'),
    '<section class="pk-page">',
    `<h2>${h('pack.feedback.title')}</h2>`,
    `<p>${h('pack.feedback.intro')}</p>`,
    `<table class="pk-meta"><tbody><tr><th>${h('pack.feedback.name')}</th><td></td></tr><tr><th>${h('pack.feedback.cell')}</th><td></td></tr><tr><th>${h('pack.feedback.role')}</th><td></td></tr></tbody></table>`,
    `<h3>${h('pack.feedback.part1')}</h3>`,
    `<p>${h('pack.feedback.part1-hint')} ${h('hotwash.scale')}</p>`,
    `<table><thead><tr><th>${h('pack.feedback.statement')}</th>${SCORES.map((s) => `<th>${s}</th>`).join('')}</tr></thead><tbody>`,
    FEEDBACK_ITEMS.map((item) => `<tr class="pk-scale-row"><th scope="row">${h(`hotwash.item.${item}`)}</th>${SCORES.map((s) => `<td><span class="pk-box"></span>${s}</td>`).join('')}</tr>`).join(''),
    '</tbody></table>',
    `<h3>${h('pack.feedback.part2')}</h3>`,
    `<h4>${h('pack.feedback.strengths')}</h4>`,
    numbered(3),
    `<h4>${h('pack.feedback.improvements')}</h4>`,
    numbered(3),
    `<h3>${h('pack.feedback.part3')}</h3>`,
    `<p>${h('pack.feedback.comments')}</p><div class="pk-write" style="height:40mm"></div>`,
    '</section>',
  ].join('\n');
  return packDocument(input, text.t('pack.feedback.title'), body, FEEDBACK_CSS);
}

/**
 * The AAR/IP as one self-contained, printable HTML document (the PDF is printed from it): the
 * outline's blocks rendered into the shared page (html-page.ts) with the marking, EXERCISE banner
 * and journal footer on every page. All text is escaped here; only the charts' SVG, built and
 * escaped by charts/, is inserted as markup.
 */
import { assertNever } from '../engine/assert-never.ts';
import { translate } from '../i18n/translate.ts';
import { escapeHtml } from './html-escape.ts';
import { htmlDocument } from './html-page.ts';
import type { ReportModel } from './model.ts';
import type { Block } from './outline.ts';
import { reportOutline } from './sections.ts';

export { REQUIRED_HEADINGS, requiredHeadings } from './sections.ts';

const REPORT_CSS = `
.cover { min-height: 225mm; display: flex; flex-direction: column; }
.cover .cover-kicker { font-size: 10pt; font-weight: 700; letter-spacing: 0.12em; color: var(--muted); margin: 14mm 0 3mm; }
.cover h1 { font-size: 24pt; margin: 0 0 3mm; }
.cover .cover-subtitle { font-size: 15pt; font-weight: 700; margin: 0 0 9mm; }
.cover table.fields { width: 70%; }
.cover .cover-marking { margin: 6mm 0; padding: 3mm 4mm; border: 1.2pt solid var(--ink); text-align: center; font-weight: 700; font-size: 12pt; letter-spacing: 0.05em; }
.cover .cover-status { align-self: flex-start; margin: 0 0 4mm; padding: 1mm 4mm; border: 1.2pt solid var(--ink); font-weight: 700; letter-spacing: 0.15em; }
.cover .cover-status.final { background: var(--ink); color: #fff; }
.cover .cover-handling { margin-top: auto; border-top: 0.8pt solid var(--ink); padding-top: 3mm; font-size: 8.5pt; }
.cover .cover-handling h2 { font-size: 10pt; border: 0; margin: 0 0 1.5mm; padding: 0; color: var(--ink); }
.cover .cover-journal { margin-top: 4mm; font-size: 8pt; color: var(--muted); }
.mono, .cover .hash { font-family: 'Noto Sans KR', monospace; font-size: 7.5pt; overflow-wrap: anywhere; word-break: break-all; }
.new-page { break-before: page; page-break-before: always; }
.keep { break-inside: avoid; page-break-inside: avoid; }
table.fields th { width: 26%; background: var(--fill); font-weight: 700; }
table.fields td { white-space: pre-line; }
table.small { font-size: 7.8pt; }
table td { white-space: pre-line; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.corrected td { color: var(--muted); text-decoration: line-through; text-decoration-thickness: 0.5pt; }
tr.corrected td:last-child { text-decoration: none; font-style: italic; }
tr.total td { font-weight: 700; border-top: 1pt solid var(--ink); }
p.lead { font-weight: 700; margin: 1.5mm 0 1mm; }
p.note { color: var(--muted); font-size: 8.5pt; }
ul { margin: 0 0 3mm; padding-left: 5mm; }
li { margin-bottom: 1mm; }
h3 { border-left: 2.5pt solid var(--accent); padding-left: 2mm; }
`;

export interface HtmlOptions {
  /** @font-face rules for 'Noto Sans KR' (data: URLs for a standalone file; relative URLs for the PDF printer). */
  readonly fontFaceCss: string;
}

export function renderReportHtml(model: ReportModel, options: HtmlOptions): string {
  const lang = model.meta.language;
  const j = model.meta.journal;
  return htmlDocument({
    lang,
    title: `${translate(lang, 'report.title')} — ${model.overview.exerciseName}`,
    marking: model.meta.marking,
    banner: translate(lang, 'exercise.banner'),
    footer: translate(lang, 'report.footer', { exercise: j.exerciseId, seq: j.seq, head: j.head }),
    status: model.meta.status,
    fontFaceCss: options.fontFaceCss,
    extraCss: REPORT_CSS,
    body: renderBlocks(reportOutline(model)),
  });
}

/** A page break becomes a class on the block after it (an empty element of its own can strand a blank page). */
export function renderBlocks(blocks: readonly Block[]): string {
  const out: string[] = [];
  let breakNext = false;
  blocks.forEach((block, i) => {
    if (block.kind === 'page-break') {
      breakNext = true;
      return;
    }
    let html = renderBlock(block);
    // A heading directly over a chart travels with it, so the heading is never stranded at a page foot.
    if (block.kind === 'chart' && blocks[i - 1]?.kind === 'heading') html = `${out.pop() ?? ''}${html}`;
    if (block.kind === 'chart' && blocks[i - 1]?.kind === 'heading') html = `<div class="keep">${html}</div>`;
    out.push(breakNext ? html.replace(/^<(\w+)/, '<$1 class="new-page"').replace(/class="new-page" class="/, 'class="new-page ') : html);
    breakNext = false;
  });
  return out.join('\n');
}

export function renderBlock(block: Block): string {
  const e = escapeHtml;
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}${block.key === undefined ? '' : ` data-key="${e(block.key)}"`}>${e(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.tone === undefined ? '' : ` class="${block.tone}"`}>${e(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
    case 'fields':
      return `<table class="fields"><tbody>${block.rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</tbody></table>`;
    case 'table': {
      const numeric = new Set(block.numeric ?? []);
      const cls = (i: number) => (numeric.has(i) ? ' class="num"' : '');
      const total = (block.widths ?? []).reduce((a, b) => a + b, 0);
      const cols = block.widths ? `<colgroup>${block.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>` : '';
      const head = `<thead><tr>${block.head.map((h, i) => `<th scope="col"${cls(i)}>${e(h)}</th>`).join('')}</tr></thead>`;
      const rows = block.rows
        .map((r) => {
          const rc = [r.corrected ? 'corrected' : '', r.total ? 'total' : ''].filter(Boolean).join(' ');
          return `<tr${rc === '' ? '' : ` class="${rc}"`}>${r.cells.map((c, i) => `<td${cls(i)}>${e(c)}</td>`).join('')}</tr>`;
        })
        .join('');
      return `<table${block.small ? ' class="small"' : ''}>${cols}${head}<tbody>${rows}</tbody></table>`;
    }
    case 'chart':
      return `<figure>${block.svg}<figcaption>${e(block.caption)}</figcaption></figure>`;
    case 'page-break':
      return '<div class="new-page"></div>';
    case 'cover':
      return [
        '<section class="cover">',
        `<div class="cover-kicker">${e(block.marking)}</div>`,
        `<h1 data-key="report.title">${e(block.title)}</h1>`,
        `<div class="cover-subtitle">${e(block.subtitle)}</div>`,
        `<div class="cover-status ${block.status}">${e(block.statusLabel)}</div>`,
        `<p>${e(block.statusText)}</p>`,
        `<table class="fields"><tbody>${block.lines.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</tbody></table>`,
        `<div class="cover-marking">${e(block.marking)}</div>`,
        '<div class="cover-handling">',
        `<h2 data-key="report.heading.handling">${e(block.handlingHeading)}</h2>`,
        `<p>${e(block.handling)}</p>`,
        `<div class="cover-journal"><div>${e(block.journalLabel)}</div><div class="hash">${e(block.head)}</div><div class="mono">${e(block.verify)}</div><div>${e(block.generated)}</div></div>`,
        '</div>',
        '</section>',
      ].join('');
    default:
      return assertNever(block, 'report block');
  }
}

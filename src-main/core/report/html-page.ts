/**
 * The printable page every Sitroom document is poured into (AAR/IP, packs): a complete,
 * self-contained HTML document that prints on A4 with the classification marking and the
 * EXERCISE banner on every page, the journal footer on every page, and DRAFT while the report
 * is not final.
 *
 * How the bars repeat: Chromium (and so Electron's printToPDF) paints `position: fixed` elements on
 * every printed page, but only inside the page area — an offset into the @page margin lands on the
 * neighbouring page. So the bars sit at the top and bottom edges of the page area, and the body is
 * wrapped in a one-cell table whose empty <thead>/<tfoot> rows (which Chromium repeats on every page)
 * reserve the space the bars cover. Page numbers use the @page margin boxes.
 *
 * The document runs no script and loads nothing: the Content-Security-Policy forbids scripts,
 * connections and remote resources; fonts and images must be `data:` URLs (the shipped Noto Sans
 * KR arrives as @font-face CSS with data: sources).
 */
import type { Language } from '../scenario/text.ts';
import { translate } from '../i18n/translate.ts';
import { escapeHtml, escapeStyleText } from './html-escape.ts';

export { escapeHtml } from './html-escape.ts';

export interface HtmlPage {
  readonly lang: Language;
  readonly title: string;
  /** Classification marking, top and bottom of every page. */
  readonly marking: string;
  /** The "EXERCISE" banner (훈련), top and bottom of every page. */
  readonly banner: string;
  /** Journal seq and head hash (or whatever ties the document to its source), bottom of every page. */
  readonly footer: string;
  readonly status?: 'draft' | 'final';
  /** @font-face rules for 'Noto Sans KR' (data: URLs). */
  readonly fontFaceCss: string;
  /** Trusted, already-escaped HTML of the document body. */
  readonly body: string;
  readonly extraCss?: string;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "font-src 'self' data:",
  'img-src data:',
  "script-src 'none'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Heights of the repeated bars; the spacers match them so no text runs under a bar. */
const TOP_BAR_MM = 11;
const BOTTOM_BAR_MM = 15;
const GAP_MM = 5;

const BASE_CSS = `
@page { size: A4; margin: 9mm 15mm 10mm 15mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 7.5pt 'Noto Sans KR', sans-serif; color: #333; }
}
:root { --ink: #111; --muted: #555; --rule: #9a9a9a; --fill: #f0f0f0; --accent: #1f3a5f; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font-family: 'Noto Sans KR', 'Noto Sans', sans-serif; font-size: 9.5pt; line-height: 1.5; color: var(--ink);
  background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact;
  word-break: keep-all; overflow-wrap: break-word;
}
.sr-bar { position: fixed; left: 0; right: 0; background: #fff; text-align: center; z-index: 2; }
.sr-bar-top { top: 0; height: ${TOP_BAR_MM}mm; border-bottom: 0.6pt solid var(--ink); }
.sr-bar-bottom { bottom: 0; height: ${BOTTOM_BAR_MM}mm; border-top: 0.6pt solid var(--ink); padding-top: 1mm; }
.sr-marking { font-weight: 700; font-size: 9pt; letter-spacing: 0.06em; text-transform: uppercase; }
.sr-banner { font-size: 7pt; font-weight: 700; letter-spacing: 0.3em; color: var(--ink); }
.sr-footer { font-size: 6.5pt; color: var(--muted); font-family: 'Noto Sans KR', monospace; overflow-wrap: anywhere; }
.sr-status { position: absolute; right: 0; top: 1.2mm; font-size: 7pt; font-weight: 700; letter-spacing: 0.12em;
  border: 0.8pt solid var(--ink); padding: 0 1.5mm; }
.sr-watermark { position: fixed; left: 0; right: 0; top: 42%; text-align: center; z-index: 0; pointer-events: none;
  font-size: 96pt; font-weight: 700; letter-spacing: 0.1em; color: rgba(0, 0, 0, 0.07);
  transform: rotate(-30deg); }
table.sr-frame { width: 100%; border-collapse: collapse; position: relative; z-index: 1; }
table.sr-frame > thead > tr > td, table.sr-frame > tfoot > tr > td, table.sr-frame > tbody > tr > td { padding: 0; border: 0; }
.sr-space-top { height: ${TOP_BAR_MM + GAP_MM}mm; }
.sr-space-bottom { height: ${BOTTOM_BAR_MM + GAP_MM}mm; }
h1, h2, h3, h4 { color: var(--accent); line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; padding-bottom: 1mm; border-bottom: 1.2pt solid var(--accent); }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
h4 { font-size: 9.5pt; margin: 2.5mm 0 1mm; color: var(--ink); }
p { margin: 0 0 2.5mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; font-size: 8.5pt; }
th, td { border: 0.5pt solid var(--rule); padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
thead th { background: var(--fill); font-weight: 700; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
figure { margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: 8pt; color: var(--muted); margin-top: 1mm; }
@media screen {
  body { background: #e8e8e8; }
  table.sr-frame { max-width: 210mm; margin: 0 auto; background: #fff; }
  table.sr-frame > tbody > tr > td { padding: 0 15mm; }
  .sr-bar { max-width: 210mm; margin: 0 auto; }
}
`;

/** A complete HTML page (as a string). Every argument except `body`, `fontFaceCss` and `extraCss` is escaped here. */
export function htmlDocument(page: HtmlPage): string {
  const draft = page.status === 'draft';
  const statusLabel = page.status === undefined ? null : translate(page.lang, draft ? 'report.status.draft' : 'report.status.final');
  const marking = escapeHtml(page.marking);
  const banner = escapeHtml(page.banner);
  const css = [page.fontFaceCss, BASE_CSS, page.extraCss ?? ''].map(escapeStyleText).join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    `<body class="${draft ? 'sr-draft' : 'sr-final'}">`,
    `<header class="sr-bar sr-bar-top" role="banner">`,
    `<div class="sr-marking" data-sr="marking-top">${marking}</div>`,
    `<div class="sr-banner" data-sr="banner-top">${banner}</div>`,
    statusLabel === null ? '' : `<div class="sr-status" data-sr="status">${escapeHtml(statusLabel)}</div>`,
    '</header>',
    draft && statusLabel !== null ? `<div class="sr-watermark" aria-hidden="true">${escapeHtml(statusLabel)}</div>` : '',
    '<table class="sr-frame" role="presentation">',
    '<thead><tr><td><div class="sr-space-top"></div></td></tr></thead>',
    '<tfoot><tr><td><div class="sr-space-bottom"></div></td></tr></tfoot>',
    `<tbody><tr><td><main>${page.body}</main></td></tr></tbody>`,
    '</table>',
    `<footer class="sr-bar sr-bar-bottom" role="contentinfo">`,
    `<div class="sr-banner" data-sr="banner-bottom">${banner}</div>`,
    `<div class="sr-marking" data-sr="marking-bottom">${marking}</div>`,
    `<div class="sr-footer" data-sr="footer">${escapeHtml(page.footer)}</div>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

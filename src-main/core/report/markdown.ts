/**
 * The AAR/IP as GitHub-flavoured Markdown: the same outline as the HTML, tables as pipe tables.
 * Every piece of text is escaped so a name or finding cannot become markup, a link or a broken
 * table: Markdown punctuation is backslash-escaped, `<` `>` `&` become entities, and inside table
 * cells pipes are escaped and line breaks become <br>.
 */
import { assertNever } from '../engine/assert-never.ts';
import { translate } from '../i18n/translate.ts';
import type { ReportModel } from './model.ts';
import type { Block } from './outline.ts';
import { reportOutline } from './sections.ts';

/** Escapes inline text: Markdown punctuation and HTML-significant characters. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    // Only at the start of a line do these begin a block (list, ordered list, setext heading).
    .replace(/^(\s*)([-+=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A table cell: escaped, one line (line breaks as <br>), never empty. */
export function escapeCell(text: string): string {
  const cell = text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line.trim()))
    .join('<br>');
  return cell === '' ? ' ' : cell;
}

/** Paragraph text: escaped, and a line that could start a block (list, heading, quote) cannot. */
function paragraph(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .join('  \n');
}

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `| ${head.map((_, i) => (numeric.has(i) ? '---:' : '---')).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

export function renderReportMarkdown(model: ReportModel): string {
  const lang = model.meta.language;
  const j = model.meta.journal;
  const banner = `**${escapeMarkdown(translate(lang, 'exercise.banner'))}** — **${escapeMarkdown(model.meta.marking)}**`;
  const footer = `*${escapeMarkdown(translate(lang, 'report.footer', { exercise: j.exerciseId, seq: j.seq, head: j.head }))}*`;
  const parts = [banner, ...reportOutline(model).map(renderBlock).filter((s) => s !== ''), '---', banner, footer];
  return `${parts.join('\n\n')}\n`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return block.tone === 'note' ? `*${paragraph(block.text)}*` : block.tone === 'lead' ? `**${paragraph(block.text)}**` : paragraph(block.text);
    case 'list':
      return block.items.map((i) => `- ${escapeCell(i)}`).join('\n');
    case 'fields':
      return table(['', ''], block.rows);
    case 'table':
      return table(block.head, block.rows.map((r) => r.cells), new Set(block.numeric ?? []));
    case 'chart':
      // Markdown viewers strip inline SVG; the figures are in the tables that follow each chart.
      return '';
    case 'page-break':
      return '';
    case 'cover':
      return [
        `# ${escapeMarkdown(block.title)}`,
        `## ${escapeMarkdown(block.subtitle)}`,
        `**${escapeMarkdown(block.statusLabel)}** — ${paragraph(block.statusText)}`,
        table(['', ''], block.lines),
        `### ${escapeMarkdown(block.handlingHeading)}`,
        paragraph(block.handling),
        `${escapeMarkdown(block.journalLabel)}: \`${block.head.replace(/`/g, '')}\``,
        `${paragraph(block.verify)}  \n${paragraph(block.generated)}`,
      ].join('\n\n');
    default:
      return assertNever(block, 'report block');
  }
}

/**
 * The AAR/IP as an editable Word document. It walks the same outline as the HTML and Markdown
 * renderers (core/report/sections.ts), so the formats cannot disagree about what the report says.
 * Ministries edit the report before it is final, so this is a real document — Heading 1/2/3 styles
 * (the navigation pane and a table of contents work), real tables whose header rows repeat — not
 * an image of the PDF. The marking and EXERCISE banner sit in the header and footer of every page,
 * with DRAFT while the report is not final, and the journal seq and head in the footer.
 *
 * Fonts: Noto Sans KR by name, also as the East Asian font so Word uses it for Hangul; Word
 * substitutes if it is not installed (fonts are not embedded). Charts are left out: Word needs a
 * bitmap beside an SVG, and every chart's figures are in the table next to it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IRunOptions, ParagraphChild } from 'docx';
import { assertNever } from '../../core/engine/assert-never.ts';
import { translate } from '../../core/i18n/translate.ts';
import type { MessageKey, MessageParams } from '../../core/i18n/translate.ts';
import type { ReportModel } from '../../core/report/model.ts';
import { paragraphsOf } from '../../core/report/outline.ts';
import type { Block } from '../../core/report/outline.ts';
import { reportOutline } from '../../core/report/sections.ts';
import { FONT_FAMILY } from './fonts.ts';

const FONT = { ascii: FONT_FAMILY, hAnsi: FONT_FAMILY, eastAsia: FONT_FAMILY, cs: FONT_FAMILY } as const;
/** Half-points. */
const SIZE = { body: 19, table: 16, small: 14, marking: 18 } as const;
const ACCENT = '1F3A5F';

type Content = Paragraph | Table;

interface Ctx {
  readonly model: ReportModel;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
}

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly size?: number;
  readonly color?: string;
}

const run = (text: string, style: RunStyle = {}) => {
  // Typed apart from the call: TextRun also takes a plain string, whose `bold` is String#bold.
  const options: IRunOptions = {
    text,
    font: FONT,
    size: style.size ?? SIZE.body,
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.italics === true ? { italics: true } : {}),
    ...(style.strike === true ? { strike: true } : {}),
    ...(style.color ? { color: style.color } : {}),
  };
  return new TextRun(options);
};

const para = (text: string, style: RunStyle & { readonly align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ children: [run(text, style)], spacing: { after: 80 }, ...(style.align ? { alignment: style.align } : {}) });

const bullet = (children: ParagraphChild[]) => new Paragraph({ children, bullet: { level: 0 }, spacing: { after: 40 } });

const gap = () => new Paragraph({ text: '', spacing: { after: 120 } });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '9A9A9A' } as const;

interface CellStyle extends RunStyle {
  readonly header?: boolean;
  readonly right?: boolean;
}

function cellOf(text: string, style: CellStyle): TableCell {
  return new TableCell({
    children: text.split('\n').map(
      (line) => new Paragraph({ children: [run(line, { ...style, bold: style.bold === true || style.header === true, size: style.size ?? SIZE.table })], ...(style.right ? { alignment: AlignmentType.RIGHT } : {}) }),
    ),
    ...(style.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } } : {}),
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/** A two-column label/value table (the overview, the cover's facts). */
function pairs(rows: readonly (readonly [string, string])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2800, 7106],
    rows: rows.map(([k, v]) => new TableRow({ cantSplit: true, children: [cellOf(k, { header: true }), cellOf(v, {})] })),
  });
}

function bars(ctx: Ctx, where: 'top' | 'bottom'): Paragraph[] {
  const { model, t } = ctx;
  const status = t(model.meta.status === 'draft' ? 'report.status.draft' : 'report.status.final');
  const marking = new Paragraph({ alignment: AlignmentType.CENTER, children: [run(model.meta.marking, { bold: true, size: SIZE.marking })] });
  const banner = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run(t('exercise.banner'), { bold: true, size: SIZE.small }), ...(model.meta.status === 'draft' ? [run(`  ·  ${status}`, { bold: true, size: SIZE.small })] : [])],
  });
  if (where === 'top') return [marking, banner];
  const journal = model.meta.journal;
  const footer = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      run(`${t('report.footer', { exercise: journal.exerciseId, seq: journal.seq, head: journal.head })}  ·  `, { size: SIZE.small, color: '555555' }),
      new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], font: FONT, size: SIZE.small, color: '555555' }),
    ],
  });
  return [banner, marking, footer];
}

/** Page width inside the margins, in twentieths of a point (A4 less 2 × 1000). */
const TEXT_WIDTH = 11906 - 2000;

function coverBlocks(block: Extract<Block, { kind: 'cover' }>): Content[] {
  return [
    para(block.marking, { bold: true, align: AlignmentType.CENTER }),
    new Paragraph({ text: block.title, heading: HeadingLevel.TITLE, spacing: { before: 600, after: 200 } }),
    para(block.subtitle, { bold: true, size: 30 }),
    para(block.statusLabel, { bold: true, size: 24 }),
    para(block.statusText),
    pairs(block.lines),
    gap(),
    new Paragraph({ text: block.handlingHeading, heading: HeadingLevel.HEADING_1 }),
    ...paragraphsOf(block.handling).map((p) => para(p)),
    gap(),
    para(block.journalLabel, { size: SIZE.table }),
    para(block.head, { size: SIZE.table }),
    para(block.verify, { size: SIZE.table }),
    para(block.generated, { size: SIZE.table }),
  ];
}

function tableBlock(block: Extract<Block, { kind: 'table' }>): Table {
  const size = block.small ? SIZE.small : SIZE.table;
  const numeric = new Set(block.numeric ?? []);
  const total = (block.widths ?? []).reduce((a, b) => a + b, 0);
  const columnWidths = block.widths && total > 0 ? block.widths.map((w) => Math.round((w / total) * TEXT_WIDTH)) : undefined;
  const cell = (text: string, i: number, style: CellStyle) => cellOf(text, { ...style, size, right: numeric.has(i) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(columnWidths ? { columnWidths } : {}),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.head.map((h, i) => cell(h, i, { header: true })) }),
      ...block.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.cells.map((c, i) => cell(c, i, { bold: r.total === true, strike: r.corrected === true && i < r.cells.length - 1, italics: r.corrected === true && i === r.cells.length - 1 })),
          }),
      ),
    ],
  });
}

/** Outline level 2 (the report's sections) is Heading 1 in Word; the cover's title is the Title. */
const HEADINGS = { 1: HeadingLevel.TITLE, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;

function blockContent(block: Block, breakBefore: boolean): Content[] {
  switch (block.kind) {
    case 'cover':
      return coverBlocks(block);
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level], keepNext: true, pageBreakBefore: breakBefore })];
    case 'paragraph':
      return [
        new Paragraph({
          children: [run(block.text, { bold: block.tone === 'lead', italics: block.tone === 'note', size: block.tone === 'note' || block.tone === 'mono' ? SIZE.table : SIZE.body, ...(block.tone === 'note' ? { color: '555555' } : {}) })],
          spacing: { after: 80 },
          pageBreakBefore: breakBefore,
        }),
      ];
    case 'list':
      return block.items.map((item) => bullet([run(item)]));
    case 'fields':
      return [pairs(block.rows), gap()];
    case 'table':
      return [tableBlock(block), gap()];
    case 'chart':
      // Word cannot show SVG without a bitmap fallback; the same figures are in the tables beside it.
      return [];
    case 'page-break':
      return [];
    default:
      return assertNever(block, 'report block');
  }
}

function body(blocks: readonly Block[]): Content[] {
  const out: Content[] = [];
  let breakNext = false;
  for (const block of blocks) {
    if (block.kind === 'page-break') {
      breakNext = true;
      continue;
    }
    const content = blockContent(block, breakNext);
    // A break before a table or list needs a paragraph to carry it.
    if (breakNext && block.kind !== 'heading' && block.kind !== 'paragraph') out.push(new Paragraph({ children: [], pageBreakBefore: true }));
    out.push(...content);
    breakNext = false;
  }
  return out;
}

export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  const language = model.meta.language;
  const ctx: Ctx = { model, t: (key, params) => translate(language, key, params) };
  const headingStyle = (id: string, name: string, size: number, level: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: level },
  });
  const doc = new Document({
    creator: 'Sitroom',
    title: `${ctx.t('report.title')} — ${model.overview.exerciseName}`,
    description: ctx.t('report.footer', { exercise: model.meta.journal.exerciseId, seq: model.meta.journal.seq, head: model.meta.journal.head }),
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body, language: { value: language === 'ko' ? 'ko-KR' : 'en-GB', eastAsia: 'ko-KR' } } },
        title: { run: { font: FONT, size: 44, bold: true, color: ACCENT } },
      },
      paragraphStyles: [headingStyle('Heading1', 'Heading 1', 30, 0), headingStyle('Heading2', 'Heading 2', 25, 1), headingStyle('Heading3', 'Heading 3', 21, 2)],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1300, bottom: 1300, left: 1000, right: 1000, header: 400, footer: 400 } } },
        headers: { default: new Header({ children: bars(ctx, 'top') }) },
        footers: { default: new Footer({ children: bars(ctx, 'bottom') }) },
        children: body(reportOutline(model)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

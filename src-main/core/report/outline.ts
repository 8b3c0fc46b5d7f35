/**
 * The report as a sequence of blocks (headings, paragraphs, lists, tables, charts) in the order a
 * reader meets them. `sections.ts` builds it from the model; HTML and Markdown render it; a DOCX
 * writer can walk it too. One outline for every format means the formats cannot disagree about
 * what the report says or in which order.
 */

export interface TableRow {
  readonly cells: readonly string[];
  /** The row records an entry a later correction retracted or amended. */
  readonly corrected?: boolean;
  /** A summary row (totals). */
  readonly total?: boolean;
}

export type Block =
  | {
      readonly kind: 'heading';
      readonly level: 1 | 2 | 3 | 4;
      readonly text: string;
      /** Stable message key for section headings (tests and tables of contents find them by it). */
      readonly key?: string;
    }
  | { readonly kind: 'paragraph'; readonly text: string; readonly tone?: 'lead' | 'note' | 'mono' }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      readonly rows: readonly TableRow[];
      /** Relative column widths (print layout); equal when absent. */
      readonly widths?: readonly number[];
      /** Columns holding numbers, right-aligned. */
      readonly numeric?: readonly number[];
      readonly small?: boolean;
    }
  /** A two-column label/value table (the overview, a finding's reference and analysis). */
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'chart'; readonly svg: string; readonly caption: string }
  | { readonly kind: 'page-break' }
  | {
      readonly kind: 'cover';
      readonly title: string;
      readonly subtitle: string;
      readonly lines: readonly (readonly [string, string])[];
      readonly status: 'draft' | 'final';
      readonly statusLabel: string;
      readonly statusText: string;
      readonly marking: string;
      readonly handlingHeading: string;
      readonly handling: string;
      readonly journalLabel: string;
      readonly head: string;
      readonly verify: string;
      readonly generated: string;
    };

/** Paragraphs of scenario prose (a Markdown subset): blank lines separate paragraphs, single line breaks are wrapping. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}

/**
 * Scenario Markdown (the subset in core/markdown/parse.ts) as HTML for printed packs. Built from
 * the parsed tree, one escaped element at a time, so no scenario text can become markup; a link
 * is printed as its text with the target beside it (paper cannot navigate, and neither may a PDF
 * lead anywhere).
 */
import type { Block, Inline } from '../markdown/parse.ts';
import { parseMarkdown } from '../markdown/parse.ts';
import { escapeHtml } from '../report/html-escape.ts';
import { assertNever } from '../engine/assert-never.ts';

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text);
        case 'code':
          return `<code>${escapeHtml(node.text)}</code>`;
        case 'strong':
          return `<strong>${inline(node.children)}</strong>`;
        case 'em':
          return `<em>${inline(node.children)}</em>`;
        case 'link':
          return `${escapeHtml(node.text)} <span class="pk-link">(${escapeHtml(node.target)})</span>`;
        default:
          return assertNever(node, 'inline node');
      }
    })
    .join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${b.lines.map(inline).join('<br>')}</p>`;
    case 'heading':
      return `<p class="pk-md-heading"><strong>${inline(b.children)}</strong></p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
    }
    default:
      return assertNever(b, 'markdown block');
  }
}

export function markdownToHtml(source: string): string {
  return parseMarkdown(source).map(block).join('\n');
}

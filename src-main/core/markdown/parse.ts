/**
 * The Markdown subset scenario text may use — paragraphs, bullet and numbered lists, **bold**,
 * *italic*, `code` and [links](url) — parsed into a plain tree that views render element by
 * element. No HTML string is ever produced, so nothing in a scenario can become markup or script;
 * links are kept as text with their target shown, and never navigate (reliability.md §4).
 */

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'em'; readonly children: readonly Inline[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly target: string };

export type Block =
  | { readonly kind: 'paragraph'; readonly lines: readonly (readonly Inline[])[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'heading'; readonly children: readonly Inline[] };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^\s*#{1,6}\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', children: parseInline(heading[1] ?? '') });
    } else if (bullet || numbered) {
      const ordered = numbered !== null && bullet === null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? numbered)?.[1] ?? ''));
    } else if (list && /^\s{2,}\S/.test(raw)) {
      // A continuation line of the previous list item.
      const last = list.items[list.items.length - 1];
      if (last) last.push({ kind: 'text', text: ' ' }, ...parseInline(line.trim()));
    } else {
      if (list) flush();
      paragraph.push(parseInline(line.trim()));
    }
  }
  flush();
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const pushText = () => {
    if (buffer) out.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const strong = /^\*\*(.+?)\*\*/.exec(rest) ?? /^__(.+?)__/.exec(rest);
    const em = /^\*([^*\s][^*]*?)\*/.exec(rest) ?? /^_([^_\s][^_]*?)_(?![A-Za-z0-9])/.exec(rest);
    const code = /^`([^`]+)`/.exec(rest);
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (strong) {
      pushText();
      out.push({ kind: 'strong', children: parseInline(strong[1] ?? '') });
      i += strong[0].length;
    } else if (em) {
      pushText();
      out.push({ kind: 'em', children: parseInline(em[1] ?? '') });
      i += em[0].length;
    } else if (code) {
      pushText();
      out.push({ kind: 'code', text: code[1] ?? '' });
      i += code[0].length;
    } else if (link) {
      pushText();
      out.push({ kind: 'link', text: link[1] ?? '', target: link[2] ?? '' });
      i += link[0].length;
    } else {
      buffer += text.charAt(i);
      i += 1;
    }
  }
  pushText();
  return out;
}

/** The plain text of a tree, for search, CSV and screen readers. */
export function plainText(blocks: readonly Block[]): string {
  const inline = (nodes: readonly Inline[]): string =>
    nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : n.kind === 'link' ? `${n.text} (${n.target})` : inline(n.children))).join('');
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.lines.map(inline).join('\n') : b.kind === 'heading' ? inline(b.children) : b.items.map((item) => `- ${inline(item)}`).join('\n')))
    .join('\n\n');
}

/**
 * Escaping for every string that reaches report HTML. Report text comes from scenario files,
 * participants and the facilitator's draft, so none of it is trusted: text and attribute values
 * are entity-escaped, and CSS that is inlined into a <style> element cannot close it.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * CSS goes into a <style> element, whose content is raw text that ends at the first `</style`.
 * `<` never appears in valid CSS outside strings, so escaping it as a CSS hex escape keeps the
 * stylesheet meaning the same while making a closing tag impossible.
 */
export function escapeStyleText(css: string): string {
  return css.replace(/</g, '\\3c ');
}

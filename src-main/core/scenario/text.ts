/**
 * Building blocks shared by every part of the scenario schema: ids, localized text and bounds.
 */
import { z } from 'zod';

/** Bounds that keep a hostile file from exhausting memory or the screen. */
export const LIMITS = {
  idLength: 64,
  shortText: 300,
  longText: 20_000,
  listSmall: 50,
  listLarge: 2_000,
} as const;

export const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, {
    error: 'an id starts with a letter and uses only letters, digits, "_", "-" and "."',
  })
  .max(LIMITS.idLength)
  .meta({ description: 'Stable identifier: a letter, then letters, digits, "_", "-" or "."' });

/**
 * Scenario text is a Markdown subset rendered without HTML. Raw tags, script URLs and inline event
 * handlers have no place in it, so they are refused at load time rather than trusted to a renderer.
 */
const HOSTILE_MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html/i;

function text(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !HOSTILE_MARKUP.test(value), {
      error: 'raw HTML and script links are not allowed in scenario text; use Markdown (**bold**, lists, paragraphs)',
    });
}

function bilingual(max: number) {
  return z.union([text(max), z.strictObject({ en: text(max), ko: text(max) })]);
}

/** A short label: plain text, or `{ en, ko }` when it differs by language. */
export const ShortText = bilingual(LIMITS.shortText).meta({
  description: 'Text in one language, or { en, ko } with both languages',
});

/** Long prose (Markdown subset). */
export const LongText = bilingual(LIMITS.longText).meta({
  description: 'Markdown text in one language, or { en, ko } with both languages',
});

export type LocalizedText = z.infer<typeof ShortText>;
export type Language = 'en' | 'ko';

/** Picks the text for a language; plain strings are shown as written in every language. */
export function localize(text: LocalizedText, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}

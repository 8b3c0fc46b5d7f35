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

function bilingual(max: number) {
  return z.union([
    z.string().min(1).max(max),
    z.strictObject({
      en: z.string().min(1).max(max),
      ko: z.string().min(1).max(max),
    }),
  ]);
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

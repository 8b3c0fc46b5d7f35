/**
 * Message catalogs for everything a person reads: the UI, the reports and the CLI's words about
 * an exercise. Every area's English and Korean tables have the same keys (the type enforces it)
 * and the same `{placeholders}` (a test enforces it).
 */
import { TABLES } from './catalogs.ts';
import type { MessageTable } from './define.ts';
import type { Language } from '../scenario/text.ts';

type Table = (typeof TABLES)[number];
/** Distributes over the tables, so every area's keys join the union. */
type KeysOf<T> = T extends MessageTable<infer K> ? K : never;
export type MessageKey = KeysOf<Table>;
export type Catalog = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

function merge(language: Language): Catalog {
  return Object.assign({}, ...TABLES.map((table) => table[language])) as Catalog;
}

export const CATALOGS: Readonly<Record<Language, Catalog>> = { en: merge('en'), ko: merge('ko') };
export const LANGUAGES: readonly Language[] = ['ko', 'en'];

/** `translate('ko', 'clock.paused-for', { minutes: 5 })`. A missing parameter stays visible as {name}. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGS[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ko';
}

/** Keys defined in more than one table (a test keeps this empty). */
export function duplicateKeys(): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const table of TABLES) {
    for (const key of Object.keys(table.en)) {
      if (seen.has(key)) dups.push(key);
      seen.add(key);
    }
  }
  return dups;
}

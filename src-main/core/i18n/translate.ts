/**
 * Message catalogs for everything a person reads: the UI, the reports and the CLI's words about
 * an exercise. English is the reference catalog; the Korean catalog must have exactly the same
 * keys (the type enforces it) and the same `{placeholders}` (a test enforces it).
 */
import { en } from './catalog-en.ts';
import { ko } from './catalog-ko.ts';
import type { Language } from '../scenario/text.ts';

export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, ko };
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

/**
 * The language a person reads, switchable at any time (Korean by default). Components call
 * `t(key)` for interface words and `text(value)` for scenario text that may be `{ en, ko }`.
 */
import { getContext, setContext } from 'svelte';
import { translate } from '@core/i18n/translate.ts';
import type { MessageKey, MessageParams } from '@core/i18n/translate.ts';
import { localize } from '@core/scenario/text.ts';
import type { Language, LocalizedText } from '@core/scenario/text.ts';

const KEY = Symbol('locale');

export class Locale {
  language = $state<Language>('ko');

  constructor(language: Language = 'ko') {
    this.language = language;
  }

  t = (key: MessageKey, params?: MessageParams): string => translate(this.language, key, params);
  text = (value: LocalizedText | null | undefined): string => (value === null || value === undefined ? '' : localize(value, this.language));
  /** Numbers as the reader writes them: 47,000,000 / 4,700만 is not worth the surprise; use grouping only. */
  number = (value: number): string => value.toLocaleString(this.language === 'ko' ? 'ko-KR' : 'en-GB');
}

/** The app's one Locale, for the few places outside a component that speak (ExerciseStore). */
let appLocale: Locale | null = null;

export function provideLocale(locale: Locale): Locale {
  appLocale = locale;
  return setContext(KEY, locale);
}

export function currentLanguage(): Language {
  return appLocale?.language ?? 'ko';
}

export function useLocale(): Locale {
  return getContext<Locale>(KEY);
}

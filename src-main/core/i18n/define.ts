/** Declares one area's messages; the Korean half must have exactly the English half's keys. */
export interface MessageTable<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly ko: Readonly<Record<K, string>>;
}

export function defineMessages<const E extends Readonly<Record<string, string>>>(en: E, ko: Readonly<Record<keyof E & string, string>>): MessageTable<keyof E & string> {
  return { en, ko };
}

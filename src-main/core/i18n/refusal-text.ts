/**
 * A refusal in the reader's language. The engine's messages are English and precise (they name the
 * ids involved), so an English reader gets them as they are; a Korean reader gets the sentence for
 * the refusal's code. The template literal type makes a missing sentence a compile error.
 */
import type { EngineError } from '../engine/errors.ts';
import type { Language } from '../scenario/text.ts';
import { translate, type MessageKey } from './translate.ts';

export function refusalText(language: Language, error: EngineError): string {
  if (language === 'en') return error.message;
  const key: MessageKey = `refusal.${error.code}`;
  return translate(language, key);
}

/** Reading the library listing: titles arrive as plain JSON, findings as `FILE:LINE:COL` lines. */
import type { LocalizedText } from '@core/scenario/text.ts';

/** The scenario title if it is text or `{ en, ko }`; null for anything else. */
export function asLocalizedText(value: unknown): LocalizedText | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'en' in value && 'ko' in value) {
    const { en, ko } = value;
    if (typeof en === 'string' && typeof ko === 'string') return { en, ko };
  }
  return null;
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** `file.yaml:12:5: injects[3].decision: message` — the shape editors and `sitroom validate` use. */
export function findingLine(file: string, f: { line: number; col: number; path: string; message: string }): string {
  return `${baseName(file)}:${f.line}:${f.col}: ${f.path}: ${f.message}`;
}

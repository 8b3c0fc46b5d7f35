/**
 * HTML → PDF inside the app, with Electron's own Chromium (`webContents.printToPDF`), so the
 * desktop app needs no second browser. The CLI prints the same HTML with playwright-core
 * (services/report/pdf.ts).
 *
 * The page goes into a hidden window as a `data:` URL: the session cancels every file: and network
 * request (security.ts), and the document is self-contained anyway — fonts inlined as data: URIs
 * (`fontFaceCss('inline', …, { text })`), no script (its CSP says script-src 'none'), nothing to
 * fetch. The window is created and loaded by windows.ts (the one place windows are made, with the
 * one webPreferences: sandboxed, context-isolated), is never shown, is not a trusted IPC sender,
 * and is destroyed after printing, whatever happens.
 *
 * Written against the small interfaces below so tests drive it with fakes; main.ts passes the real
 * objects. Electron itself is only a type import here.
 */
import type { PrintToPDFOptions } from 'electron';

export interface PrintableContents {
  executeJavaScript(code: string): Promise<unknown>;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
}

export interface PrintWindow {
  readonly webContents: PrintableContents;
  isDestroyed(): boolean;
  destroy(): void;
}

export interface PrintDeps<W extends PrintWindow> {
  /**
   * Opens a hidden window (show: false, the shared webPreferences) on `url` and resolves once it
   * has loaded; rejects if it fails to load. Provided by windows.ts.
   */
  readonly openHiddenWindow: (url: string) => Promise<W>;
}

export interface ElectronPdfOptions {
  readonly landscape?: boolean;
}

/**
 * Chromium refuses URLs longer than 2 MiB. A report with Noto Sans KR cut to the characters it
 * uses is far below that (about 0.4 MB for a Korean AAR); the whole font family would not be.
 */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024;

export class PrintError extends Error {
  override readonly name = 'PrintError';
}

export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** Resolves with the names of fonts that failed to load, once every font has settled. */
const FONTS_SETTLED = 'document.fonts.ready.then(() => Array.from(document.fonts).filter((f) => f.status === "error").map((f) => f.family + " " + f.weight))';

export const PRINT_OPTIONS: Readonly<PrintToPDFOptions> = Object.freeze({
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
});

export async function printPdfInElectron<W extends PrintWindow>(html: string, deps: PrintDeps<W>, options: ElectronPdfOptions = {}): Promise<Uint8Array> {
  const url = htmlDataUrl(html);
  if (url.length > MAX_DATA_URL_CHARS) {
    throw new PrintError(`the document is too large to print in the app (${(url.length / 1024 / 1024).toFixed(1)} MiB as a data URL; the limit is 2 MiB)`);
  }
  const window = await deps.openHiddenWindow(url);
  try {
    // Text drawn before its font arrives would print in a fallback font, or not at all for Hangul.
    const failed = await window.webContents.executeJavaScript(FONTS_SETTLED);
    if (Array.isArray(failed) && failed.length > 0) throw new PrintError(`fonts failed to load for the PDF: ${failed.join(', ')}`);
    const pdf = await window.webContents.printToPDF({ ...PRINT_OPTIONS, landscape: options.landscape ?? false });
    return new Uint8Array(pdf);
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

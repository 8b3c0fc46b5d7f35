// The app's PDF path (src-main/electron/print-pdf.ts) with stand-ins for the hidden window: the
// page goes in as a data: URL holding exactly the HTML, fonts are waited for before printing,
// printToPDF gets A4 with backgrounds and the CSS page size, and the window is always destroyed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PrintToPDFOptions } from 'electron';
import { htmlDataUrl, MAX_DATA_URL_CHARS, printPdfInElectron, PrintError } from '../../../src-main/electron/print-pdf.ts';
import type { PrintWindow } from '../../../src-main/electron/print-pdf.ts';

class FakePrintWindow implements PrintWindow {
  static opened: FakePrintWindow[] = [];
  readonly calls: string[] = [];
  destroyed = false;
  fontErrors: string[] = [];
  failPrint = false;
  printed: PrintToPDFOptions | null = null;

  constructor(readonly url: string) {
    FakePrintWindow.opened.push(this);
  }
  readonly webContents = {
    executeJavaScript: (code: string): Promise<unknown> => {
      this.calls.push('fonts');
      assert.match(code, /document\.fonts\.ready/);
      return Promise.resolve(this.fontErrors);
    },
    printToPDF: (options: PrintToPDFOptions): Promise<Uint8Array> => {
      this.calls.push('print');
      this.printed = options;
      if (this.failPrint) return Promise.reject(new Error('printing failed'));
      return Promise.resolve(new Uint8Array(Buffer.from('%PDF-1.7 fake')));
    },
  };
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.calls.push('destroy');
  }
}

const deps = (setup: (w: FakePrintWindow) => void = () => undefined) => ({
  openHiddenWindow: (url: string) => {
    const window = new FakePrintWindow(url);
    setup(window);
    return Promise.resolve(window);
  },
});

const HTML = '<!DOCTYPE html><html lang="ko"><body><p>판교 데이터센터 화재 — “EXERCISE” & <b>DRAFT</b></p></body></html>';

describe('printing to PDF in Electron', () => {
  test('loads the HTML as a data: URL, waits for fonts, prints A4, destroys the window', async () => {
    FakePrintWindow.opened = [];
    const pdf = await printPdfInElectron(HTML, deps());
    assert.equal(Buffer.from(pdf).toString('latin1'), '%PDF-1.7 fake');
    const [window] = FakePrintWindow.opened;
    assert.ok(window);
    assert.ok(window.url.startsWith('data:text/html;charset=utf-8;base64,'));
    assert.equal(Buffer.from(window.url.split(',')[1]!, 'base64').toString('utf8'), HTML);
    assert.deepEqual(window.calls, ['fonts', 'print', 'destroy']);
    assert.deepEqual({ ...window.printed }, { pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true, landscape: false });
  });

  test('a font that failed to load stops the print, and the window still goes', async () => {
    FakePrintWindow.opened = [];
    await assert.rejects(
      printPdfInElectron(HTML, deps((w) => (w.fontErrors = ['Noto Sans KR 700']))),
      (e: unknown) => e instanceof PrintError && /fonts failed to load for the PDF: Noto Sans KR 700/.test(e.message),
    );
    assert.deepEqual(FakePrintWindow.opened[0]?.calls, ['fonts', 'destroy']);
  });

  test('a failed print destroys the window too', async () => {
    FakePrintWindow.opened = [];
    await assert.rejects(printPdfInElectron(HTML, deps((w) => (w.failPrint = true))), /printing failed/);
    assert.equal(FakePrintWindow.opened[0]?.destroyed, true);
  });

  test('a document over Chromium’s URL limit is refused before any window opens', async () => {
    FakePrintWindow.opened = [];
    const huge = `<p>${'x'.repeat(Math.ceil(MAX_DATA_URL_CHARS * 0.76))}</p>`;
    assert.ok(htmlDataUrl(huge).length > MAX_DATA_URL_CHARS);
    await assert.rejects(printPdfInElectron(huge, deps()), (e: unknown) => e instanceof PrintError && /too large to print in the app/.test(e.message));
    assert.equal(FakePrintWindow.opened.length, 0);
  });
});

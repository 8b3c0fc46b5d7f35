/**
 * HTML → PDF with Debian's Chromium driven by playwright-core, for the CLI (the app prints with
 * Electron instead: src-main/electron/print-pdf.ts). Korean text needs the page loaded from a real
 * file beside the font files — with `setContent()` (about:blank) the local fonts never load and
 * Hangul silently falls back or disappears (toolchain.md) — so each page is written into a private
 * temp folder next to a `fonts/` link to the shipped Noto Sans KR files.
 *
 * Nothing may leave the machine: the networking flags keep Chromium itself quiet, and every
 * request the page makes that is not a file inside that temp folder is aborted. Page scripts are
 * off; the report is static HTML and SVG.
 */
import { mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { fontFilesDir } from './fonts.ts';
import type { ReportPdf } from './generate.ts';

export { fontFaceCss, fontFilesFor, FONT_FAMILY, REPORT_WEIGHTS } from './fonts.ts';
export type { FontMode, FontWeight } from './fonts.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The flags of test/e2e/harness.ts: without the networking ones Chromium tries to reach outside
 * hosts. Headless mode and the sandbox setting are Playwright's launch options, not flags here.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PdfOptions {
  /** Paper size; A4 unless told. */
  readonly format?: 'A4' | 'Letter';
  readonly landscape?: boolean;
  /** Give up on one page after this long (ms); a hung renderer must not hang the CLI. */
  readonly timeoutMs?: number;
}

/** Generous: a 100-page pack on a loaded two-core machine takes well under a minute. */
export const DEFAULT_PRINT_TIMEOUT_MS = 180_000;

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
}

export function chromiumPath(): string {
  return process.env['SITROOM_CHROMIUM'] ?? DEFAULT_CHROMIUM;
}

/** Names the missing browser and how to get it, instead of Playwright's long launch error. */
export async function assertChromium(path: string = chromiumPath()): Promise<void> {
  try {
    if ((await stat(path)).isFile()) return;
  } catch {
    // fall through to the explanation
  }
  throw new ChromiumMissingError(
    `PDF needs Chromium, and there is none at ${path}. Install it (Debian: apt-get install chromium) or point SITROOM_CHROMIUM at the executable; the other formats (docx, html, md, json, csv) need no browser.`,
  );
}

/**
 * One Chromium for several PDFs (a pack prints four documents, `demo --out` a dozen): launching
 * costs more than printing. Close it when done.
 */
export class PdfPrinter {
  #count = 0;
  #closed = false;
  /** Every request the printer refused, for the log and for tests. */
  readonly blocked: string[];

  private constructor(
    private readonly context: BrowserContext,
    /** Holds the profile and the pages; removed on close. */
    private readonly dir: string,
    private readonly pagesDir: string,
    blocked: string[],
  ) {
    this.blocked = blocked;
  }

  static async launch(options: { readonly executablePath?: string } = {}): Promise<PdfPrinter> {
    const executablePath = options.executablePath ?? chromiumPath();
    await assertChromium(executablePath);
    const dir = await mkdtemp(join(tmpdir(), 'sitroom-pdf-'));
    const pagesDir = join(dir, 'pages');
    try {
      await mkdir(pagesDir);
      await symlink(fontFilesDir(), join(pagesDir, 'fonts'), 'dir');
      // Imported here so that the formats that need no browser never load Playwright.
      const { chromium } = await import('playwright-core');
      const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
        executablePath,
        headless: true,
        args: [...CHROMIUM_FLAGS],
        javaScriptEnabled: false,
        offline: true,
        acceptDownloads: false,
      });
      const allowed = pathToFileURL(pagesDir).href + '/';
      const blocked: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isAllowed(url, allowed)) return route.continue();
        blocked.push(url);
        return route.abort('blockedbyclient');
      });
      return new PdfPrinter(context, dir, pagesDir, blocked);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async print(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
    if (this.#closed) throw new Error('this PDF printer is closed');
    this.#count += 1;
    const file = join(this.pagesDir, `page-${this.#count}.html`);
    await writeFile(file, html, 'utf8');
    const timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
    let page: Page | null = null;
    const work = async () => {
      page = await this.context.newPage();
      page.setDefaultTimeout(timeoutMs);
      return this.#render(page, file, options);
    };
    try {
      // Neither a crashed renderer nor a stuck one may leave the caller waiting forever.
      return await withTimeout(work(), timeoutMs, `printing the PDF took longer than ${Math.round(timeoutMs / 1000)} s; gave up`);
    } finally {
      await (page as Page | null)?.close().catch(() => undefined);
      await rm(file, { force: true });
    }
  }

  async #render(page: Page, file: string, options: PdfOptions): Promise<Uint8Array> {
    const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('Chromium crashed while printing the PDF'))));
    crashed.catch(() => undefined); // may settle after the print: not an unhandled rejection
    return Promise.race([this.#draw(page, file, options), crashed]);
  }

  async #draw(page: Page, file: string, options: PdfOptions): Promise<Uint8Array> {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // A font that failed to load would print as boxes or blanks without any error: refuse instead.
    const failed = await page.evaluate(
      'document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === "error").map((f) => f.family + " " + f.weight))',
    );
    if (Array.isArray(failed) && failed.length > 0) throw new Error(`fonts failed to load for the PDF: ${failed.join(', ')}`);
    const pdf = await page.pdf({
      format: options.format ?? 'A4',
      landscape: options.landscape ?? false,
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await withTimeout(this.context.close(), 30_000, 'Chromium did not close');
    } finally {
      await rm(this.dir, { recursive: true, force: true });
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** Only files inside our own pages folder (the page and its fonts); URL parsing has resolved `..`. */
export function isAllowed(url: string, allowedPrefix: string): boolean {
  return url.startsWith(allowedPrefix) && !url.includes('/../') && !/%2e%2e|%2f/i.test(url.slice(allowedPrefix.length));
}

/** Runs `work` with one printer and always closes it. */
export async function withPdfPrinter<T>(work: (printer: PdfPrinter) => Promise<T>, options: { readonly executablePath?: string } = {}): Promise<T> {
  const printer = await PdfPrinter.launch(options);
  try {
    return await work(printer);
  } finally {
    await printer.close();
  }
}

/** One PDF with its own browser; use a `PdfPrinter` for several. */
export async function printPdf(html: string, options: PdfOptions & { readonly printer?: PdfPrinter; readonly executablePath?: string } = {}): Promise<Uint8Array> {
  if (options.printer) return options.printer.print(html, options);
  return withPdfPrinter((printer) => printer.print(html, options), options.executablePath === undefined ? {} : { executablePath: options.executablePath });
}

/** The report printer of the CLI and of the browser fallback (`sitroom serve`): this Chromium, fonts as files. */
export const CHROMIUM_PDF: ReportPdf = { fonts: 'files', print: (html) => printPdf(html) };

/**
 * End-to-end harness: the real backend and HTTP server on a temp data dir, the built renderer,
 * and Debian's Chromium driven by playwright-core. Each test gets a fresh data dir and browser
 * context; failures keep a screenshot under test-artifacts/.
 */
import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createBackend } from '../../src-main/services/app-backend.ts';
import { CHROMIUM_PDF } from '../../src-main/services/report/pdf.ts';
import type { Backend } from '../../src-main/services/app-backend.ts';
import { startHttpServer } from '../../src-main/transport/http-server.ts';
import type { RunningServer } from '../../src-main/transport/http-server.ts';
import { ensureRendererBuilt, RENDERER_DIR } from '../../src-main/cli/commands/serve.ts';
import { readPlaythrough } from '../../src-main/services/playthrough/load.ts';
import { runPlaythrough } from '../../src-main/services/playthrough/run.ts';
import { resolveScenario } from '../../src-main/services/scenario-library.ts';
import type { FileSystem } from '../../src-main/store/file-system.ts';
import { ROOT } from '../helpers/paths.ts';

export const CHROMIUM = process.env['SITROOM_CHROMIUM'] ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** The flags that keep Chromium from reaching outside hosts (toolchain.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function chromiumAvailable(): Promise<boolean> {
  try {
    await stat(CHROMIUM);
    return true;
  } catch {
    return false;
  }
}

export interface App {
  readonly dataDir: string;
  readonly backend: Backend;
  readonly server: RunningServer;
  readonly url: string;
  readonly browser: Browser;
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page; errors: string[]; requests: string[] }>;
  close(): Promise<void>;
}

/** `journalFs`: the disk under the journals, for the fault-injection tests (a failing write). */
export async function startApp(options: { dataDir?: string; journalFs?: FileSystem } = {}): Promise<App> {
  await ensureRendererBuilt({ out: () => undefined, err: (l) => console.error(l) });
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sitroom-e2e-')));
  const backend = await createBackend({ dataDir, pdf: CHROMIUM_PDF, ...(options.journalFs ? { journalFs: options.journalFs } : {}) });
  const server = await startHttpServer({ backend, staticDir: RENDERER_DIR });
  try {
    return await withBrowser(dataDir, backend, server);
  } catch (error) {
    // Never leave a server running when the browser cannot start: the test process would hang.
    await server.close();
    await backend.close();
    throw error;
  }
}

async function withBrowser(dataDir: string, backend: Backend, server: RunningServer): Promise<App> {
  // Playwright gives each launch a fresh, empty profile of its own (no --user-data-dir needed).
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    dataDir,
    backend,
    server,
    url: server.url,
    browser,
    async newPage(pageOptions = {}) {
      const context = await browser.newContext({ viewport: pageOptions.viewport ?? { width: 1600, height: 1000 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()} @ ${m.location().url}`);
      });
      page.on('request', (r) => requests.push(r.url()));
      // Any CSP violation is an error the tests assert away.
      await page.addInitScript({
        content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
      });
      return { context, page, errors, requests };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await backend.close();
    },
  };
}

/** Runs the first `steps` steps of a shipped playthrough into the data dir; returns the exercise id. */
export async function seedExercise(dataDir: string, scenarioId: string, playthroughName: string, steps?: number): Promise<string> {
  const scenario = await resolveScenario(scenarioId);
  const { playthrough } = await readPlaythrough(scenarioId, playthroughName);
  const cut = steps === undefined ? playthrough : { ...playthrough, steps: playthrough.steps.slice(0, steps) };
  const { session } = await runPlaythrough(scenario, cut, { dataDir, startWall: Date.now() - 3_600_000 });
  const id = session.id;
  await session.close();
  return id;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

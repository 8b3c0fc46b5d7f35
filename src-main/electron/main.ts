/**
 * The Electron entry (bundled to dist/main/main.js, ESM). Order matters: everything before `ready`
 * runs synchronously at the top level — no top-level await, which would hold back `ready` and hang
 * the app (Electron's ESM notes).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol.ts';
import { applicationMenuTemplate } from './app-menu.ts';
import { RENDERER_ROOT } from './paths.ts';
import { acquireSingleInstanceLock, hardenApp } from './security.ts';
import { createTrustedSenders, isTrustedSender } from './trusted-senders.ts';
import type { InvokeEventLike, TrustedSenders } from './trusted-senders.ts';
import { createConsoleWindow, createProjectorWindow, openHiddenWindow, projectorUrlFor } from './windows.ts';
import { printPdfInElectron } from './print-pdf.ts';
import { guardDownloads, type DownloadItemLike } from './downloads.ts';
import type { IpcLog, IpcMainLike } from './ipc.ts';
import { wireBackendToIpc } from './backend-ipc.ts';
import { createBackend } from '../services/app-backend.ts';
import { resolveDataDir } from '../services/data-dir.ts';

const log: IpcLog = (message, error) => {
  if (error === undefined) console.warn(message);
  else console.error(message, error);
};

// Before ready: sandbox for every renderer, navigation/window/webview guards on every web
// contents, and the app:// scheme's privileges.
const sessionHardened = hardenApp(app, session, log);
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let consoleWindow: BrowserWindow | null = null;

if (!acquireSingleInstanceLock(app, focusConsole)) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  sessionHardened.then(start).catch(fail);
}

async function start(): Promise<void> {
  const isPackaged = app.isPackaged;
  const menu = applicationMenuTemplate(process.platform, isPackaged);
  Menu.setApplicationMenu(menu === null ? null : Menu.buildFromTemplate(menu));
  registerAppProtocol(protocol, RENDERER_ROOT);

  const trusted = createTrustedSenders();
  const windowDeps = { BrowserWindow, isPackaged, trusted, onLoadFailed: fail };
  // Exported reports arrive as downloads of the page's own blob: URLs; anything else is cancelled.
  // (Session.on is overloaded per event; the guard needs only will-download.)
  const downloads = { on: (_: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void) => session.defaultSession.on('will-download', (event, item) => listener(event, item)) };
  guardDownloads(downloads, { folder: app.getPath('documents'), title: 'Save the report · 보고서 저장', log });
  await startBackend({
    ipcMain,
    trusted,
    isTrustedSender: (event) => isTrustedSender(trusted, event),
    openProjector: (displayId, url) => createProjectorWindow(windowDeps, screen, displayId, url),
    log,
  });
  consoleWindow = createConsoleWindow(windowDeps);
  consoleWindow.on('closed', () => {
    consoleWindow = null;
  });
}

export interface BackendDeps {
  readonly ipcMain: IpcMainLike;
  readonly trusted: TrustedSenders;
  readonly isTrustedSender: (event: InvokeEventLike) => boolean;
  /** Opens the situation display on the display with this id, or on the primary one. */
  readonly openProjector: (displayId?: number, url?: string) => BrowserWindow;
  readonly log: IpcLog;
}

/**
 * Wires the exercise services to IPC. Runs once, after the session is hardened and before the
 * console window loads, so no request can arrive before its handler exists. The data folder is
 * `--data-dir`, else SITROOM_DATA_DIR, else Electron's user-data folder (the CLI's default too).
 */
async function startBackend(deps: BackendDeps): Promise<void> {
  const flag = process.argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);
  const dataDir = flag ?? process.env['SITROOM_DATA_DIR'] ?? app.getPath('userData');
  const backend = await createBackend({
    dataDir: resolveDataDir(dataDir),
    // Reports print with Electron's own Chromium from a self-contained page (fonts inlined).
    pdf: {
      fonts: 'inline',
      print: (html) => printPdfInElectron(html, { openHiddenWindow: (url) => openHiddenWindow({ BrowserWindow, isPackaged: app.isPackaged }, url) }),
    },
    openDisplay: (exerciseId, screenId) => {
      deps.openProjector(screenId ?? undefined, projectorUrlFor(exerciseId));
      return true;
    },
  });
  const unwire = wireBackendToIpc(deps, backend);
  app.once('will-quit', () => {
    unwire();
    void backend.close();
  });
}

function focusConsole(): void {
  if (consoleWindow === null) return;
  if (consoleWindow.isMinimized()) consoleWindow.restore();
  consoleWindow.focus();
}

/** Start-up failures are shown to the person at the machine, then the app exits. */
function fail(error: unknown): void {
  log('sitroom: could not start', error);
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(
    'Sitroom could not start',
    `${detail}\n\nNo exercise data was changed. Restart Sitroom; if this happens again, reinstall it from the approved installer.`,
  );
  app.exit(1);
}

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
import { createConsoleWindow, createProjectorWindow } from './windows.ts';
import type { IpcLog, IpcMainLike } from './ipc.ts';

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

function start(): void {
  const isPackaged = app.isPackaged;
  const menu = applicationMenuTemplate(process.platform, isPackaged);
  Menu.setApplicationMenu(menu === null ? null : Menu.buildFromTemplate(menu));
  registerAppProtocol(protocol, RENDERER_ROOT);

  const trusted = createTrustedSenders();
  const windowDeps = { BrowserWindow, isPackaged, trusted, onLoadFailed: fail };
  startBackend({
    ipcMain,
    trusted,
    isTrustedSender: (event) => isTrustedSender(trusted, event),
    openProjector: (displayId) => createProjectorWindow(windowDeps, screen, displayId),
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
  readonly openProjector: (displayId?: number) => BrowserWindow;
  readonly log: IpcLog;
}

/**
 * Wires the exercise services to IPC. Runs once, after the session is hardened and before the
 * console window loads, so no request can arrive before its handler exists.
 *
 * TODO(services): not wired yet — no channel is handled until this is filled in:
 *   registerIpcHandlers(deps.ipcMain, contract, handlers, deps.isTrustedSender, deps.log);
 *   const pushes = createPushSender(pushEvents, deps.trusted, deps.log);
 * with `contract`/`pushEvents` from src-main/contract/ and handlers calling src-main/services/.
 */
function startBackend(deps: BackendDeps): void {
  deps.log('sitroom: no exercise services are wired to IPC yet (startBackend in src-main/electron/main.ts)');
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

/**
 * The two windows: the facilitator's console, and the projector (situation display) on a chosen
 * screen. Both come from the one shared webPreferences, stay hidden until their first paint, and
 * are registered as trusted IPC senders before they load anything.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';
import type { TrustableWebContents, TrustedSenders } from './trusted-senders.ts';
import { webPreferences } from './web-preferences.ts';

export const CONSOLE_URL = APP_ENTRY_URL;
/** The renderer picks the situation display from this hash route. */
export const PROJECTOR_URL = `${APP_ENTRY_URL}#/projector`;

/** The situation display of one exercise (the renderer's `#/exercise/ID/display` route). */
export function projectorUrlFor(exerciseId: string): string {
  return `${APP_ENTRY_URL}#/exercise/${encodeURIComponent(exerciseId)}/display`;
}

/** Dark backdrop so a projected window never flashes white in a dim room before the first paint. */
const BACKGROUND = '#0b0f14';

export interface WindowLike {
  readonly webContents: TrustableWebContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
  removeMenu(): void;
}

export interface WindowDeps<W extends WindowLike> {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  readonly isPackaged: boolean;
  readonly trusted: TrustedSenders;
  /** Our own bundle failed to load: the window would never show. main.ts tells the person and quits. */
  readonly onLoadFailed: (error: unknown) => void;
}

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayLike {
  readonly id: number;
  readonly bounds: Rectangle;
}

export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
}

/** DevTools in a packaged app is a way into the renderer for anyone at the keyboard. */
export function assertDevToolsPolicy(isPackaged: boolean, preferences: Readonly<WebPreferences>): void {
  if (isPackaged && preferences.devTools !== false) {
    throw new Error('Refusing to open a window with DevTools in a packaged build.');
  }
}

export function consoleWindowOptions(isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Sitroom',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: BACKGROUND,
    autoHideMenuBar: isPackaged,
    webPreferences,
  };
}

/**
 * Full screen on its own display; windowed when it falls back to the console's (primary) display,
 * so it cannot cover the console.
 */
export function projectorWindowOptions(display: DisplayLike, isPrimary: boolean): BrowserWindowConstructorOptions {
  const { x, y, width, height } = display.bounds;
  return {
    title: 'Sitroom — situation display',
    x,
    y,
    width,
    height,
    show: false,
    frame: isPrimary,
    fullscreen: !isPrimary,
    backgroundColor: BACKGROUND,
    autoHideMenuBar: true,
    webPreferences,
  };
}

/** The display with `displayId`, else the primary one (the projector may have been unplugged). */
export function pickDisplay(screen: ScreenLike, displayId: number | undefined): DisplayLike {
  const primary = screen.getPrimaryDisplay();
  if (displayId === undefined) return primary;
  return screen.getAllDisplays().find((display) => display.id === displayId) ?? primary;
}

export function createConsoleWindow<W extends WindowLike>(deps: WindowDeps<W>): W {
  return openWindow(deps, consoleWindowOptions(deps.isPackaged), CONSOLE_URL);
}

export function createProjectorWindow<W extends WindowLike>(
  deps: WindowDeps<W>,
  screen: ScreenLike,
  displayId?: number,
  url: string = PROJECTOR_URL,
): W {
  const display = pickDisplay(screen, displayId);
  const isPrimary = display.id === screen.getPrimaryDisplay().id;
  return openWindow(deps, projectorWindowOptions(display, isPrimary), url);
}

function openWindow<W extends WindowLike>(
  deps: WindowDeps<W>,
  options: BrowserWindowConstructorOptions,
  url: string,
): W {
  assertDevToolsPolicy(deps.isPackaged, webPreferences);
  const window = new deps.BrowserWindow(options);
  // Trusted before the first load, so the page's first request is not refused.
  deps.trusted.trust(window.webContents);
  if (deps.isPackaged) window.removeMenu();
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch(deps.onLoadFailed);
  return window;
}

export interface HiddenWindowDeps<W> {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  readonly isPackaged: boolean;
}

/**
 * A window that is never shown, for printing a report to PDF (print-pdf.ts): the same sandboxed,
 * context-isolated webPreferences as every window, and deliberately NOT a trusted IPC sender — the
 * page it loads is a self-contained report with no script, and must never reach the backend.
 * Resolves once the page has loaded; on a failed load the window is destroyed and the error passed on.
 */
export async function openHiddenWindow<W extends { loadURL(url: string): Promise<void>; destroy(): void }>(
  deps: HiddenWindowDeps<W>,
  url: string,
): Promise<W> {
  assertDevToolsPolicy(deps.isPackaged, webPreferences);
  const window = new deps.BrowserWindow({ show: false, backgroundColor: BACKGROUND, webPreferences });
  try {
    await window.loadURL(url);
  } catch (error) {
    window.destroy();
    throw error;
  }
  return window;
}

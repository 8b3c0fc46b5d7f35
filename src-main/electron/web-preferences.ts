/**
 * The ONLY webPreferences in the app (reliability.md §3). Every window is created from this frozen
 * object; test/electron/static-security.test.ts fails if another `webPreferences` object or a
 * weakened setting appears anywhere in src-main/.
 *
 * Most values restate Electron 45's defaults on purpose: a default can change between releases,
 * an explicit value cannot, and the test can read it.
 */
import type { WebPreferences } from 'electron';
import { PRELOAD_PATH } from './paths.ts';

/**
 * Defined by the build (Vite `define`) as `true` for development builds only. Undefined — in a
 * production build that forgot to define it, in tests, anywhere else — means no DevTools:
 * the secure value is the default, and windows.ts refuses DevTools in a packaged app regardless.
 */
declare const __SITROOM_DEVTOOLS__: unknown;

export const devToolsEnabledByBuild: boolean =
  typeof __SITROOM_DEVTOOLS__ !== 'undefined' && __SITROOM_DEVTOOLS__ === true;

export const webPreferences: Readonly<WebPreferences> = Object.freeze({
  preload: PRELOAD_PATH,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // Chromium's spellchecker downloads dictionaries from Google: nothing may leave the room.
  spellcheck: false,
  navigateOnDragDrop: false,
  enableWebSQL: false,
  safeDialogs: true,
  devTools: devToolsEnabledByBuild,
} satisfies WebPreferences);

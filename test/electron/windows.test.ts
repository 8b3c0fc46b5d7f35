// reliability.md §3 rows "no Node in the renderer" and "context isolation, sandbox" (the window
// factory with a fake BrowserWindow), and "offline room extras" (DevTools, spellcheck, menus).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsolute } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { applicationMenuTemplate } from '../../src-main/electron/app-menu.ts';
import { createTrustedSenders } from '../../src-main/electron/trusted-senders.ts';
import { devToolsEnabledByBuild, webPreferences } from '../../src-main/electron/web-preferences.ts';
import {
  CONSOLE_URL,
  PROJECTOR_URL,
  assertDevToolsPolicy,
  createConsoleWindow,
  createProjectorWindow,
  pickDisplay,
} from '../../src-main/electron/windows.ts';
import type { DisplayLike, ScreenLike, WindowDeps } from '../../src-main/electron/windows.ts';
import { FakeEmitter, FakeWebContents } from './support/fakes.ts';

const journal: string[] = [];
let nextId = 1;

class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  static failLoad = false;
  readonly webContents = new FakeWebContents(nextId++);
  shown = false;
  menuRemoved = false;
  loaded: string[] = [];

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  show(): void {
    this.shown = true;
  }
  removeMenu(): void {
    this.menuRemoved = true;
  }
  loadURL(url: string): Promise<void> {
    journal.push(`load ${url}`);
    this.loaded.push(url);
    return FakeBrowserWindow.failLoad ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve();
  }
}

function deps(
  isPackaged: boolean,
  failures: unknown[] = [],
): WindowDeps<FakeBrowserWindow> & { trusted: ReturnType<typeof createTrustedSenders> } {
  journal.length = 0;
  FakeBrowserWindow.failLoad = false;
  const trusted = createTrustedSenders();
  const trust = trusted.trust.bind(trusted);
  trusted.trust = (contents) => {
    journal.push(`trust ${contents.id}`);
    trust(contents);
  };
  return { BrowserWindow: FakeBrowserWindow, isPackaged, trusted, onLoadFailed: (error) => failures.push(error) };
}

const primary: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const projector: DisplayLike = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
const screen: ScreenLike = { getAllDisplays: () => [primary, projector], getPrimaryDisplay: () => primary };

describe('the shared webPreferences', () => {
  test('is frozen and has every secure value explicitly', () => {
    assert.ok(Object.isFrozen(webPreferences));
    assert.deepEqual(
      { ...webPreferences, preload: undefined },
      {
        preload: undefined,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        spellcheck: false,
        navigateOnDragDrop: false,
        enableWebSQL: false,
        safeDialogs: true,
        devTools: false,
      },
    );
    assert.equal('enableBlinkFeatures' in webPreferences, false);
  });

  test('cannot be changed at run time', () => {
    assert.throws(() => {
      (webPreferences as { nodeIntegration: boolean }).nodeIntegration = true;
    }, TypeError);
    assert.equal(webPreferences.nodeIntegration, false);
  });

  test('DevTools are off unless the build explicitly turns them on', () => {
    assert.equal(devToolsEnabledByBuild, false);
    assert.equal(webPreferences.devTools, false);
  });

  test('the preload is the CommonJS bundle, by absolute path', () => {
    assert.ok(isAbsolute(webPreferences.preload ?? ''));
    assert.match(webPreferences.preload ?? '', /preload\.cjs$/);
  });
});

describe('DevTools policy', () => {
  test('a packaged app refuses any window whose DevTools are not explicitly off', () => {
    assert.throws(() => assertDevToolsPolicy(true, { ...webPreferences, devTools: true }), /DevTools/);
    assert.throws(() => assertDevToolsPolicy(true, { sandbox: true }), /DevTools/);
    assert.doesNotThrow(() => assertDevToolsPolicy(true, webPreferences));
  });

  test('a development run may have them', () => {
    assert.doesNotThrow(() => assertDevToolsPolicy(false, { ...webPreferences, devTools: true }));
  });
});

describe('the console window', () => {
  test('is built from the one shared webPreferences object', () => {
    const window = createConsoleWindow(deps(true));
    assert.equal(window.options.webPreferences, webPreferences);
    assert.equal(window.options.webPreferences?.contextIsolation, true);
    assert.equal(window.options.webPreferences?.sandbox, true);
    assert.equal(window.options.webPreferences?.nodeIntegration, false);
  });

  test('stays hidden until ready-to-show', () => {
    const window = createConsoleWindow(deps(true));
    assert.equal(window.options.show, false);
    assert.equal(window.shown, false);
    window.emit('ready-to-show');
    assert.equal(window.shown, true);
  });

  test('is a trusted IPC sender before it loads anything, and loads only the app entry', () => {
    const d = deps(true);
    const window = createConsoleWindow(d);
    assert.deepEqual(journal, [`trust ${window.webContents.id}`, `load ${CONSOLE_URL}`]);
    assert.equal(CONSOLE_URL, 'app://sitroom/index.html');
    assert.ok(d.trusted.has(window.webContents.id));
  });

  test('has no menu bar when packaged, keeps it in development', () => {
    const packaged = createConsoleWindow(deps(true));
    assert.equal(packaged.menuRemoved, true);
    assert.equal(packaged.options.autoHideMenuBar, true);
    const development = createConsoleWindow(deps(false));
    assert.equal(development.menuRemoved, false);
  });

  test('a failed load of our own bundle is reported, not swallowed', async () => {
    const failures: unknown[] = [];
    const d = deps(true, failures);
    FakeBrowserWindow.failLoad = true;
    createConsoleWindow(d);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(failures.length, 1);
    assert.match(String(failures[0]), /ERR_FILE_NOT_FOUND/);
  });
});

describe('the projector window', () => {
  test('pickDisplay: by id, else the primary display', () => {
    assert.equal(pickDisplay(screen, 2), projector);
    assert.equal(pickDisplay(screen, 99), primary);
    assert.equal(pickDisplay(screen, undefined), primary);
  });

  test('opens full screen and frameless on the chosen display, with the shared webPreferences', () => {
    const d = deps(true);
    const window = createProjectorWindow(d, screen, 2);
    assert.deepEqual(
      { x: window.options.x, y: window.options.y, width: window.options.width, height: window.options.height },
      projector.bounds,
    );
    assert.equal(window.options.fullscreen, true);
    assert.equal(window.options.frame, false);
    assert.equal(window.options.show, false);
    assert.equal(window.options.webPreferences, webPreferences);
    assert.deepEqual(window.loaded, [PROJECTOR_URL]);
    assert.ok(PROJECTOR_URL.startsWith('app://sitroom/'));
    assert.ok(d.trusted.has(window.webContents.id));
  });

  test('falls back to a normal window on the primary display, so it cannot cover the console', () => {
    const window = createProjectorWindow(deps(true), screen, 42);
    assert.deepEqual(window.options.x, primary.bounds.x);
    assert.equal(window.options.fullscreen, false);
    assert.equal(window.options.frame, true);
  });
});

describe('the application menu', () => {
  const allItems = (template: ReturnType<typeof applicationMenuTemplate>) => template ?? [];

  test('Windows and Linux: no menu at all in a packaged build', () => {
    assert.equal(applicationMenuTemplate('win32', true), null);
    assert.equal(applicationMenuTemplate('linux', true), null);
  });

  test('no Help menu (it opens electronjs.org) and no click handlers, on any platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const packaged of [true, false]) {
        for (const item of allItems(applicationMenuTemplate(platform, packaged))) {
          assert.notEqual(item.role, 'help');
          assert.equal(item.click, undefined);
          assert.equal(item.submenu, undefined, 'role menus only; a custom submenu needs its own review');
        }
      }
    }
  });

  test('the view menu (reload, DevTools toggle) exists only in development', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      assert.ok(!allItems(applicationMenuTemplate(platform, true)).some((item) => item.role === 'viewMenu'), platform);
      assert.ok(
        allItems(applicationMenuTemplate(platform, false)).some((item) => item.role === 'viewMenu'),
        platform,
      );
    }
  });
});

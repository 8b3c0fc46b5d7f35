// reliability.md §3, the rows proven by reading the sources: secure content only, one frozen
// webPreferences, settings never weakened, no shell.openExternal, no remote URL, no crash reporter
// or auto-update, DevTools and spellcheck off, a closed preload, and electron kept out of tests.
// The first block proves the scanner itself finds each violation, so a clean tree means something.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, normalize } from 'node:path';
import { ROOT } from '../helpers/paths.ts';
import { exposeCalls, importsOf, propertyInitializers, usesOf } from './support/source-queries.ts';
import {
  findContentLoading,
  findForbiddenNames,
  findForbiddenSwitches,
  findOtherWebPreferences,
  findRemoteUrls,
  findWeakenedSettings,
  findWindowConstruction,
  readSources,
} from './support/source-scan.ts';
import type { SourceFile } from './support/source-scan.ts';

const WEB_PREFERENCES_FILE = 'src-main/electron/web-preferences.ts';
const WINDOWS_FILE = 'src-main/electron/windows.ts';
const PRELOAD_FILE = 'src-main/electron/preload.ts';
const ELECTRON_ENTRIES = ['src-main/electron/main.ts', PRELOAD_FILE];

const main = readSources(ROOT, ['src-main']);
const electronDir = main.filter((file) => file.path.startsWith('src-main/electron/'));
const renderer = readSources(ROOT, ['src-renderer']);
const everything = [...main, ...renderer];
const allTypeScript = readSources(ROOT, ['src-main', 'src-renderer', 'test', 'scripts', 'bin']).filter((file) =>
  /\.(m|c)?[tj]s$/.test(file.path),
);

const file = (path: string): SourceFile => {
  const found = main.find((f) => f.path === path);
  assert.ok(found, `${path} is missing`);
  return found;
};
const snippet = (text: string, path = 'src-main/electron/x.ts'): SourceFile[] => [{ path, text }];

describe('the scanner finds what it is meant to find', () => {
  test('weakened settings, in code and in markup; comments do not count', () => {
    assert.equal(
      findWeakenedSettings(snippet('new BrowserWindow({ webPreferences: { nodeIntegration: true } })')).length,
      1,
    );
    assert.equal(findWeakenedSettings(snippet('const p = { contextIsolation: false, sandbox: !0 }')).length, 2);
    assert.equal(
      findWeakenedSettings(snippet("prefs.webSecurity = false; prefs['allowRunningInsecureContent'] = true")).length,
      2,
    );
    assert.equal(
      findWeakenedSettings(
        snippet(
          'x = { experimentalFeatures: flag, enableBlinkFeatures: "CSSVariables", spellcheck: true, webviewTag: true }',
        ),
      ).length,
      4,
    );
    assert.equal(
      findWeakenedSettings(snippet('<webview src="x" nodeintegration></webview>', 'src-renderer/A.svelte')).length,
      2,
    );
    assert.equal(
      findWeakenedSettings(
        snippet('// nodeIntegration: true\n/* webSecurity: false */ const ok = { nodeIntegration: false }'),
      ).length,
      0,
    );
  });

  test('a second webPreferences object, or a window created elsewhere', () => {
    assert.equal(
      findOtherWebPreferences(snippet('new W({ webPreferences: { sandbox: true } })'), WEB_PREFERENCES_FILE).length,
      1,
    );
    assert.equal(
      findOtherWebPreferences(snippet('new W({ webPreferences: { ...webPreferences } })'), WEB_PREFERENCES_FILE).length,
      1,
    );
    assert.equal(
      findOtherWebPreferences(snippet('const p = { contextIsolation: true, preload: x }'), WEB_PREFERENCES_FILE).length,
      1,
    );
    assert.equal(
      findOtherWebPreferences(
        snippet('new W({ webPreferences })\nnew W({ webPreferences: webPreferences })'),
        WEB_PREFERENCES_FILE,
      ).length,
      0,
    );
    assert.equal(findWindowConstruction(snippet('const w = new electron.BrowserWindow({})'), WINDOWS_FILE).length, 1);
    assert.equal(findWindowConstruction(snippet('const v = new WebContentsView({})'), WINDOWS_FILE).length, 1);
  });

  test('remote URLs in strings and markup, but not in comments or SVG namespaces', () => {
    assert.equal(findRemoteUrls(snippet("win.loadURL('https://evil.example')")).length, 1);
    assert.equal(findRemoteUrls(snippet('const u = `wss://${host}/x`')).length, 1);
    assert.equal(findRemoteUrls(snippet('<img src="http://cdn.example/a.png">', 'src-renderer/A.svelte')).length, 1);
    assert.equal(
      findRemoteUrls(snippet('<style>@import url(https://fonts.example/x.css);</style>', 'src-renderer/A.svelte'))
        .length,
      1,
    );
    assert.equal(
      findRemoteUrls(snippet('<script>fetch("https://api.example")</script><p>hi</p>', 'src-renderer/A.svelte')).length,
      1,
    );
    assert.equal(findRemoteUrls(snippet('// see https://electronjs.org/docs\nconst a = "app://sitroom/"')).length, 0);
    assert.equal(
      findRemoteUrls(
        snippet('<!-- https://example.org --><svg xmlns="http://www.w3.org/2000/svg"></svg>', 'src-renderer/A.svelte'),
      ).length,
      0,
    );
  });

  test('forbidden names in code, not in comments', () => {
    assert.equal(findForbiddenNames(snippet('shell.openExternal(url)'), ['openExternal']).length, 1);
    assert.equal(
      findForbiddenNames(snippet('const { crashReporter } = electron; crashReporter.start({})'), ['crashReporter'])
        .length,
      2,
    );
    assert.equal(findForbiddenNames(snippet("import { autoUpdater } from 'electron'"), ['autoUpdater']).length, 1);
    assert.equal(findForbiddenNames(snippet('// never call shell.openExternal'), ['openExternal']).length, 0);
  });

  test('content loading: remote loadURL, loadFile, loadURL outside the window factory', () => {
    assert.equal(
      findContentLoading(snippet("w.loadURL('http://localhost:5173')", WINDOWS_FILE), WINDOWS_FILE).length,
      1,
    );
    assert.equal(findContentLoading(snippet('w.loadFile("index.html")', WINDOWS_FILE), WINDOWS_FILE).length, 1);
    assert.equal(findContentLoading(snippet('w.loadURL(CONSOLE_URL)'), WINDOWS_FILE).length, 1);
    assert.equal(
      findContentLoading(snippet("w.loadURL('app://sitroom/index.html'); w.loadURL(url)", WINDOWS_FILE), WINDOWS_FILE)
        .length,
      0,
    );
  });

  test('switches that disable protections or open a debug port', () => {
    assert.equal(findForbiddenSwitches(snippet("app.commandLine.appendSwitch('ignore-certificate-errors')")).length, 1);
    assert.equal(
      findForbiddenSwitches(snippet("app.commandLine.appendSwitch('remote-debugging-port', '9222')")).length,
      1,
    );
    assert.equal(findForbiddenSwitches(snippet("app.commandLine.appendSwitch('lang', 'ko')")).length, 0);
  });

  test('value imports versus type-only imports', () => {
    const sites = importsOf({
      path: 'a.ts',
      text: "import type { App } from 'electron';\nimport { type WebPreferences } from 'electron';\nimport { app } from 'electron';\nconst e = require('electron');",
    });
    assert.deepEqual(
      sites.map((site) => site.typeOnly),
      [true, true, false, false],
    );
  });
});

describe('the sources', () => {
  test('are actually scanned (no vacuous pass)', () => {
    assert.ok(electronDir.length >= 15, `only ${electronDir.length} files under src-main/electron`);
    for (const path of [
      WEB_PREFERENCES_FILE,
      WINDOWS_FILE,
      PRELOAD_FILE,
      'src-main/electron/security.ts',
      'src-main/electron/main.ts',
    ])
      file(path);
  });

  test('one webPreferences object, in web-preferences.ts; windows are created only in windows.ts', () => {
    assert.deepEqual(findOtherWebPreferences(main, WEB_PREFERENCES_FILE), []);
    assert.deepEqual(findWindowConstruction(main, WINDOWS_FILE), []);
    assert.equal(propertyInitializers(file(WEB_PREFERENCES_FILE), 'nodeIntegration').length, 1);
  });

  test('no setting weakened: nodeIntegration, contextIsolation, sandbox, webSecurity, insecure content, experimental/blink features, webview, spellcheck', () => {
    assert.deepEqual(findWeakenedSettings(everything), []);
  });

  test('no shell.openExternal anywhere in src-main or src-renderer', () => {
    assert.deepEqual(findForbiddenNames(everything, ['openExternal', 'openPath']), []);
  });

  test('no remote URL in src-main/electron or src-renderer', () => {
    assert.deepEqual(findRemoteUrls([...electronDir, ...renderer]), []);
  });

  test('no remote content: loadURL only in the window factory and only app://, never loadFile', () => {
    assert.deepEqual(findContentLoading(everything, WINDOWS_FILE), []);
  });

  test('no crash reporter, no auto-update', () => {
    assert.deepEqual(
      findForbiddenNames(everything, ['crashReporter', 'autoUpdater', 'setFeedURL', 'checkForUpdates']),
      [],
    );
    const updaters = allTypeScript
      .flatMap(importsOf)
      .filter((site) => /updater|update-electron-app/.test(site.specifier));
    assert.deepEqual(updaters, []);
  });

  test('DevTools: off unless the build says otherwise, never opened from code; spellcheck off', () => {
    assert.deepEqual(propertyInitializers(file(WEB_PREFERENCES_FILE), 'devTools'), ['devToolsEnabledByBuild']);
    assert.deepEqual(propertyInitializers(file(WEB_PREFERENCES_FILE), 'spellcheck'), ['false']);
    assert.deepEqual(findForbiddenNames(everything, ['openDevTools', 'toggleDevTools']), []);
    assert.ok(
      usesOf(file(WINDOWS_FILE), 'assertDevToolsPolicy').some((use) => use.callee === undefined),
      'windows.ts must call assertDevToolsPolicy',
    );
  });

  test('no Chromium switch that disables a protection or opens a debug port', () => {
    assert.deepEqual(findForbiddenSwitches(everything), []);
  });
});

describe('the preload exposes the bridge and nothing else', () => {
  test('exactly one exposeInMainWorld in src-main, in preload.ts, of createBridge(...) as "sitroom"', () => {
    const calls = main.flatMap((f) => exposeCalls(f).map((call) => ({ ...call, file: f.path })));
    assert.equal(calls.length, 1, calls.map((call) => call.where).join(', '));
    const [call] = calls;
    assert.equal(call!.file, PRELOAD_FILE);
    assert.equal(call!.key, 'sitroom');
    assert.match(
      (call!.value?.getText(call!.source) ?? '').replace(/\s+/g, ' '),
      /^createBridge\(ipcRenderer, BRIDGE_CHANNEL_NAMES, BRIDGE_EVENT_NAMES\)$/,
    );
  });

  test('ipcRenderer is used only as the first argument of createBridge, never exposed itself', () => {
    const uses = usesOf(file(PRELOAD_FILE), 'ipcRenderer');
    assert.ok(uses.length > 0);
    for (const use of uses)
      assert.deepEqual({ callee: use.callee, index: use.index }, { callee: 'createBridge', index: 0 }, use.where);
  });

  test('the preload and everything it imports use no node:* module and no runtime package but electron', () => {
    const seen = new Set<string>();
    const queue = [PRELOAD_FILE];
    while (queue.length > 0) {
      const path = queue.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      for (const site of importsOf(file(path)).filter((s) => !s.typeOnly)) {
        if (site.specifier.startsWith('.'))
          queue.push(
            normalize(join(dirname(path), site.specifier))
              .split('\\')
              .join('/'),
          );
        else assert.ok(path === PRELOAD_FILE && site.specifier === 'electron', `${path} imports ${site.specifier}`);
      }
    }
    assert.deepEqual([...seen].sort(), [
      'src-main/contract/names.ts',
      'src-main/electron/bridge-channels.ts',
      'src-main/electron/bridge.ts',
      'src-main/electron/channel-names.ts',
      PRELOAD_FILE,
    ]);
  });
});

describe('electron stays out of what tests and the CLI load', () => {
  test('only main.ts and preload.ts value-import electron', () => {
    const valueImports = allTypeScript
      .flatMap(importsOf)
      .filter((site) => !site.typeOnly && (site.specifier === 'electron' || site.specifier.startsWith('electron/')));
    assert.deepEqual([...new Set(valueImports.map((site) => site.file))].sort(), ELECTRON_ENTRIES);
  });

  test('nothing imports main.ts or preload.ts', () => {
    const importers = allTypeScript.flatMap((f) =>
      importsOf(f)
        .filter((site) => site.specifier.startsWith('.'))
        .filter((site) =>
          ELECTRON_ENTRIES.includes(
            normalize(join(dirname(f.path), site.specifier))
              .split('\\')
              .join('/'),
          ),
        )
        .map((site) => `${f.path} imports ${site.specifier}`),
    );
    assert.deepEqual(importers, []);
  });
});

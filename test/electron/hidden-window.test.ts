// The hidden print window (windows.ts openHiddenWindow, used by print-pdf.ts): the one set of
// webPreferences, never shown, never a trusted IPC sender, destroyed when its page fails to load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindowConstructorOptions } from 'electron';
import { webPreferences } from '../../src-main/electron/web-preferences.ts';
import { openHiddenWindow } from '../../src-main/electron/windows.ts';

class FakeWindow {
  static made: FakeWindow[] = [];
  static failLoad = false;
  loaded: string[] = [];
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.made.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return FakeWindow.failLoad ? Promise.reject(new Error('ERR_FAILED')) : Promise.resolve();
  }
  destroy(): void {
    this.destroyed = true;
  }
}

test('opens hidden, with the shared sandboxed webPreferences, and resolves after the load', async () => {
  const window = await openHiddenWindow({ BrowserWindow: FakeWindow, isPackaged: true }, 'data:text/html;base64,AA==');
  assert.equal(window.options.show, false);
  assert.equal(window.options.webPreferences, webPreferences);
  assert.equal(window.options.webPreferences?.sandbox, true);
  assert.equal(window.options.webPreferences?.contextIsolation, true);
  assert.equal(window.options.webPreferences?.nodeIntegration, false);
  assert.deepEqual(window.loaded, ['data:text/html;base64,AA==']);
  assert.equal(window.destroyed, false);
});

test('a failed load destroys the window and passes the error on', async () => {
  FakeWindow.failLoad = true;
  try {
    await assert.rejects(openHiddenWindow({ BrowserWindow: FakeWindow, isPackaged: true }, 'data:text/html,x'), /ERR_FAILED/);
    assert.equal(FakeWindow.made.at(-1)?.destroyed, true);
  } finally {
    FakeWindow.failLoad = false;
  }
});

// reliability.md §3 rows: sandbox (app.enableSandbox before ready), permissions, <webview>,
// navigation, new windows, secure content only (request filter), single-instance lock.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acquireSingleInstanceLock,
  hardenApp,
  isNavigationAllowed,
  shouldCancelRequest,
} from '../../src-main/electron/security.ts';
import { FakeApp, FakeSession, FakeWebContents, fakeEvent } from './support/fakes.ts';

const HOSTILE_URLS = [
  'https://evil.example',
  'https://evil.example/app://sitroom/',
  'http://localhost:8080/',
  'app://local.evil/',
  'app://sitroom.evil/',
  'app://sitroom:8080/index.html',
  'app://user@sitroom/index.html',
  'app://evil.sitroom/index.html',
  'file:///etc/passwd',
  'file://sitroom/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://sitroom/0d4c6a3e',
  'about:blank',
  'chrome://settings',
  'ws://evil.example/',
  '//evil.example/',
  'not a url',
  '',
];
const APP_URLS = ['app://sitroom/index.html', 'app://sitroom/', 'app://sitroom/index.html#/projector'];

const NAVIGATION_EVENTS = ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const;

async function hardened(): Promise<{ app: FakeApp; defaultSession: FakeSession; log: string[] }> {
  const app = new FakeApp();
  const defaultSession = new FakeSession();
  const log: string[] = [];
  const done = hardenApp(app, { defaultSession }, (message) => log.push(message));
  app.becomeReady();
  await done;
  return { app, defaultSession, log };
}

function createdContents(app: FakeApp, contents = new FakeWebContents(1)): FakeWebContents {
  app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('hardenApp: before ready', () => {
  test('enables the sandbox synchronously, before the app is ready', () => {
    const app = new FakeApp();
    void hardenApp(app, { defaultSession: new FakeSession() }, () => undefined);
    assert.deepEqual(app.calls, ['enableSandbox']);
    assert.equal(app.count('web-contents-created'), 1);
  });

  test('refuses to run once the app is ready (the sandbox switch would be ignored)', async () => {
    const app = new FakeApp();
    app.becomeReady();
    await app.whenReady();
    assert.throws(
      () => hardenApp(app, { defaultSession: new FakeSession() }, () => undefined),
      /before the app is ready/,
    );
    assert.deepEqual(app.calls, ['ready']);
  });

  test('the default session is hardened when ready, before the returned promise resolves', async () => {
    const app = new FakeApp();
    const defaultSession = new FakeSession();
    const done = hardenApp(app, { defaultSession }, () => undefined);
    assert.equal(defaultSession.permissionRequestHandler, undefined);
    app.becomeReady();
    await done;
    assert.notEqual(defaultSession.permissionRequestHandler, undefined);
  });
});

describe('permissions: every request and every check is denied', () => {
  const permissions = [
    'geolocation',
    'media',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'unknown',
  ];

  test('permission requests answer false', async () => {
    const { defaultSession } = await hardened();
    for (const permission of permissions) {
      const answers: boolean[] = [];
      defaultSession.permissionRequestHandler!({}, permission, (granted) => answers.push(granted));
      assert.deepEqual(answers, [false], permission);
    }
  });

  test('permission checks and device permissions answer false', async () => {
    const { defaultSession } = await hardened();
    for (const permission of permissions)
      assert.equal(defaultSession.permissionCheckHandler!({}, permission), false, permission);
    assert.equal(defaultSession.devicePermissionHandler!({ deviceType: 'usb' }), false);
  });

  test('the spellchecker (which downloads dictionaries) is switched off', async () => {
    const { defaultSession } = await hardened();
    assert.equal(defaultSession.spellChecker, false);
  });
});

describe('navigation stays on app://sitroom', () => {
  for (const eventName of NAVIGATION_EVENTS) {
    test(`${eventName} is prevented for every foreign URL`, async () => {
      const { app } = await hardened();
      const contents = createdContents(app);
      for (const url of HOSTILE_URLS) {
        const event = fakeEvent(url);
        contents.emit(eventName, event);
        assert.equal(event.prevented, true, `${eventName} to ${url}`);
      }
    });

    test(`${eventName} within the app origin is allowed`, async () => {
      const { app } = await hardened();
      const contents = createdContents(app);
      for (const url of APP_URLS) {
        const event = fakeEvent(url);
        contents.emit(eventName, event);
        assert.equal(event.prevented, false, `${eventName} to ${url}`);
      }
    });
  }

  test('an event without a URL is prevented (deny by default)', async () => {
    const { app } = await hardened();
    const contents = createdContents(app);
    const event = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents.emit('will-navigate', event);
    assert.equal(event.prevented, true);
  });

  test('isNavigationAllowed agrees with the handlers', () => {
    for (const url of HOSTILE_URLS) assert.equal(isNavigationAllowed(url), false, url);
    for (const url of APP_URLS) assert.equal(isNavigationAllowed(url), true, url);
  });

  test('the log names the refused scheme and host, never the path or query', async () => {
    const { app, log } = await hardened();
    createdContents(app).emit('will-navigate', fakeEvent('https://evil.example/leak?token=s3cret'));
    assert.equal(log.length, 1);
    assert.match(log[0]!, /https:\/\/evil\.example/);
    assert.doesNotMatch(log[0]!, /s3cret|leak/);
  });
});

describe('no new windows, no <webview>', () => {
  test('setWindowOpenHandler denies every URL, the app origin included', async () => {
    const { app } = await hardened();
    const contents = createdContents(app);
    assert.notEqual(contents.windowOpenHandler, undefined);
    for (const url of [...HOSTILE_URLS, ...APP_URLS])
      assert.deepEqual(contents.windowOpenHandler!({ url }), { action: 'deny' }, url);
  });

  test('will-attach-webview is prevented', async () => {
    const { app } = await hardened();
    const contents = createdContents(app);
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'app://sitroom/index.html' });
    assert.equal(event.prevented, true);
  });

  test('every web contents is guarded, not only the first', async () => {
    const { app } = await hardened();
    const first = createdContents(app, new FakeWebContents(1));
    const second = createdContents(app, new FakeWebContents(2));
    for (const contents of [first, second]) {
      for (const eventName of [...NAVIGATION_EVENTS, 'will-attach-webview'])
        assert.equal(contents.count(eventName), 1, eventName);
    }
  });
});

describe('requests: nothing leaves the machine', () => {
  const cancelled = [
    'https://evil.example/x.js',
    'http://127.0.0.1:8080/',
    'http://localhost/',
    'ws://127.0.0.1:1/',
    'wss://evil.example/',
    'ftp://evil.example/file',
    'file:///etc/passwd',
    'app://local.evil/index.html',
    'app://sitroom.evil/index.html',
    'gopher://evil.example/',
    'chrome://gpu',
    'not a url',
  ];
  const allowed = [
    'app://sitroom/index.html',
    'app://sitroom/assets/app.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://sitroom/0d4c6a3e',
  ];

  test('the session request filter cancels network, file and foreign app requests', async () => {
    const { defaultSession } = await hardened();
    for (const url of cancelled) assert.equal(defaultSession.request(url), true, url);
  });

  test('it lets the app origin, data: and blob: through', async () => {
    const { defaultSession } = await hardened();
    for (const url of allowed) assert.equal(defaultSession.request(url), false, url);
  });

  test('shouldCancelRequest agrees with the filter', () => {
    for (const url of cancelled) assert.equal(shouldCancelRequest(url), true, url);
    for (const url of allowed) assert.equal(shouldCancelRequest(url), false, url);
  });
});

describe('sessions', () => {
  test('a web contents with its own session gets that session hardened too', async () => {
    const { app } = await hardened();
    const partition = new FakeSession();
    createdContents(app, new FakeWebContents(7, partition));
    assert.equal(partition.request('https://evil.example/'), true);
    const answers: boolean[] = [];
    partition.permissionRequestHandler!({}, 'media', (granted) => answers.push(granted));
    assert.deepEqual(answers, [false]);
  });

  test('a session shared by many web contents is hardened once', async () => {
    const { app, defaultSession } = await hardened();
    createdContents(app, new FakeWebContents(1, defaultSession));
    createdContents(app, new FakeWebContents(2, defaultSession));
    assert.equal(defaultSession.hardenCalls, 1);
  });
});

describe('single-instance lock', () => {
  test('a second instance gets false and registers nothing (the caller quits)', () => {
    const app = new FakeApp();
    app.lockAvailable = false;
    assert.equal(
      acquireSingleInstanceLock(app, () => assert.fail('must not be called')),
      false,
    );
    assert.equal(app.count('second-instance'), 0);
  });

  test('the first instance is told when a second one starts', () => {
    const app = new FakeApp();
    let focused = 0;
    assert.equal(
      acquireSingleInstanceLock(app, () => (focused += 1)),
      true,
    );
    app.emit('second-instance', {}, ['sitroom'], '/');
    assert.equal(focused, 1);
  });
});

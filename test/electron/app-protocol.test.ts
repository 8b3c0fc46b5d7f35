// reliability.md §3 rows "custom protocol" and "CSP" (protocol response headers), with real files in
// a temp dir, including symlinks that escape the root.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP_SCHEME_PRIVILEGES,
  handleAppRequest,
  registerAppProtocol,
  resolveAppPath,
} from '../../src-main/electron/app-protocol.ts';
import { contentSecurityPolicy } from '../../src-main/electron/content-security-policy.ts';
import { makeTempDir } from './support/temp-dir.ts';

const REQUIRED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'";

let base: { path: string; cleanup: () => void };
let root: string;

before(() => {
  base = makeTempDir('sitroom-protocol');
  root = join(base.path, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'fonts'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Sitroom</title>');
  writeFileSync(join(root, 'assets', 'app-3f9a.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app-3f9a.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'data.bin.xyz'), 'opaque');
  writeFileSync(join(root, 'fonts', 'noto-sans-kr.woff2'), 'font');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  // Outside the root: a sibling whose name starts with the root's (a naive prefix check passes it).
  mkdirSync(join(base.path, 'renderer-sibling'));
  writeFileSync(join(base.path, 'renderer-sibling', 'secret.txt'), 'outside');
  writeFileSync(join(base.path, 'secret.txt'), 'outside');
  symlinkSync(join(root, 'assets', 'app-3f9a.js'), join(root, 'inside-link.js'));
  symlinkSync(join(base.path, 'secret.txt'), join(root, 'escape.txt'));
  symlinkSync(join(base.path, 'renderer-sibling', 'secret.txt'), join(root, 'sibling.txt'));
  symlinkSync(base.path, join(root, 'escape-dir'));
  symlinkSync('/etc', join(root, 'etc'));
});

after(() => base.cleanup());

async function status(url: string, method = 'GET'): Promise<number> {
  const resolution = await resolveAppPath(root, url, method);
  return resolution.ok ? 200 : resolution.status;
}

describe('resolveAppPath: what is served', () => {
  test('/ is index.html', async () => {
    const resolution = await resolveAppPath(root, 'app://sitroom/', 'GET');
    assert.ok(resolution.ok);
    assert.equal(resolution.filePath.endsWith(join('renderer', 'index.html')), true);
    assert.equal(resolution.contentType, 'text/html; charset=utf-8');
  });

  test('files under the root, with their content type; query and hash are ignored', async () => {
    const expected: Record<string, string> = {
      'app://sitroom/index.html?lang=ko#/projector': 'text/html; charset=utf-8',
      'app://sitroom/assets/app-3f9a.js': 'text/javascript; charset=utf-8',
      'app://sitroom/assets/app-3f9a.css': 'text/css; charset=utf-8',
      'app://sitroom/assets/logo.svg': 'image/svg+xml',
      'app://sitroom/fonts/noto-sans-kr.woff2': 'font/woff2',
      'app://sitroom/assets/data.bin.xyz': 'application/octet-stream',
    };
    for (const [url, contentType] of Object.entries(expected)) {
      const resolution = await resolveAppPath(root, url, 'GET');
      assert.ok(resolution.ok, url);
      assert.equal(resolution.contentType, contentType, url);
    }
  });

  test('HEAD is served like GET', async () => {
    assert.equal(await status('app://sitroom/index.html', 'HEAD'), 200);
  });

  test('a symlink that stays inside the root is followed', async () => {
    assert.equal(await status('app://sitroom/inside-link.js'), 200);
  });
});

describe('resolveAppPath: what is refused', () => {
  test('every method but GET and HEAD: 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'get']) {
      assert.equal(await status('app://sitroom/index.html', method), 405, method);
    }
  });

  test('any host but sitroom: 403', async () => {
    for (const url of [
      'app://local.evil/index.html',
      'app://sitroom.evil/index.html',
      'app://evil.sitroom/index.html',
      'app://sitroom:8080/index.html',
      'app://user:pw@sitroom/index.html',
      'app:///index.html',
    ]) {
      assert.ok([400, 403].includes(await status(url)), url);
    }
    assert.equal(await status('app://sitroom.evil/index.html'), 403);
  });

  test('other schemes: 400', async () => {
    for (const url of [
      'https://sitroom/index.html',
      'file:///etc/passwd',
      'http://evil.example/',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      assert.equal(await status(url), 400, url);
    }
  });

  test('path traversal in every spelling: refused', async () => {
    for (const url of [
      'app://sitroom/../../../../etc/passwd',
      'app://sitroom/assets/../../secret.txt',
      'app://sitroom/%2e%2e/%2e%2e/etc/passwd',
      'app://sitroom/%2E%2E/secret.txt',
      'app://sitroom/.%2e/secret.txt',
      'app://sitroom/%2e./secret.txt',
      'app://sitroom/assets/..%2f..%2fsecret.txt',
      'app://sitroom/assets%2fapp-3f9a.js',
      'app://sitroom/assets%2Fapp-3f9a.js',
      'app://sitroom/..%5csecret.txt',
      'app://sitroom/assets\\..\\..\\secret.txt',
      'app://sitroom//etc/passwd',
      'app://sitroom///etc/passwd',
      'app://sitroom/C:/Windows/win.ini',
      'app://sitroom/c%3A%5Cwindows%5Cwin.ini',
      'app://sitroom/index.html%00.js',
      'app://sitroom/index.html\u0000.js',
      'app://sitroom/./index.html',
      'app://sitroom/assets/',
      'app://sitroom/%E0%A4%A',
    ]) {
      const code = await status(url);
      assert.ok(code === 400 || code === 403, `${url} gave ${code}`);
    }
  });

  test('double encoding is decoded once, so it names a file that does not exist', async () => {
    assert.equal(await status('app://sitroom/%252e%252e/secret.txt'), 404);
  });

  test('symlinks that escape the root: 403', async () => {
    for (const url of [
      'app://sitroom/escape.txt',
      'app://sitroom/sibling.txt',
      'app://sitroom/escape-dir/secret.txt',
      'app://sitroom/etc/passwd',
    ]) {
      assert.equal(await status(url), 403, url);
    }
  });

  test('directories, hidden files and missing files: 404', async () => {
    for (const url of [
      'app://sitroom/assets',
      'app://sitroom/.env',
      'app://sitroom/missing.js',
      'app://sitroom/assets/missing.css',
    ]) {
      assert.equal(await status(url), 404, url);
    }
  });

  test('a root that does not exist serves nothing', async () => {
    const resolution = await resolveAppPath(join(base.path, 'no-such-dir'), 'app://sitroom/index.html', 'GET');
    assert.equal(resolution.ok, false);
  });
});

describe('handleAppRequest: responses and headers', () => {
  test('a file comes back with its bytes, type, CSP and nosniff', async () => {
    const response = await handleAppRequest(root, new Request('app://sitroom/index.html'));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<!doctype html><title>Sitroom</title>');
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('content-security-policy'), contentSecurityPolicy());
  });

  test('the CSP header carries every required directive, and no unsafe source', async () => {
    const response = await handleAppRequest(root, new Request('app://sitroom/'));
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.ok(csp.startsWith(REQUIRED_CSP), csp);
    assert.doesNotMatch(csp, /unsafe-|\*|https?:|ws:/);
  });

  test('HEAD has the headers and no body', async () => {
    const response = await handleAppRequest(root, new Request('app://sitroom/assets/app-3f9a.js', { method: 'HEAD' }));
    assert.equal(response.status, 200);
    assert.equal(response.body, null);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
  });

  test('refusals carry the same security headers and no file content', async () => {
    for (const [url, method, code] of [
      ['app://sitroom/escape.txt', 'GET', 403],
      ['app://sitroom/index.html', 'POST', 405],
      ['app://sitroom/missing.js', 'GET', 404],
    ] as const) {
      const response = await handleAppRequest(root, { url, method });
      assert.equal(response.status, code, url);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('content-security-policy'), contentSecurityPolicy());
      assert.doesNotMatch(await response.text(), /outside|SECRET/);
    }
  });

  test('registerAppProtocol handles the app scheme with the same handler', async () => {
    const registered = new Map<string, (request: Request) => Promise<Response>>();
    registerAppProtocol({ handle: (scheme, handler) => void registered.set(scheme, handler) }, root);
    assert.deepEqual([...registered.keys()], ['app']);
    const response = await registered.get('app')!(new Request('app://sitroom/escape.txt'));
    assert.equal(response.status, 403);
  });
});

describe('scheme privileges', () => {
  test('standard and secure; no CSP bypass, CORS, service workers or streaming', () => {
    assert.equal(APP_SCHEME_PRIVILEGES.scheme, 'app');
    const privileges = APP_SCHEME_PRIVILEGES.privileges ?? {};
    assert.equal(privileges.standard, true);
    assert.equal(privileges.secure, true);
    for (const key of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream', 'allowExtensions'] as const) {
      assert.notEqual(privileges[key], true, key);
    }
    assert.ok(Object.isFrozen(APP_SCHEME_PRIVILEGES) && Object.isFrozen(privileges));
  });
});

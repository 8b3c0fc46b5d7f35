// reliability.md §3 row "CSP": the policy string itself, for Electron and for browser mode.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy } from '../../src-main/electron/content-security-policy.ts';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    assert.ok(name !== undefined && name !== '');
    assert.equal(map.has(name), false, `directive ${name} appears twice`);
    map.set(name, sources);
  }
  return map;
}

describe('contentSecurityPolicy', () => {
  test('has exactly the required sources for each directive reliability.md lists', () => {
    const csp = directives(contentSecurityPolicy());
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('style-src'), ["'self'"]);
    assert.deepEqual(csp.get('img-src'), ["'self'", 'data:']);
    assert.deepEqual(csp.get('font-src'), ["'self'"]);
    assert.deepEqual(csp.get('connect-src'), ["'self'"]);
  });

  test('adds only restrictions beyond the list (base-uri, form-action, frame-ancestors: none)', () => {
    const csp = directives(contentSecurityPolicy());
    assert.deepEqual([...csp.keys()].slice(6), ['base-uri', 'form-action', 'frame-ancestors']);
    for (const name of ['base-uri', 'form-action', 'frame-ancestors']) assert.deepEqual(csp.get(name), ["'none'"]);
  });

  test('no unsafe-inline, unsafe-eval, wildcard or remote source', () => {
    assert.doesNotMatch(contentSecurityPolicy(), /unsafe|\*|https?:|blob:|ws:/);
  });

  test('browser mode adds the WebSocket origin to connect-src and nowhere else', () => {
    const csp = directives(contentSecurityPolicy({ websocketOrigin: 'ws://127.0.0.1:8765' }));
    assert.deepEqual(csp.get('connect-src'), ["'self'", 'ws://127.0.0.1:8765']);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(
      directives(contentSecurityPolicy({ websocketOrigin: 'wss://room.local:9443/' })).get('connect-src'),
      ["'self'", 'wss://room.local:9443'],
    );
  });

  test('anything but a bare ws:/wss: origin is refused, so nothing can be injected into the policy', () => {
    for (const origin of [
      'http://127.0.0.1:8765',
      'https://evil.example',
      'ws://127.0.0.1:8765/socket',
      'ws://127.0.0.1:8765?x=1',
      "ws://127.0.0.1:8765; script-src 'unsafe-inline'",
      'ws://a b',
      'ws://user@127.0.0.1:1',
      '*',
      '',
    ]) {
      assert.throws(() => contentSecurityPolicy({ websocketOrigin: origin }), /origin/, origin);
    }
  });
});

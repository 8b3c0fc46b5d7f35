// reliability.md §3 row "exposed API": named functions only, no ipcRenderer, no generic channel;
// subscriptions limited to the contract's push events and returning an unsubscribe function.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBridge } from '../../src-main/electron/bridge.ts';
import type { IpcRendererLike } from '../../src-main/electron/bridge.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Mimics ipcRenderer, including `on`/`removeListener` returning ipcRenderer itself. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, Listener[]>();

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return Promise.resolve({ ok: true, value: `answer from ${channel}` });
  }
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.set(
      channel,
      (this.listeners.get(channel) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  /** Main sending a push event: Electron passes the IpcRendererEvent (whose .sender is ipcRenderer). */
  deliver(channel: string, payload: unknown): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload);
  }
}

const CHANNELS = ['exercise:get-state', 'inject:release-inject'] as const;
const EVENTS = ['exercise:state-changed', 'clock:tick-clock'] as const;

function build() {
  const ipc = new FakeIpcRenderer();
  return { ipc, bridge: createBridge(ipc, CHANNELS, EVENTS) };
}

/** Every value reachable from the bridge (own properties, recursively). */
function reachable(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof root !== 'object' && typeof root !== 'function') || root === null || seen.has(root)) return seen;
  seen.add(root);
  for (const key of Reflect.ownKeys(root)) reachable((root as Record<PropertyKey, unknown>)[key], seen);
  return seen;
}

describe('the bridge shape', () => {
  test('one function per contract channel plus subscribe, and nothing else', () => {
    const { bridge } = build();
    assert.deepEqual(Object.keys(bridge).sort(), [...CHANNELS, 'subscribe'].sort());
    for (const key of Object.keys(bridge))
      assert.equal(typeof (bridge as Record<string, unknown>)[key], 'function', key);
  });

  test('no generic entry point and no ipcRenderer anywhere in it', () => {
    const { ipc, bridge } = build();
    for (const name of ['invoke', 'send', 'sendSync', 'request', 'on', 'once', 'ipcRenderer', 'postMessage']) {
      assert.equal(Object.hasOwn(bridge, name), false, name);
    }
    assert.equal(reachable(bridge).has(ipc), false);
  });

  test('frozen, so the page cannot add a generic function to it', () => {
    const { bridge } = build();
    assert.ok(Object.isFrozen(bridge));
    assert.throws(() => {
      (bridge as Record<string, unknown>)['invoke'] = () => undefined;
    }, TypeError);
  });
});

describe('channel functions', () => {
  test('each calls invoke with its own fixed channel and exactly one argument', async () => {
    const { ipc, bridge } = build();
    const answer = await bridge['exercise:get-state']({ exerciseId: 'ex-1' });
    assert.deepEqual(answer, { ok: true, value: 'answer from exercise:get-state' });
    const loose: (...args: unknown[]) => Promise<unknown> = bridge['inject:release-inject'];
    void loose({ injectId: 'i' }, 'smuggled', 'args');
    assert.deepEqual(ipc.invoked, [
      { channel: 'exercise:get-state', args: [{ exerciseId: 'ex-1' }] },
      { channel: 'inject:release-inject', args: [{ injectId: 'i' }] },
    ]);
  });

  test('the channel cannot be chosen by the caller', () => {
    const { ipc, bridge } = build();
    const fn: (...args: unknown[]) => Promise<unknown> = bridge['exercise:get-state'];
    void fn.call({ channel: 'debug:eval-code' }, 'debug:eval-code');
    assert.equal(ipc.invoked[0]?.channel, 'exercise:get-state');
  });
});

describe('subscribe', () => {
  test('delivers the payload only — never the IpcRendererEvent, whose sender is ipcRenderer', () => {
    const { ipc, bridge } = build();
    const received: unknown[][] = [];
    bridge.subscribe('exercise:state-changed', (...args: unknown[]) => received.push(args));
    ipc.deliver('exercise:state-changed', { phase: 'running' });
    assert.deepEqual(received, [[{ phase: 'running' }]]);
  });

  test('returns an unsubscribe function (not ipcRenderer) that removes exactly its listener', () => {
    const { ipc, bridge } = build();
    const seen: string[] = [];
    const stopA = bridge.subscribe('exercise:state-changed', () => seen.push('a'));
    bridge.subscribe('exercise:state-changed', () => seen.push('b'));
    assert.equal(typeof stopA, 'function');
    assert.equal(Object.is(stopA, ipc), false);
    assert.equal(stopA(), undefined, 'unsubscribe must not hand back what removeListener returns (ipcRenderer)');
    ipc.deliver('exercise:state-changed', {});
    assert.deepEqual(seen, ['b']);
    stopA();
    assert.equal(ipc.listeners.get('exercise:state-changed')?.length, 1, 'a second call removes nothing more');
  });

  test('only the contract push events: request channels and unknown names throw', () => {
    const { ipc, bridge } = build();
    const subscribe = bridge.subscribe as unknown as (name: unknown, listener: unknown) => () => void;
    for (const name of [
      'exercise:get-state',
      'ELECTRON_BROWSER_REQUIRE',
      'debug:any-thing',
      '__proto__',
      '',
      'subscribe',
    ]) {
      assert.throws(() => subscribe(name, () => undefined), /Unknown Sitroom event/, name);
    }
    assert.throws(() => subscribe(42, () => undefined), /Unknown Sitroom event/);
    assert.throws(() => subscribe('exercise:state-changed', 'not a function'), TypeError);
    assert.equal(ipc.listeners.size, 0);
  });
});

describe('createBridge refuses names that are not domain:verb-noun', () => {
  test('malformed, duplicated or overlapping names throw', () => {
    const ipc = new FakeIpcRenderer();
    for (const bad of [
      'invoke',
      'subscribe',
      '__proto__',
      'constructor',
      'Exercise:Get',
      'a:b:c',
      'exercise:',
      ':get',
      'exercise get',
    ]) {
      assert.throws(() => createBridge(ipc, [bad], []), /domain:verb-noun/, bad);
      assert.throws(() => createBridge(ipc, [], [bad]), /domain:verb-noun/, bad);
    }
    assert.throws(() => createBridge(ipc, ['exercise:get-state', 'exercise:get-state'], []), /twice/);
    assert.throws(
      () => createBridge(ipc, ['exercise:get-state'], ['exercise:get-state']),
      /both as channel and push event/,
    );
  });
});

// reliability.md §3 row "IPC sender": every handler checks the sender frame is the app origin and a
// window we created, then validates the payload — in that order — and answers with a Result.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import type { Handlers } from '../../src-main/electron/contract-shape.ts';
import { createPushSender, registerIpcHandlers } from '../../src-main/electron/ipc.ts';
import { createTrustedSenders, isTrustedSender } from '../../src-main/electron/trusted-senders.ts';
import { FakeIpcMain, FakeWebContents, invokeEvent } from './support/fakes.ts';

const parsedRequests: unknown[] = [];

const contract = {
  'exercise:get-state': {
    request: z.strictObject({ exerciseId: z.string().min(1) }),
    response: z.strictObject({ phase: z.enum(['briefing', 'running']) }),
  },
  'inject:release-inject': {
    // The refine records every parse, to prove a refused sender's payload is never even parsed.
    request: z.strictObject({ injectId: z.string() }).refine((value) => (parsedRequests.push(value), true)),
    response: z.object({ releasedAt: z.number() }),
  },
} as const;

const pushEvents = {
  'exercise:state-changed': z.strictObject({ phase: z.string() }),
} as const;

const APP_FRAME = { url: 'app://sitroom/index.html' };
const TRUSTED_ID = 1;

interface Setup {
  ipcMain: FakeIpcMain;
  calls: { channel: string; request: unknown; senderId: number }[];
  log: { message: string; error?: unknown }[];
  contents: FakeWebContents;
  unregister: () => void;
}

function setup(overrides: Partial<Handlers<typeof contract>> = {}): Setup {
  parsedRequests.length = 0;
  const ipcMain = new FakeIpcMain();
  const trusted = createTrustedSenders();
  const contents = new FakeWebContents(TRUSTED_ID);
  trusted.trust(contents);
  const calls: Setup['calls'] = [];
  const log: Setup['log'] = [];
  const handlers: Handlers<typeof contract> = {
    'exercise:get-state': (request, context) => {
      calls.push({ channel: 'exercise:get-state', request, senderId: context.senderId });
      return { ok: true, value: { phase: 'running' } };
    },
    'inject:release-inject': (request, context) => {
      calls.push({ channel: 'inject:release-inject', request, senderId: context.senderId });
      return Promise.resolve({ ok: true, value: { releasedAt: 42 } });
    },
    ...overrides,
  };
  const unregister = registerIpcHandlers(
    ipcMain,
    contract,
    handlers,
    (event) => isTrustedSender(trusted, event),
    (message, error) => log.push({ message, error }),
  );
  return { ipcMain, calls, log, contents, unregister };
}

const fromApp = invokeEvent(TRUSTED_ID, APP_FRAME);

describe('registration', () => {
  test('one handler per contract channel, removable', () => {
    const { ipcMain, unregister } = setup();
    assert.deepEqual([...ipcMain.handlers.keys()].sort(), ['exercise:get-state', 'inject:release-inject']);
    unregister();
    assert.equal(ipcMain.handlers.size, 0);
  });

  test('a missing handler, an unknown one or a malformed channel name fails at start-up', () => {
    const ok = () => ({ ok: true as const, value: { phase: 'running' as const } });
    const trustAll = () => true;
    assert.throws(
      () =>
        registerIpcHandlers(
          new FakeIpcMain(),
          contract,
          { 'exercise:get-state': ok } as unknown as Handlers<typeof contract>,
          trustAll,
          () => undefined,
        ),
      /no handler for contract channel inject:release-inject/,
    );
    assert.throws(
      () =>
        registerIpcHandlers(
          new FakeIpcMain(),
          { 'exercise:get-state': contract['exercise:get-state'] },
          { 'exercise:get-state': ok, 'debug:eval-code': ok } as unknown as Handlers<
            Pick<typeof contract, 'exercise:get-state'>
          >,
          trustAll,
          () => undefined,
        ),
      /debug:eval-code, which is not in the contract/,
    );
    const badContract = { 'Exercise:Get': contract['exercise:get-state'] } as const;
    assert.throws(
      () => registerIpcHandlers(new FakeIpcMain(), badContract, { 'Exercise:Get': ok }, trustAll, () => undefined),
      /not domain:verb-noun/,
    );
  });
});

describe('a trusted sender with a valid payload', () => {
  test('reaches the handler with the parsed request and its sender id', async () => {
    const { ipcMain, calls } = setup();
    const result = await ipcMain.invoke('exercise:get-state', fromApp, { exerciseId: 'ex-1' });
    assert.deepEqual(result, { ok: true, value: { phase: 'running' } });
    assert.deepEqual(calls, [{ channel: 'exercise:get-state', request: { exerciseId: 'ex-1' }, senderId: TRUSTED_ID }]);
  });

  test('async handlers are awaited', async () => {
    const { ipcMain } = setup();
    assert.deepEqual(await ipcMain.invoke('inject:release-inject', fromApp, { injectId: 'i-1' }), {
      ok: true,
      value: { releasedAt: 42 },
    });
  });
});

describe('hostile senders are refused before the payload is parsed', () => {
  const hostile: Record<string, ReturnType<typeof invokeEvent>> = {
    'a frame on another origin': invokeEvent(TRUSTED_ID, { url: 'https://evil.example/' }),
    'a look-alike app host': invokeEvent(TRUSTED_ID, { url: 'app://sitroom.evil/index.html' }),
    'another app host': invokeEvent(TRUSTED_ID, { url: 'app://local.evil/' }),
    'a file: frame': invokeEvent(TRUSTED_ID, { url: 'file:///etc/passwd' }),
    'a data: frame': invokeEvent(TRUSTED_ID, { url: 'data:text/html,<script>1</script>' }),
    'about:blank': invokeEvent(TRUSTED_ID, { url: 'about:blank' }),
    'a subframe, even on the app origin': invokeEvent(TRUSTED_ID, {
      url: 'app://sitroom/index.html',
      parent: { url: 'app://sitroom/index.html' },
    }),
    'a webContents we did not create': invokeEvent(99, APP_FRAME),
    'a missing (navigated or destroyed) frame': invokeEvent(TRUSTED_ID, null),
  };

  for (const [name, event] of Object.entries(hostile)) {
    test(name, async () => {
      const { ipcMain, calls, log } = setup();
      const result = await ipcMain.invoke('inject:release-inject', event, { injectId: 'i-1' });
      assert.deepEqual((result as { ok: boolean }).ok, false);
      assert.equal((result as { error: { code: string } }).error.code, 'forbidden');
      assert.equal(calls.length, 0);
      assert.equal(parsedRequests.length, 0, 'the payload of a refused sender must not be parsed');
      assert.match(log[0]?.message ?? '', /untrusted sender/);
    });
  }

  test('a sender frame that throws when read', async () => {
    const { ipcMain, calls } = setup();
    const event = {
      sender: { id: TRUSTED_ID },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const result = await ipcMain.invoke('exercise:get-state', event, { exerciseId: 'ex-1' });
    assert.equal((result as { error: { code: string } }).error.code, 'forbidden');
    assert.equal(calls.length, 0);
  });

  test('a window we created, once destroyed, is no longer trusted', async () => {
    const { ipcMain, calls, contents } = setup();
    contents.destroy();
    const result = await ipcMain.invoke('exercise:get-state', fromApp, { exerciseId: 'ex-1' });
    assert.equal((result as { error: { code: string } }).error.code, 'forbidden');
    assert.equal(calls.length, 0);
  });
});

describe('malformed payloads become bad-request Results, never throws', () => {
  const malformed: Record<string, unknown[]> = {
    'wrong type': [{ exerciseId: 7 }],
    'missing field': [{}],
    'empty string': [{ exerciseId: '' }],
    'unknown extra field': [{ exerciseId: 'ex-1', admin: true }],
    'prototype pollution attempt': [JSON.parse('{"exerciseId":"ex-1","__proto__":{"admin":true}}')],
    undefined: [undefined],
    null: [null],
    'a string': ['ex-1'],
    'an array': [['ex-1']],
    'no argument at all': [],
    'two arguments': [{ exerciseId: 'ex-1' }, { exerciseId: 'ex-2' }],
  };
  for (const [name, args] of Object.entries(malformed)) {
    test(name, async () => {
      const { ipcMain, calls } = setup();
      const result = (await ipcMain.invoke('exercise:get-state', fromApp, ...args)) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      assert.equal(result.ok, false);
      assert.equal(result.error.code, 'bad-request');
      assert.match(result.error.message, /exercise:get-state/);
      assert.equal(calls.length, 0);
    });
  }

  test('the message names the field and says nothing was changed, without echoing the value', async () => {
    const { ipcMain } = setup();
    const result = (await ipcMain.invoke('exercise:get-state', fromApp, { exerciseId: 12345678 })) as {
      error: { message: string };
    };
    assert.match(result.error.message, /exerciseId/);
    assert.match(result.error.message, /nothing was changed/);
    assert.doesNotMatch(result.error.message, /12345678/);
  });
});

describe('handler faults become internal Results', () => {
  const internal = async (handlers: Partial<Handlers<typeof contract>>) => {
    const { ipcMain, log } = setup(handlers);
    const result = (await ipcMain.invoke('exercise:get-state', fromApp, { exerciseId: 'ex-1' })) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    assert.equal(result.ok, false);
    assert.equal(result.error.code, 'internal');
    assert.equal(log.length, 1, 'the fault is logged, not swallowed');
    return { result, log };
  };

  test('a throwing handler: the person gets a clear message, the log gets the error', async () => {
    const secret = new Error('ENOENT: /home/facilitator/exercises/secret-plan.json');
    const { result, log } = await internal({
      'exercise:get-state': () => {
        throw secret;
      },
    });
    assert.doesNotMatch(result.error.message, /ENOENT|secret-plan|home/);
    assert.match(result.error.message, /nothing was changed/);
    assert.equal(log[0]!.error, secret);
  });

  test('a rejecting handler', async () => {
    await internal({ 'exercise:get-state': () => Promise.reject(new Error('disk full')) });
  });

  test('a value outside the response schema', async () => {
    await internal({ 'exercise:get-state': () => ({ ok: true, value: { phase: 'exploded' } }) as never });
  });

  test('something that is not a Result', async () => {
    await internal({ 'exercise:get-state': () => 'fine' as never });
  });

  test('a failure without a string code and message', async () => {
    await internal({ 'exercise:get-state': () => ({ ok: false, error: { code: 3 } }) as never });
  });
});

describe('handler Results cross as plain data', () => {
  test('a domain failure keeps its code and message, and nothing else', async () => {
    const { ipcMain } = setup({
      'exercise:get-state': () => ({
        ok: false,
        error: { code: 'not-found', message: 'No exercise ex-1. Pick one from the library.', stack: 'at …' } as never,
      }),
    });
    assert.deepEqual(await ipcMain.invoke('exercise:get-state', fromApp, { exerciseId: 'ex-1' }), {
      ok: false,
      error: { code: 'not-found', message: 'No exercise ex-1. Pick one from the library.' },
    });
  });

  test('a success value is parsed by the response schema (unknown keys stripped)', async () => {
    const { ipcMain } = setup({
      'inject:release-inject': () => ({ ok: true, value: { releasedAt: 1, internalPath: '/var/secret' } as never }),
    });
    assert.deepEqual(await ipcMain.invoke('inject:release-inject', fromApp, { injectId: 'i' }), {
      ok: true,
      value: { releasedAt: 1 },
    });
  });
});

describe('push events', () => {
  test('go, validated, to live trusted windows only', () => {
    const trusted = createTrustedSenders();
    const consoleContents = new FakeWebContents(1);
    const projectorContents = new FakeWebContents(2);
    const closed = new FakeWebContents(3);
    const stranger = new FakeWebContents(4);
    for (const contents of [consoleContents, projectorContents, closed]) trusted.trust(contents);
    closed.destroy();
    const pushes = createPushSender(pushEvents, trusted, () => undefined);

    assert.deepEqual(pushes.push('exercise:state-changed', { phase: 'running' }), { ok: true, value: 2 });
    for (const contents of [consoleContents, projectorContents]) {
      assert.deepEqual(contents.sent, [{ channel: 'exercise:state-changed', args: [{ phase: 'running' }] }]);
    }
    assert.deepEqual(closed.sent, []);
    assert.deepEqual(stranger.sent, []);
  });

  test('can be addressed to some windows', () => {
    const trusted = createTrustedSenders();
    const one = new FakeWebContents(1);
    const two = new FakeWebContents(2);
    trusted.trust(one);
    trusted.trust(two);
    const pushes = createPushSender(pushEvents, trusted, () => undefined);
    assert.deepEqual(
      pushes.push('exercise:state-changed', { phase: 'briefing' }, (id) => id === 2),
      { ok: true, value: 1 },
    );
    assert.equal(one.sent.length, 0);
    assert.equal(two.sent.length, 1);
  });

  test('a payload outside the schema or an unknown event is not sent', () => {
    const trusted = createTrustedSenders();
    const contents = new FakeWebContents(1);
    trusted.trust(contents);
    const log: string[] = [];
    const pushes = createPushSender(pushEvents, trusted, (message) => log.push(message));
    assert.equal(pushes.push('exercise:state-changed', { phase: 1 } as never).ok, false);
    assert.equal(pushes.push('exercise:deleted' as never, {} as never).ok, false);
    assert.deepEqual(contents.sent, []);
    assert.equal(log.length, 1);
  });
});

// Compile-time checks (npm run typecheck): handlers are typed from the schemas.
/* eslint-disable @typescript-eslint/no-unsafe-assignment -- the lines below are deliberate type errors */
export const wrongRequestField: Partial<Handlers<typeof contract>> = {
  // @ts-expect-error the request is { exerciseId: string }, which has no injectId
  'exercise:get-state': (request) => ({ ok: true, value: { phase: request.injectId } }),
};
export const valueOutsideSchema: Partial<Handlers<typeof contract>> = {
  // @ts-expect-error 'exploded' is not a phase in the response schema
  'exercise:get-state': () => ({ ok: true, value: { phase: 'exploded' } }),
};
/* eslint-enable @typescript-eslint/no-unsafe-assignment */

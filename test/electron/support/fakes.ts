/**
 * Small stand-ins for the Electron objects the shell receives by injection. Each records what was
 * registered so a test can call the real handler the way Electron would.
 */
import type {
  BeforeRequestDetails,
  GuardedWebContents,
  HardenableApp,
  HardenableSession,
} from '../../../src-main/electron/security.ts';
import type { InvokeEventLike, TrustableWebContents } from '../../../src-main/electron/trusted-senders.ts';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = (...args: never[]): unknown => {
      this.removeListener(event, wrapper);
      return listener(...args);
    };
    return this.on(event, wrapper);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => unknown)(...args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface FakeEvent {
  readonly url: string;
  prevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

type PermissionRequestHandler = Parameters<HardenableSession['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<HardenableSession['setPermissionCheckHandler']>[0];
type DevicePermissionHandler = Parameters<HardenableSession['setDevicePermissionHandler']>[0];
type BeforeRequestListener = (details: BeforeRequestDetails, callback: (response: { cancel: boolean }) => void) => void;

export class FakeSession implements HardenableSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  devicePermissionHandler: DevicePermissionHandler | undefined;
  beforeRequest: BeforeRequestListener | undefined;
  spellChecker: boolean | undefined;
  hardenCalls = 0;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.hardenCalls += 1;
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequest = listener;
    },
  };

  /** Runs the registered webRequest listener; returns whether the request was cancelled. */
  request(url: string): boolean {
    if (this.beforeRequest === undefined) throw new Error('no onBeforeRequest listener registered');
    const responses: { cancel: boolean }[] = [];
    this.beforeRequest({ url }, (response) => responses.push(response));
    if (responses.length !== 1) throw new Error(`callback called ${responses.length} times`);
    return responses[0]!.cancel;
  }
}

export class FakeWebContents extends FakeEmitter implements GuardedWebContents, TrustableWebContents {
  windowOpenHandler: ((details: { readonly url: string }) => { action: 'deny' }) | undefined;
  destroyed = false;
  readonly sent: { channel: string; args: unknown[] }[] = [];

  constructor(
    readonly id: number,
    readonly session: FakeSession = new FakeSession(),
  ) {
    super();
  }

  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeApp extends FakeEmitter implements HardenableApp {
  readonly calls: string[] = [];
  private ready = false;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  lockAvailable = true;

  enableSandbox(): void {
    this.calls.push(this.ready ? 'enableSandbox after ready' : 'enableSandbox');
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
  becomeReady(): void {
    this.ready = true;
    this.calls.push('ready');
    this.resolveReady();
  }
}

export interface FrameSpec {
  readonly url: string;
  readonly parent?: unknown;
}

/** An ipcMain.handle event as Electron builds it, from a sender id and its frame (or null). */
export function invokeEvent(senderId: number, frame: FrameSpec | null): InvokeEventLike {
  return {
    sender: { id: senderId },
    senderFrame: frame === null ? null : { url: frame.url, parent: frame.parent ?? null },
  };
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();

  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would resolve to. */
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

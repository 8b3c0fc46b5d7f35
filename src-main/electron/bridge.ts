/**
 * The object the preload exposes as `window.sitroom`: one named function per contract channel, each
 * bound to its fixed channel, and `subscribe` for the contract's push events only. There is no
 * generic invoke/send and ipcRenderer never crosses the bridge — not even as the IpcRendererEvent
 * a listener would receive (its `sender` IS ipcRenderer), nor as the `this` that
 * ipcRenderer.on()/removeListener() return.
 *
 * Runs in the sandboxed preload: no node:* imports, nothing but plain functions.
 */
import { assertChannelNames } from './channel-names.ts';

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export type Bridge<C extends string, E extends string> = {
  readonly [K in C]: (payload: unknown) => Promise<unknown>;
} & {
  readonly subscribe: (eventName: E, listener: (payload: unknown) => void) => () => void;
};

export function createBridge<C extends string, E extends string>(
  ipcRenderer: IpcRendererLike,
  channelNames: readonly C[],
  eventNames: readonly E[],
): Bridge<C, E> {
  assertChannelNames('channel', channelNames);
  assertChannelNames('push event', eventNames);
  const overlap = channelNames.filter((name) => (eventNames as readonly string[]).includes(name));
  if (overlap.length > 0) throw new Error(`names used both as channel and push event: ${overlap.join(', ')}`);

  const allowedEvents: ReadonlySet<string> = new Set(eventNames);
  const api: Record<string, unknown> = {};
  for (const channel of channelNames) {
    // Exactly one argument crosses, whatever the caller passes; main refuses any other count.
    api[channel] = (payload: unknown): Promise<unknown> => ipcRenderer.invoke(channel, payload);
  }
  // `eventName` is typed unknown here: the page can pass anything, whatever the declared type says.
  api['subscribe'] = (eventName: unknown, listener: (payload: unknown) => void): (() => void) => {
    if (typeof eventName !== 'string' || !allowedEvents.has(eventName)) {
      throw new Error(`Unknown Sitroom event: ${typeof eventName === 'string' ? eventName : typeof eventName}`);
    }
    if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
    const forward = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(eventName, forward);
    let active = true;
    return (): void => {
      if (!active) return;
      active = false;
      ipcRenderer.removeListener(eventName, forward);
    };
  };
  return Object.freeze(api) as Bridge<C, E>;
}

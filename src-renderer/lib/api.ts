/**
 * The only file in the renderer that talks to the backend (style.md §9). In Electron it calls the
 * preload bridge (`window.sitroom`); in a browser it calls the loopback server over HTTP and
 * listens on its WebSocket. Either way: the same channels, the same Result errors.
 */
import type { ChannelName, PushEventName, PushOf, RequestOf, ResponseOf } from '@contract/channels.ts';
import type { Result } from '@contract/result.ts';

type Bridge = { readonly [C in ChannelName]: (payload: RequestOf<C>) => Promise<Result<ResponseOf<C>>> } & {
  readonly subscribe: (event: PushEventName, listener: (payload: unknown) => void) => () => void;
};

declare global {
  interface Window {
    readonly sitroom?: Bridge;
  }
}

type Listener = (payload: unknown) => void;

export interface Api {
  request<C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  subscribe<E extends PushEventName>(event: E, listener: (payload: PushOf<E>) => void): () => void;
  /** 'open' once push events flow; views show a reconnecting notice otherwise. */
  readonly connection: () => 'open' | 'connecting' | 'closed';
  onConnection(listener: (state: 'open' | 'connecting' | 'closed') => void): () => void;
}

function electronApi(bridge: Bridge): Api {
  return {
    request: (channel, payload) => (bridge[channel] as (p: unknown) => Promise<Result<never>>)(payload),
    subscribe: (event, listener) => bridge.subscribe(event, listener as Listener),
    connection: () => 'open',
    onConnection: () => () => undefined,
  };
}

function httpApi(): Api {
  const listeners = new Map<string, Set<Listener>>();
  const connectionListeners = new Set<(state: 'open' | 'connecting' | 'closed') => void>();
  let state: 'open' | 'connecting' | 'closed' = 'connecting';
  let retry = 250;
  const setState = (next: typeof state) => {
    state = next;
    connectionListeners.forEach((l) => l(next));
  };
  const connect = () => {
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    socket.addEventListener('open', () => {
      retry = 250;
      setState('open');
    });
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      let parsed: { event?: string; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as { event?: string; payload?: unknown };
      } catch {
        return;
      }
      if (typeof parsed.event === 'string') listeners.get(parsed.event)?.forEach((l) => l(parsed.payload));
    });
    socket.addEventListener('close', () => {
      setState('connecting');
      // Back off, but never give up: the server may be restarting after a crash.
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5_000);
    });
  };
  connect();
  return {
    async request(channel, payload) {
      try {
        const response = await fetch(`./api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(payload),
        });
        return (await response.json()) as Result<never>;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The Sitroom server cannot be reached. Is it still running?' } };
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
    connection: () => state,
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}

let instance: Api | null = null;

export function api(): Api {
  instance ??= window.sitroom ? electronApi(window.sitroom) : httpApi();
  return instance;
}

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
  /**
   * `exercise:dispatch` always travels with an idempotency key (added here when the caller gave
   * none), so a retry after a lost answer is recorded once. Over HTTP a dispatch whose answer was
   * lost is retried a few times with its key; if the server still cannot be reached the caller gets
   * a clear "not sent" error — never silence — and sending the same command again reuses the key.
   */
  request<C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  subscribe<E extends PushEventName>(event: E, listener: (payload: PushOf<E>) => void): () => void;
  /** 'open' once push events flow; views show a reconnecting notice otherwise. */
  readonly connection: () => 'open' | 'connecting' | 'closed';
  onConnection(listener: (state: 'open' | 'connecting' | 'closed') => void): () => void;
}

/** 128 random bits, URL-safe. getRandomValues works on plain http (a LAN room), randomUUID does not. */
export function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function withKey<C extends ChannelName>(channel: C, payload: RequestOf<C>): RequestOf<C> {
  if (channel !== 'exercise:dispatch') return payload;
  const dispatch = payload as RequestOf<'exercise:dispatch'>;
  return (dispatch.key === undefined ? { ...dispatch, key: newRequestKey() } : dispatch) as RequestOf<C>;
}

export const NOT_SENT =
  'Not sent: the facilitator’s computer cannot be reached. Nothing you typed is lost — send it again when the connection is back; it will be recorded once.';

function electronApi(bridge: Bridge): Api {
  return {
    request: (channel, payload) => (bridge[channel] as (p: unknown) => Promise<Result<never>>)(withKey(channel, payload)),
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
  /** Keys of dispatches whose answer never came, by command, so sending it again reuses the key. */
  const unanswered = new Map<string, string>();
  const post = async (channel: string, body: string): Promise<Result<never>> => {
    const response = await fetch(`./api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    return (await response.json()) as Result<never>;
  };
  return {
    async request(channel, payload) {
      if (channel !== 'exercise:dispatch') {
        try {
          return await post(channel, JSON.stringify(payload));
        } catch {
          return { ok: false, error: { code: 'internal', message: 'The Sitroom server cannot be reached. Is it still running?' } };
        }
      }
      const dispatch = payload as RequestOf<'exercise:dispatch'>;
      const fingerprint = JSON.stringify([dispatch.id, dispatch.command, dispatch.actor]);
      const key = dispatch.key ?? unanswered.get(fingerprint) ?? newRequestKey();
      const body = JSON.stringify({ ...dispatch, key });
      // The same key on every attempt: whichever attempt reached the server, it is recorded once.
      for (const wait of [0, 300, 1_000, 2_500]) {
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        try {
          const result = await post(channel, body);
          unanswered.delete(fingerprint);
          return result;
        } catch {
          unanswered.set(fingerprint, key);
        }
      }
      return { ok: false, error: { code: 'internal', message: NOT_SENT } };
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

/**
 * Exchanges a join code for this seat's session (room network only). The server answers with an
 * HttpOnly cookie this page never sees; the code is sent in the body, never in a URL.
 */
export async function joinRoom(code: string): Promise<Result<{ seat: { id: string; role: string; cell: string | null; label: string } }>> {
  try {
    const response = await fetch('./api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    return (await response.json()) as Result<never>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The room cannot be reached. Check the address and the network.' } };
  }
}

let instance: Api | null = null;

export function api(): Api {
  instance ??= window.sitroom ? electronApi(window.sitroom) : httpApi();
  return instance;
}

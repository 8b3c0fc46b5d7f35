/**
 * The web contents of windows we created. An IPC message is trusted only if it comes from one of
 * them AND from a top-level frame showing the app origin (GitHub Desktop's trusted-ipc-sender,
 * plus the frame check Electron's security guide asks for).
 */
import { isAppUrl } from './app-origin.ts';

export interface TrustableWebContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface TrustedSenders {
  /** Call right after creating a window, before it loads anything. */
  trust(contents: TrustableWebContents): void;
  has(id: number): boolean;
  /** Live trusted web contents, for push events. */
  list(): readonly TrustableWebContents[];
}

export function createTrustedSenders(): TrustedSenders {
  const byId = new Map<number, TrustableWebContents>();
  return {
    trust(contents) {
      byId.set(contents.id, contents);
      contents.once('destroyed', () => byId.delete(contents.id));
    },
    has: (id) => byId.has(id),
    list: () => [...byId.values()].filter((contents) => !contents.isDestroyed()),
  };
}

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export function isTrustedSender(trusted: TrustedSenders, event: InvokeEventLike): boolean {
  try {
    const frame = event.senderFrame;
    // null: the frame navigated away or was destroyed after sending — its origin is unknown.
    if (frame === null || frame === undefined) return false;
    if (frame.parent !== null) return false;
    if (!isAppUrl(frame.url)) return false;
    return trusted.has(event.sender.id);
  } catch {
    // Reading a disposed frame can throw; a sender we cannot identify is not trusted.
    return false;
  }
}

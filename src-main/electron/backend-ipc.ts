/**
 * Connects the exercise backend to Electron IPC: every contract channel handled (sender checked,
 * payload parsed, then the backend's handler — the same handlers the HTTP transport calls), and
 * every push event sent to the trusted windows. No value import of electron: main.ts passes in
 * ipcMain and the trusted-sender set, so this is tested with fakes.
 */
import { channels, pushEvents } from '../contract/channels.ts';
import type { Backend } from '../services/app-backend.ts';
import { createPushSender, registerIpcHandlers } from './ipc.ts';
import type { IpcLog, IpcMainLike } from './ipc.ts';
import type { Handlers } from './contract-shape.ts';
import type { InvokeEventLike, TrustedSenders } from './trusted-senders.ts';

export interface BackendIpcDeps {
  readonly ipcMain: IpcMainLike;
  readonly trusted: TrustedSenders;
  readonly isTrustedSender: (event: InvokeEventLike) => boolean;
  readonly log: IpcLog;
}

/** Returns a function that unregisters the handlers and stops the pushes. */
export function wireBackendToIpc(deps: BackendIpcDeps, backend: Backend): () => void {
  // The backend handlers take the parsed request and return the contract's Result; the IPC
  // adapter adds the sender context they do not need.
  const handlers = backend.handlers as unknown as Handlers<typeof channels>;
  const unregister = registerIpcHandlers(deps.ipcMain, channels, handlers, deps.isTrustedSender, deps.log);
  const pushes = createPushSender(pushEvents, deps.trusted, deps.log);
  const stopPushes = backend.onPush((event, payload) => {
    const sent = pushes.push(event, payload as never);
    if (!sent.ok) deps.log(`ipc: push ${event} not sent: ${sent.error.message}`);
  });
  return () => {
    stopPushes();
    unregister();
  };
}

/**
 * The Electron IPC transport for the contract. Every request goes through the same three steps,
 * in this order (style.md, convention 7): check the sender, parse the payload with the channel's
 * schema, call the handler. Whatever happens, the renderer gets a Result — never a thrown error,
 * whose message Electron would rewrite and whose stack would leak main-process paths.
 */
import type { z } from 'zod';
import { assertChannelNames } from './channel-names.ts';
import type {
  AdapterErrorCode,
  ChannelSchemas,
  ContractShape,
  EventPayloadInputOf,
  HandlerContext,
  Handlers,
  IpcError,
  IpcResult,
  PushEventsShape,
} from './contract-shape.ts';
import type { InvokeEventLike, TrustedSenders } from './trusted-senders.ts';

/** The parts of Electron's ipcMain the adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

type ErasedHandler = (request: unknown, context: HandlerContext) => unknown;

/** Where refusals and faults are recorded; nothing is swallowed. */
export type IpcLog = (message: string, error?: unknown) => void;

const MESSAGES = {
  forbidden: 'This window is not allowed to ask Sitroom for that. Close it and continue in the Sitroom console window.',
  badRequest: (channel: string, details: string) =>
    `Sitroom refused a malformed request (${channel}: ${details}). This is a fault in the app, not in what you entered; nothing was changed. Please report it with this message.`,
  internal: (channel: string) =>
    `Sitroom hit an unexpected error while handling ${channel}; nothing was changed. Try again, and if it happens again, report it with the time it happened — the details are in the app log.`,
} as const;

function failure(code: AdapterErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Registers one `ipcMain.handle` per contract channel. Throws at start-up (not at request time) if a
 * channel name is malformed or a handler is missing or unknown. Returns a function that removes
 * the handlers again.
 */
export function registerIpcHandlers<C extends ContractShape>(
  ipcMain: IpcMainLike,
  contract: C,
  handlers: Handlers<C>,
  isTrustedSender: (event: InvokeEventLike) => boolean,
  log: IpcLog,
): () => void {
  const channels = Object.keys(contract) as (keyof C & string)[];
  assertChannelNames('channel', channels);
  for (const name of Object.keys(handlers)) {
    if (!Object.hasOwn(contract, name)) throw new Error(`handler for ${name}, which is not in the contract`);
  }
  for (const channel of channels) {
    if (typeof handlers[channel] !== 'function') throw new Error(`no handler for contract channel ${channel}`);
  }

  // Widened once: the generic types did their work at the call site (a handler per channel, taking
  // that channel's parsed request); at run time each handler only ever receives what its own
  // channel's schema produced.
  const schemasByChannel: Readonly<Record<string, ChannelSchemas>> = contract;
  const handlersByChannel = handlers as unknown as Readonly<Record<string, ErasedHandler>>;
  for (const channel of channels) {
    const { request, response } = schemasByChannel[channel]!;
    const handler = handlersByChannel[channel]!;
    ipcMain.handle(channel, async (event, ...args): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event)) {
        log(`ipc: refused ${channel} from an untrusted sender`);
        return failure('forbidden', MESSAGES.forbidden);
      }
      // The preload sends exactly one argument; anything else did not come through the bridge.
      if (args.length !== 1)
        return failure('bad-request', MESSAGES.badRequest(channel, `expected 1 argument, got ${args.length}`));
      const parsed = await request.safeParseAsync(args[0]);
      if (!parsed.success) return failure('bad-request', MESSAGES.badRequest(channel, summarizeIssues(parsed.error)));

      const context: HandlerContext = { senderId: event.sender.id };
      let result: unknown;
      try {
        result = await handler(parsed.data, context);
      } catch (error) {
        log(`ipc: handler for ${channel} threw`, error);
        return failure('internal', MESSAGES.internal(channel));
      }
      return checkedResult(channel, response, result, log);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * A handler's Result is checked too: the value against the response schema (so main never sends
 * the renderer something the contract does not describe), the error reduced to code + message.
 */
async function checkedResult(
  channel: string,
  schema: z.ZodType,
  result: unknown,
  log: IpcLog,
): Promise<IpcResult<unknown>> {
  if (!isRecord(result) || typeof result['ok'] !== 'boolean') {
    log(`ipc: handler for ${channel} returned something that is not a Result`);
    return failure('internal', MESSAGES.internal(channel));
  }
  if (!result['ok']) {
    const error = result['error'];
    if (!isRecord(error) || typeof error['code'] !== 'string' || typeof error['message'] !== 'string') {
      log(`ipc: handler for ${channel} returned a failure without code and message`);
      return failure('internal', MESSAGES.internal(channel));
    }
    const clean: IpcError = { code: error['code'], message: error['message'] };
    return { ok: false, error: clean };
  }
  const value = await schema.safeParseAsync(result['value']);
  if (!value.success) {
    log(`ipc: handler for ${channel} returned a value outside the contract: ${summarizeIssues(value.error)}`);
    return failure('internal', MESSAGES.internal(channel));
  }
  return { ok: true, value: value.data };
}

/** Paths and messages of the first few issues; zod's messages do not echo the offending values. */
function summarizeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length === 0 ? 'payload' : issue.path.map(String).join('.');
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > shown.length ? `; and ${error.issues.length - shown.length} more` : '';
  return shown.join('; ') + more;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export interface PushSender<E extends PushEventsShape> {
  /**
   * Validates `payload` against the event's schema and sends it to every live trusted window (or
   * those `only` accepts). Returns how many windows it was sent to.
   */
  push<N extends keyof E & string>(
    name: N,
    payload: EventPayloadInputOf<E, N>,
    only?: (senderId: number) => boolean,
  ): IpcResult<number>;
}

export function createPushSender<E extends PushEventsShape>(
  events: E,
  trusted: TrustedSenders,
  log: IpcLog,
): PushSender<E> {
  assertChannelNames('push event', Object.keys(events));
  return {
    push(name, payload, only) {
      if (!Object.hasOwn(events, name)) return failure('internal', `push event ${name} is not in the contract`);
      let parsed: ReturnType<z.ZodType['safeParse']>;
      try {
        const schemas: Readonly<Record<string, z.ZodType>> = events;
        const schema = schemas[name]!;
        parsed = schema.safeParse(payload);
      } catch (error) {
        log(`ipc: push ${name} could not be validated`, error);
        return failure('internal', MESSAGES.internal(name));
      }
      if (!parsed.success) {
        log(`ipc: push ${name} payload outside the contract: ${summarizeIssues(parsed.error)}`);
        return failure('internal', MESSAGES.internal(name));
      }
      let sent = 0;
      for (const contents of trusted.list()) {
        if (only !== undefined && !only(contents.id)) continue;
        contents.send(name, parsed.data);
        sent += 1;
      }
      return { ok: true, value: sent };
    },
  };
}

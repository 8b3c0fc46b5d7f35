/**
 * The shape the IPC adapter needs from the contract (src-main/contract/, written separately):
 * request channels named `domain:verb-noun`, each with a request and a response schema, and push
 * events, each with a payload schema. Types only — no runtime code, no zod at runtime.
 *
 * `response` describes the `value` of a successful Result; failures always carry an IpcError.
 */
import type { z } from 'zod';
import type { Result } from '../core/engine/result.ts';

export type ChannelName = `${string}:${string}`;

export interface ChannelSchemas {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

export type ContractShape = Readonly<Record<ChannelName, ChannelSchemas>>;
export type PushEventsShape = Readonly<Record<ChannelName, z.ZodType>>;

/**
 * Codes the adapter itself produces; handlers add their own domain codes. `message` is for a
 * person: it says what happened and what to do (style.md, convention 8).
 */
export type AdapterErrorCode = 'forbidden' | 'bad-request' | 'internal';

export interface IpcError {
  readonly code: string;
  readonly message: string;
}

export type IpcResult<T> = Result<T, IpcError>;

type RequestSchema<C, K extends keyof C> = C[K] extends { readonly request: infer S extends z.ZodType } ? S : never;
type ResponseSchema<C, K extends keyof C> = C[K] extends { readonly response: infer S extends z.ZodType } ? S : never;
type EventSchema<E, N extends keyof E> = E[N] extends z.ZodType ? E[N] : never;

/** What a handler receives: the request after parsing (defaults applied, transforms run). */
export type RequestOf<C extends ContractShape, K extends keyof C> = z.output<RequestSchema<C, K>>;
/** What the renderer passes: the request before parsing. */
export type RequestInputOf<C extends ContractShape, K extends keyof C> = z.input<RequestSchema<C, K>>;
/** What a handler returns as `value`: checked and parsed again before it is sent. */
export type ResponseInputOf<C extends ContractShape, K extends keyof C> = z.input<ResponseSchema<C, K>>;
/** What the renderer receives as `value`. */
export type ResponseOf<C extends ContractShape, K extends keyof C> = z.output<ResponseSchema<C, K>>;
export type EventPayloadInputOf<E extends PushEventsShape, N extends keyof E> = z.input<EventSchema<E, N>>;
export type EventPayloadOf<E extends PushEventsShape, N extends keyof E> = z.output<EventSchema<E, N>>;

export interface HandlerContext {
  /** The webContents that sent the request, e.g. to address a reply to one window. */
  readonly senderId: number;
}

export type Handler<C extends ContractShape, K extends keyof C> = (
  request: RequestOf<C, K>,
  context: HandlerContext,
) => IpcResult<ResponseInputOf<C, K>> | Promise<IpcResult<ResponseInputOf<C, K>>>;

export type Handlers<C extends ContractShape> = { readonly [K in keyof C]: Handler<C, K> };

/**
 * What the renderer sees on `window.sitroom` (src-renderer/lib/api.ts declares it with this type):
 * one function per channel and a subscribe restricted to the contract's push events.
 */
export type SitroomBridge<C extends ContractShape, E extends PushEventsShape> = {
  readonly [K in keyof C]: (payload: RequestInputOf<C, K>) => Promise<IpcResult<ResponseOf<C, K>>>;
} & {
  readonly subscribe: <N extends keyof E & string>(
    eventName: N,
    listener: (payload: EventPayloadOf<E, N>) => void,
  ) => () => void;
};

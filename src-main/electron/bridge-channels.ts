/**
 * The names the preload exposes: exactly the contract's channels and push events, taken from the
 * zod-free list so the sandboxed preload bundle carries no validation library.
 */
import { CHANNEL_NAME_LIST, PUSH_EVENT_NAME_LIST } from '../contract/names.ts';

export const BRIDGE_CHANNEL_NAMES: readonly `${string}:${string}`[] = CHANNEL_NAME_LIST;
export const BRIDGE_EVENT_NAMES: readonly `${string}:${string}`[] = PUSH_EVENT_NAME_LIST;

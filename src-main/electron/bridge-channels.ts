/**
 * The names the preload exposes. They must equal the keys of the contract (src-main/contract/),
 * which does not exist yet.
 *
 * TODO(contract): replace both lists with the contract's own name lists, e.g. a zod-free
 * `src-main/contract/names.ts` exporting `CHANNEL_NAMES` / `PUSH_EVENT_NAMES` `as const` (keeps zod
 * out of the sandboxed preload bundle), plus a test that they equal `Object.keys(contract)` and
 * `Object.keys(pushEvents)`. Until then the bridge exposes only `subscribe`, for no event.
 */
export const BRIDGE_CHANNEL_NAMES: readonly `${string}:${string}`[] = [];
export const BRIDGE_EVENT_NAMES: readonly `${string}:${string}`[] = [];

/**
 * Plain-object dictionaries keep the state JSON-able (deep-equal replay tests, cheap to push to a
 * view). Ids reaching these lookups may come from a person's command, so reads go through `own`:
 * `record['constructor']` on a plain object would otherwise find Object.prototype's member.
 *
 * Append-only lists (the log, the records of play, histories) grow through `append`, which is
 * where a whole-log fold gets its speed: see `transient` below.
 */

export type Dict<T> = Readonly<Record<string, T>>;

export function own<T>(record: Dict<T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function put<T>(record: Dict<T>, key: string, value: T): Dict<T> {
  return { ...record, [key]: value };
}

/** Applies `change` to one entry; a missing entry leaves the record as it is. */
export function update<T>(record: Dict<T>, key: string, change: (value: T) => T): Dict<T> {
  const current = own(record, key);
  if (current === undefined) return record;
  const next = change(current);
  return next === current ? record : put(record, key, next);
}

export function fromEntries<T>(entries: Iterable<readonly [string, T]>): Dict<T> {
  const out: Record<string, T> = {};
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** A command's or event's payload: everything but its `type` tag. */
export function payloadOf<T extends { readonly type: string }>(tagged: T): Omit<T, 'type'> {
  // A loop rather than entries/filter/fromEntries: it runs for every recorded event of a fold.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(tagged)) {
    if (key === 'type') continue;
    const value: unknown = (tagged as Record<string, unknown>)[key];
    // An own "__proto__" key (JSON.parse makes one) must stay data, as Object.fromEntries keeps it.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out as Omit<T, 'type'>;
}

/*
 * Transient folds.
 *
 * A fold that never exposes its intermediate states (`project`, `replay`) may change what it made
 * in place instead of copying it per event, which would make folding n events O(n²). `transient`
 * opens such a fold; inside it, `append` pushes onto a list only if this same fold allocated that
 * list (the first append to a list it did not make copies it once, and the copy is the fold's).
 * Anything reachable from outside — the caller's state, a state an earlier fold returned, a
 * scenario constant — is therefore never written. When the fold returns, its token is dropped and
 * never reused, so everything in the state it returned is as immutable as any other state.
 *
 * Two more kinds of fold grow lists they did not make, for callers that can promise what a
 * transient fold knows by construction: `borrowing` (gives them back cut to their old length) and
 * `owning` (the caller gives up the states it passes in).
 *
 * What may change in place: lists (`append`, `appendAll`) and a service's downtime tallies
 * (`accrueAll` in `cascade.ts`, only on runtimes the fold made). Nothing else: dictionaries, and every field the memos in
 * `settle` and `dueItems` read, stay copy-on-write, because those memos test identity, which is
 * sound only while such a value never changes once made.
 */
let foldToken: object | null = null;
const madeBy = new WeakMap<object, object>();
/** In a `borrowing` or `owning` fold: how long each list it grew in place was before (else null). */
let grown: [unknown[], number][] | null = null;

/** True when the running transient fold made `value`, so it alone can reach it. */
export function madeByThisFold(value: object): boolean {
  return foldToken !== null && madeBy.get(value) === foldToken;
}

/** Marks `value`, just allocated, as the running fold's (outside a fold: does nothing). */
export function madeNow<T extends object>(value: T): T {
  if (foldToken !== null) madeBy.set(value, foldToken);
  return value;
}

function open<R>(into: [unknown[], number][] | null, fold: () => R, close: (lists: [unknown[], number][]) => void): R {
  const outer = { token: foldToken, grown };
  foldToken = {};
  grown = into;
  try {
    return fold();
  } finally {
    if (into !== null) close(into);
    foldToken = outer.token;
    grown = outer.grown;
  }
}

export function transient<R>(fold: () => R): R {
  return open(null, fold, () => {});
}

/**
 * A fold on top of someone else's state that hands it back untouched: `decide`'s working fold over
 * the session's state. Inside, lists grow in place whoever made them, and each one's length is
 * noted; when `fold` returns or throws, every such list is cut back to it. So the caller's state is
 * exactly as it was, at O(events) instead of a copy of the log per event. Sound because `fold` runs
 * synchronously (nothing else can look in between) and must not return anything holding those
 * lists (`decide` returns events, never a state).
 */
export function borrowing<R>(fold: () => R): R {
  return open([], fold, (lists) => {
    for (let i = lists.length - 1; i >= 0; i--) {
      const [list, length] = lists[i] as [unknown[], number];
      list.length = length;
    }
  });
}

/**
 * A fold by the one owner of a state, who gives up every state it passes in (a session keeps only
 * its latest state): lists grow in place whoever made them, and stay grown. Anyone still holding
 * an earlier state sees its lists grow, so only an owner that never hands out states to keep may
 * use it (see ADR 004, "Folding fast").
 */
export function owning<R>(fold: () => R): R {
  return open([], fold, () => {});
}

/** May `list` be grown in place by the running fold? */
function growsInPlace(list: readonly unknown[]): boolean {
  if (madeByThisFold(list)) return true;
  // A frozen list (a test's snapshot, a constant) is copied as outside any fold.
  if (grown === null || !Object.isExtensible(list)) return false;
  grown.push([list as unknown[], list.length]);
  madeBy.set(list, foldToken as object);
  return true;
}

/** The list with `item` at the end: grown in place when the running fold may (see above). */
export function append<T>(list: readonly T[], item: T): readonly T[] {
  if (growsInPlace(list)) {
    (list as T[]).push(item);
    return list;
  }
  // concat of a one-element array: the quickest copy V8 has (no iterator, unlike a spread), and
  // it adds `item` itself even if it were an array.
  return madeNow(list.concat([item]));
}

/** The list with `items` at the end (same ownership rule as `append`). */
export function appendAll<T>(list: readonly T[], items: readonly T[]): readonly T[] {
  if (items.length === 0) return list;
  if (growsInPlace(list)) {
    for (const item of items) (list as T[]).push(item);
    return list;
  }
  return madeNow(list.concat(items));
}

/**
 * `record` with its list `key` replaced; the record itself when the list was grown in place (a
 * transient fold), so the dictionaries above it stay the same objects and the memos keyed on them
 * (`settle`, `dueItems`) still apply.
 */
export function withList<R extends object, K extends keyof R>(record: R, key: K, list: R[K]): R {
  return record[key] === list ? record : { ...record, [key]: list };
}

/**
 * Plain-object dictionaries keep the state JSON-able (deep-equal replay tests, cheap to push to a
 * view). Ids reaching these lookups may come from a person's command, so reads go through `own`:
 * `record['constructor']` on a plain object would otherwise find Object.prototype's member.
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
  return Object.fromEntries(Object.entries(tagged).filter(([key]) => key !== 'type')) as Omit<T, 'type'>;
}

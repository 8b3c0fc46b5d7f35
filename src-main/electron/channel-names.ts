/**
 * Channel and push-event names are `domain:verb-noun` (style.md, convention 5). Checked when the
 * handlers are registered and when the preload builds the bridge, so a name that could collide with
 * `subscribe` or an Object.prototype key never becomes a bridge property.
 */
export const CHANNEL_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*:[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function assertChannelNames(kind: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!CHANNEL_NAME_PATTERN.test(name))
      throw new Error(`${kind} name ${JSON.stringify(name)} is not domain:verb-noun`);
    if (seen.has(name)) throw new Error(`${kind} name ${JSON.stringify(name)} is listed twice`);
    seen.add(name);
  }
}

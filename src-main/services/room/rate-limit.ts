/**
 * Failed join attempts per remote address in a sliding window. Once an address has failed `limit`
 * times inside the window, every attempt from it is refused until the oldest failure ages out —
 * with 40-bit codes and 10 tries a minute, guessing a live code takes longer than the universe has.
 */
export interface RateLimitOptions {
  readonly limit: number;
  readonly windowMs: number;
  readonly now: () => number;
  /** Addresses remembered at most (oldest forgotten first), so a flood cannot exhaust memory. */
  readonly maxAddresses?: number;
}

export class FailureRateLimit {
  readonly #failures = new Map<string, number[]>();

  constructor(private readonly options: RateLimitOptions) {}

  #recent(address: string): number[] {
    const since = this.options.now() - this.options.windowMs;
    const kept = (this.#failures.get(address) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.#failures.delete(address);
    else this.#failures.set(address, kept);
    return kept;
  }

  /** Milliseconds until this address may try again; 0 when it may try now. */
  retryAfter(address: string): number {
    const recent = this.#recent(address);
    if (recent.length < this.options.limit) return 0;
    return Math.max(1, recent[recent.length - this.options.limit]! + this.options.windowMs - this.options.now());
  }

  fail(address: string): void {
    const recent = this.#recent(address);
    recent.push(this.options.now());
    this.#failures.delete(address);
    this.#failures.set(address, recent);
    const max = this.options.maxAddresses ?? 10_000;
    while (this.#failures.size > max) this.#failures.delete(this.#failures.keys().next().value as string);
  }
}

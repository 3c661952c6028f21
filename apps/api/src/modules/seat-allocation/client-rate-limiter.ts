export type RateLimitVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export type RateLimitOptions = {
  readonly limit: number;
  readonly windowMs: number;
  /** Clients tracked at most; beyond that the least recently seen are forgotten. */
  readonly maxClients: number;
  readonly now?: () => number;
};

/**
 * Sliding-window request limit per client key, held in memory: at most `limit` requests in any `windowMs`.
 * Memory is bounded by maxClients × limit timestamps.
 */
export class ClientRateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  take(client: string): RateLimitVerdict {
    const now = this.now();
    const since = now - this.options.windowMs;
    const recent = (this.hits.get(client) ?? []).filter((time) => time > since);
    // Re-inserting keeps the Map in least-recently-seen order for eviction.
    this.hits.delete(client);
    if (recent.length >= this.options.limit) {
      this.hits.set(client, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.options.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(client, recent);
    if (this.hits.size > this.options.maxClients) this.evict(since);
    return { allowed: true };
  }

  private evict(since: number): void {
    for (const [client, times] of this.hits) if (times[times.length - 1]! <= since) this.hits.delete(client);
    // A flood of distinct addresses: forget the least recently seen; they merely get a fresh window.
    for (const client of this.hits.keys()) {
      if (this.hits.size <= this.options.maxClients) break;
      this.hits.delete(client);
    }
  }
}

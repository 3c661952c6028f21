import { describe, expect, it } from 'vitest';
import { ClientRateLimiter } from './client-rate-limiter';

describe('ClientRateLimiter', () => {
  it('should allow the limit within the window, refuse the next with the seconds to wait and allow again once the oldest request ages out', () => {
    let now = 1_000_000;
    const limiter = new ClientRateLimiter({ limit: 3, windowMs: 60_000, maxClients: 100, now: () => now });
    expect(limiter.take('a')).toEqual({ allowed: true });
    now += 10_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.take('b')).toEqual({ allowed: true });
    now += 50_000; // the first request is now exactly 60 s old and no longer counts
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('should keep no more than maxClients clients, forgetting the least recently seen', () => {
    let now = 0;
    const limiter = new ClientRateLimiter({ limit: 1, windowMs: 60_000, maxClients: 2, now: () => now });
    expect(limiter.take('a').allowed).toBe(true);
    now += 1;
    expect(limiter.take('b').allowed).toBe(true);
    now += 1;
    expect(limiter.take('c').allowed).toBe(true); // evicts a
    expect(limiter.take('b').allowed).toBe(false);
    expect(limiter.take('a').allowed).toBe(true);
  });
});

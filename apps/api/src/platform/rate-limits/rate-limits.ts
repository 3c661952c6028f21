import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Database } from '../database/database';

/** One limit: at most `points` attempts per `durationSeconds`; beyond that blocked for `blockSeconds` (default: the rest of the window). */
export type LimitSpec = {
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
  readonly blockSeconds?: number;
};

/** `consumed`: the attempts counted in the current window, this one included. */
export type Reservation =
  | { readonly allowed: true; readonly consumed: number }
  | { readonly allowed: false; readonly retryAfterSeconds: number; readonly firstRefusal: boolean };

/**
 * A limit whose counter lives outside the process. `reserve` takes an attempt atomically BEFORE the
 * caller checks a secret (an increment in one statement, so parallel requests cannot all pass the
 * check); `release` gives it back when the attempt turned out legitimate.
 */
export type Limit = {
  reserve(subject: string): Promise<Reservation>;
  release(subject: string): Promise<void>;
  /** Blocks the subject for `seconds` from now (growing blocks are built from this). */
  block(subject: string, seconds: number): Promise<void>;
  /** Forgets the subject's counter (an office unlocks an account). */
  reset(subject: string): Promise<void>;
  /** Reads the subject's counter without taking an attempt: the attempts counted and, when blocked, the seconds left. */
  peek(subject: string): Promise<LimitState>;
};

export type LimitState = { readonly consumed: number; readonly blockedForSeconds: number | null };

export const RATE_LIMIT_TABLE = 'rate_limits';

/**
 * Rate limits shared by every API process, built on rate-limiter-flexible: with REDIS_URL its Redis
 * store (one Lua script per attempt), otherwise its PostgreSQL store on the app's own pool (one
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING` per attempt in the table `rate_limits`).
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private redis: ReturnType<typeof createClient> | undefined;
  private redisReady: Promise<void> | undefined;
  /** One limiter per process sweeps the shared table's expired rows (every 5 minutes); the others need not. */
  private sweeping = false;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  define(spec: LimitSpec): Limit {
    let limiter: RateLimiterAbstract | undefined;
    const get = async (): Promise<RateLimiterAbstract> => (limiter ??= await this.create(spec));
    const key = (subject: string): string => createHash('sha256').update(`${spec.name}\u0000${subject}`).digest('base64url');
    return {
      reserve: async (subject) => {
        try {
          const result = await (await get()).consume(key(subject), 1);
          return { allowed: true, consumed: result.consumedPoints };
        } catch (error) {
          if (!(error instanceof RateLimiterRes)) throw error;
          return {
            allowed: false,
            retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
            firstRefusal: error.consumedPoints === spec.points + 1,
          };
        }
      },
      release: async (subject) => {
        await (await get()).reward(key(subject), 1);
      },
      block: async (subject, seconds) => {
        await (await get()).block(key(subject), seconds);
      },
      reset: async (subject) => {
        await (await get()).delete(key(subject));
      },
      peek: async (subject) => {
        const state = await (await get()).get(key(subject));
        if (!state) return { consumed: 0, blockedForSeconds: null };
        const blocked = state.consumedPoints > spec.points && state.msBeforeNext > 0;
        return { consumed: state.consumedPoints, blockedForSeconds: blocked ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : null };
      },
    };
  }

  // After the HTTP server has closed (Nest calls this last): requests still in flight count on Redis.
  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  private async create(spec: LimitSpec): Promise<RateLimiterAbstract> {
    const options = {
      keyPrefix: spec.name,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds ?? 0,
    };
    if (this.config.redisUrl) {
      const client = await this.redisClient(this.config.redisUrl);
      return new RateLimiterRedis({ ...options, storeClient: client, useRedisPackage: true });
    }
    // The table comes from a migration (tableCreated): the API never creates tables at run time.
    const clearExpiredByTimeout = !this.sweeping;
    this.sweeping = true;
    return new RateLimiterPostgres({
      ...options,
      storeClient: this.db.pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout,
    });
  }

  private async redisClient(url: string): Promise<ReturnType<typeof createClient>> {
    if (!this.redis) {
      this.redis = createClient({ url });
      this.redisReady = this.redis.connect().then(() => undefined);
    }
    await this.redisReady;
    return this.redis;
  }
}

import { type CanActivate, type ExecutionContext, Injectable, mixin, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { AppError } from '../errors/app-error';
import { RateLimits, type Limit, type LimitSpec } from './rate-limits';

export type PerClientLimitOptions = {
  /** The 429 to answer, given the seconds until the client may try again (goes into Retry-After). */
  readonly refusal: (retryAfterSeconds: number) => AppError;
  /** When the limit's store (Redis, PostgreSQL) fails, let the request through instead of failing it. */
  readonly failOpen?: boolean;
};

/**
 * A guard that counts each client address (behind a local proxy, its X-Forwarded-For) against `spec`
 * in the shared store of RateLimits, so the limit holds across every API process behind the balancer.
 */
export function PerClientLimit(spec: LimitSpec, options: PerClientLimitOptions): Type<CanActivate> {
  @Injectable()
  class PerClientLimitGuard implements CanActivate {
    private readonly limit: Limit;

    constructor(limits: RateLimits) {
      this.limit = limits.define(spec);
    }

    async canActivate(context: ExecutionContext): Promise<boolean> {
      const request = context.switchToHttp().getRequest<Request>();
      const verdict = await this.limit.reserve(request.ip ?? 'unknown').catch((error: unknown) => {
        if (options.failOpen) return { allowed: true } as const;
        throw error;
      });
      if (!verdict.allowed) throw options.refusal(verdict.retryAfterSeconds);
      return true;
    }
  }
  return mixin(PerClientLimitGuard);
}

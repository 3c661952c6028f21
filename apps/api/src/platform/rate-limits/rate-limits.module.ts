import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitEntity } from './rate-limit.entity';
import { RateLimits } from './rate-limits';

export const RATE_LIMIT_ENTITIES = [RateLimitEntity] as const;

/** Provides `RateLimits` to every module; the modules define their limits with their rules. */
@Global()
@Module({ imports: [TypeOrmModule.forFeature([...RATE_LIMIT_ENTITIES])], providers: [RateLimits], exports: [RateLimits] })
export class RateLimitsModule {}

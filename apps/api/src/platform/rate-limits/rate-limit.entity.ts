import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The counters of every rate limit when no Redis is configured: rate-limiter-flexible's
 * RateLimiterPostgres layout (key, consumed points, expiry in epoch ms), shared by all API processes.
 * Keys are hashes of the limit's name and subject, so no user name or address is stored here.
 */
@Entity({ name: 'rate_limits' })
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  @Column({ type: 'integer', default: 0 })
  points!: number;

  @Column({ type: 'bigint', nullable: true })
  expire!: string | null;
}

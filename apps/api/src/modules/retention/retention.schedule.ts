import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { defineJob, JobQueue } from '../../platform/jobs/job-queue';
import { RetentionService } from './retention.service';

/** The daily retention run (R8.4), sent by pg-boss's scheduler once across all API processes. */
export const DAILY_RETENTION = defineJob<Record<string, never>>('retention.daily');

/** At 03:15 Berlin time, when nobody enters results or applications. */
const DAILY_AT = '15 3 * * *';

/**
 * The daily retention run (R8.4) as a scheduled job of the job queue: whichever API process is free
 * runs it. The per-election advisory lock and the idempotent deletions make a retried run a no-op
 * for what is already done.
 */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionSchedule.name);

  constructor(
    private readonly retention: RetentionService,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(DAILY_RETENTION, DAILY_AT, {});
    await this.jobs.work(DAILY_RETENTION, () => this.run());
  }

  /** One run; a failure is logged and rethrown, so that pg-boss retries it. */
  async run(): Promise<void> {
    try {
      const outcome = await this.retention.runScheduled();
      this.logger.log(`retention run: ${JSON.stringify(outcome)}`);
    } catch (error) {
      this.logger.error(`retention run failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}
